// @ts-check
// Scenarios are sets of traits; routes and the model read traits, never scenario names,
// so a new scenario is one entry here.

/** Every scenario name, in the order a UI would list them. */
export const SCENARIO_NAMES = /** @type {const} */ ([
  'healthy',
  'production-like',
  'incident',
  'worker-offline',
  'outage',
  'auth',
  'secured',
]);

/** @typedef {typeof SCENARIO_NAMES[number]} ScenarioName */

/**
 * @typedef {object} ScenarioTraits
 * @property {boolean} legacy what today's deployment does: Redis and Celery checks fail,
 *   removed features answer not_applicable, model-health crashes, SQLite pool
 * @property {boolean} requireAuth token endpoints need `Bearer dev-admin-token`
 * @property {boolean} incident error burst, slow responses, graph module and Qdrant down, pool pressure
 * @property {boolean} workerDown the edge worker stops sending heartbeats
 * @property {boolean} outage a gateway answers 502 HTML to every API request
 */

/** @type {ScenarioTraits} */
const HEALTHY = { legacy: false, requireAuth: false, incident: false, workerDown: false, outage: false };

/** @type {Readonly<Record<ScenarioName, Readonly<ScenarioTraits>>>} */
export const SCENARIO_TRAITS = {
  healthy: HEALTHY,
  'production-like': { ...HEALTHY, legacy: true },
  incident: { ...HEALTHY, incident: true },
  'worker-offline': { ...HEALTHY, workerDown: true },
  outage: { ...HEALTHY, outage: true },
  auth: { ...HEALTHY, legacy: true, requireAuth: true },
  // Healthy, and checking tokens as a real deployment does: what a relay in front holds a token for.
  secured: { ...HEALTHY, requireAuth: true },
};

/**
 * @param {unknown} name
 * @returns {name is ScenarioName}
 */
export function isScenarioName(name) {
  return typeof name === 'string' && Object.hasOwn(SCENARIO_TRAITS, name);
}
