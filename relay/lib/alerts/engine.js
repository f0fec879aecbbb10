// @ts-check
// The elements' store and alert engine, bundled from ../src by relay/scripts/build-engine.mjs.
// Everything of the relay that evaluates alerts imports them from here, so a missing bundle
// gets one clear line instead of a bare module-not-found.

/** @type {any} */
let core;
try {
  core = await import('./engine.bundle.js');
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code !== 'ERR_MODULE_NOT_FOUND') throw error;
  throw new Error('relay/lib/alerts/engine.bundle.js is missing: build it from the elements\' sources with `node relay/scripts/build-engine.mjs`');
}

/** The elements' own classes and rules (see relay/scripts/build-engine.mjs for the list). */
export const {
  Signal,
  PharosSource,
  systemClock,
  HistoryBuffer,
  healthResource,
  AlertEngine,
  AlertMonitor,
  DEFAULT_RULES,
  ALERT_TARGETS,
  effectiveCondition,
  ruleEnabled,
  validValue,
  validSamples,
  SEVERITIES,
  MAX_SAMPLES,
  DEFAULT_PREFERENCES,
  alertmanagerLabelSets,
  alertmanagerAnnotations,
  ruleLabels,
  ruleTargetLabels,
  endpointPath,
} = core;
