// @ts-check
// One simulated Pharos backend: its clock, scenario, faults and request counts, and the
// request pipeline that puts them together in the order the real stack would.
import { checkMiddlewareAuth, requiresToken } from './auth.js';
import { handleControl } from './control.js';
import { corsHeaders, isLocalDevOrigin, isPreflight, preflight } from './cors.js';
import { FaultList, faultResponse } from './faults.js';
import { gatewayError, notFound, readBody, send, sleep } from './http.js';
import { createRouter } from './router.js';
import { ingestionRoutes } from './routes/ingestion.js';
import { monitoringRoutes } from './routes/monitoring.js';
import { rootRoutes } from './routes/root.js';
import { searchRoutes } from './routes/search.js';
import { SCENARIO_NAMES, SCENARIO_TRAITS, isScenarioName } from './scenarios.js';
import { isoNaive } from './time.js';
import { World } from './world.js';

const router = createRouter([...rootRoutes, ...monitoringRoutes, ...ingestionRoutes, ...searchRoutes]);
const CONTROL_PREFIX = '/__sim';
/** Server-side durations kept for `GET /__sim/requests` (the latest). */
const MAX_SERVER_TIMES = 5000;

/**
 * Requests answered since the last reset (control calls and preflights left out).
 * @typedef {object} RequestCounts
 * @property {number} total
 * @property {Record<string, number>} byPath
 * @property {number[]} serverMs each request's time in the simulator, arrival to answer written, in ms (the true latency a client should report)
 * @property {Record<string, number>} lastServerMs the latest such time per path
 */
/** How much slower every API answer is during an incident, in ms. */
const INCIDENT_DELAY = /** @type {const} */ ([800, 1500]);

/**
 * @typedef {object} SimulatorConfig
 * @property {number} sparseDurationMs how long sparse-embedding generation takes to answer
 * @property {boolean} timingAllowOrigin send `Timing-Allow-Origin` to allowed origins, so their
 *   Resource Timing entries carry the request's phases (the real backend does not send it)
 */

/** @type {Readonly<SimulatorConfig>} */
export const DEFAULT_CONFIG = Object.freeze({ sparseDurationMs: 6000, timingAllowOrigin: false });

/**
 * @typedef {object} SimulatorOptions
 * @property {number} [seed] seeds every random value (default 1)
 * @property {import('./scenarios.js').ScenarioName} [scenario] the scenario at start and after reset (default `healthy`)
 * @property {(origin: string) => boolean} [allowedOrigins] CORS allow-list (default: `http://localhost:*`, `http://127.0.0.1:*`)
 * @property {Partial<SimulatorConfig>} [config]
 */

/**
 * A simulated Pharos backend. Create it with {@link createSimulator}.
 */
export class Simulator {
  /** @param {SimulatorOptions} [options] */
  constructor(options = {}) {
    const scenario = options.scenario ?? 'healthy';
    if (!isScenarioName(scenario)) throw new Error(`Unknown scenario: ${scenario}`);
    this.seed = (options.seed ?? 1) >>> 0;
    this.initialScenario = scenario;
    this.allowedOrigins = options.allowedOrigins ?? isLocalDevOrigin;
    this.initialConfig = { ...DEFAULT_CONFIG, ...options.config };
    this.faults = new FaultList();
    /** @type {import('./scenarios.js').ScenarioName} */
    this.scenarioName = scenario;
    this.offsetMs = 0;
    /** @type {SimulatorConfig} */
    this.config = { ...this.initialConfig };
    /** @type {RequestCounts} */
    this.requests = { total: 0, byPath: {}, serverMs: [], lastServerMs: {} };
    this.world = this.createWorld();
  }

  /** The current scenario's name. */
  get scenario() {
    return this.scenarioName;
  }

  /** The current scenario's traits. */
  get traits() {
    return SCENARIO_TRAITS[this.scenarioName];
  }

  /** The instance clock in epoch ms: real time plus the offset the clock control added. */
  now() {
    return Date.now() + this.offsetMs;
  }

  /** Back to the initial scenario and config, a fresh model, no faults, no offset, no counts. */
  reset() {
    this.scenarioName = this.initialScenario;
    this.offsetMs = 0;
    this.config = { ...this.initialConfig };
    this.faults.clear();
    this.resetRequestCounts();
    this.world = this.createWorld();
  }

  resetRequestCounts() {
    this.requests = { total: 0, byPath: {}, serverMs: [], lastServerMs: {} };
  }

  /**
   * Switches scenario at run time. What happened until now is kept (counters, jobs, events).
   * @param {import('./scenarios.js').ScenarioName} name
   */
  setScenario(name) {
    if (!isScenarioName(name)) throw new Error(`Unknown scenario: ${name}`);
    const now = this.now();
    this.world.advanceTo(now, this.traits);
    this.scenarioName = name;
    this.world.worker.setAlive(!this.traits.workerDown, now);
  }

  /**
   * Moves the instance clock forward; the model catches up at once.
   * @param {number} ms
   */
  advanceClock(ms) {
    this.offsetMs += ms;
    this.world.advanceTo(this.now(), this.traits);
  }

  /** @param {Partial<SimulatorConfig>} partial */
  configure(partial) {
    this.config = { ...this.config, ...partial };
  }

  /** What `GET /__sim/state` answers. */
  state() {
    return {
      scenario: this.scenarioName,
      scenarios: SCENARIO_NAMES,
      seed: this.seed,
      now: isoNaive(this.now()),
      offsetMs: this.offsetMs,
      config: this.config,
      faults: this.faults.faults,
    };
  }

  /**
   * Answers one HTTP request.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} [path] path and query relative to this instance (default `req.url`)
   */
  handle(req, res, path = req.url ?? '/') {
    const method = (req.method ?? 'GET').toUpperCase();
    const queryAt = path.indexOf('?');
    const rawPath = queryAt === -1 ? path : path.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : path.slice(queryAt + 1));
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const began = performance.now();
    const counted = method !== 'OPTIONS' && !(rawPath === CONTROL_PREFIX || rawPath.startsWith(`${CONTROL_PREFIX}/`));
    const cors = corsHeaders(req.headers.origin, this.allowedOrigins);
    if (this.config.timingAllowOrigin && cors['access-control-allow-origin']) cors['timing-allow-origin'] = cors['access-control-allow-origin'];
    this.respond(req, method, rawPath, query, controller.signal)
      .catch((error) => {
        // What the backend's middleware does with an unhandled exception: a bare 500.
        console.error('[pharos-simulator]', error);
        return /** @type {import('./http.js').SimResponse} */ ({ status: 500, body: { detail: 'Internal server error' }, cors: false });
      })
      .then((response) => {
        if (!controller.signal.aborted && !res.headersSent) send(res, response, method, response.cors === false ? {} : cors);
        if (counted) this.recordServerTime(rawPath, performance.now() - began);
      });
  }

  /**
   * The pipeline: control API, fault, gateway, CORS preflight, incident slowness, auth
   * middleware, route.
   * @param {import('node:http').IncomingMessage} req
   * @param {string} method
   * @param {string} path
   * @param {URLSearchParams} query
   * @param {AbortSignal} signal
   * @returns {Promise<import('./http.js').SimResponse>}
   */
  async respond(req, method, path, query, signal) {
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      if (isPreflight(req)) return preflight(String(req.headers.origin), this.allowedOrigins);
      return handleControl(this, method, path.slice(CONTROL_PREFIX.length), () => readBody(req));
    }
    if (method !== 'OPTIONS') this.countRequest(path);
    const fault = this.faults.take(method, path);
    const modifiers = this.faults.modifiers(method, path);
    const delay = modifiers.delayMs + (fault?.latencyMs ?? 0);
    if (delay > 0) await sleep(delay, signal);
    if (this.traits.outage) return gatewayError();
    const injected = fault && faultResponse(fault);
    if (injected) return injected;
    if (isPreflight(req)) return preflight(String(req.headers.origin), this.allowedOrigins);
    if (this.traits.incident) await sleep(this.world.rng.between(...INCIDENT_DELAY), signal);
    if (this.traits.requireAuth && requiresToken(method, path)) {
      const denied = checkMiddlewareAuth(req.headers.authorization);
      if (denied) return denied;
    }
    const match = router.match(method, path);
    if (!match) return notFound();
    if ('response' in match) return match.response;
    const now = this.now();
    this.world.advanceTo(now, this.traits);
    const response = await match.handler({
      method,
      path,
      query,
      params: match.params,
      headers: req.headers,
      readBody: () => readBody(req),
      now,
      world: this.world,
      traits: this.traits,
      config: this.config,
      signal,
    });
    const headers = { ...response.headers, ...modifiers.headers, ...fault?.headers };
    return fault?.kind === 'malformed-json' ? { ...response, headers, truncate: true } : { ...response, headers };
  }

  /** @param {string} path */
  countRequest(path) {
    this.requests.total++;
    this.requests.byPath[path] = (this.requests.byPath[path] ?? 0) + 1;
  }

  /**
   * @param {string} path
   * @param {number} ms how long a counted request took here, from arrival to its answer being written
   */
  recordServerTime(path, ms) {
    const times = this.requests.serverMs;
    const rounded = Math.round(ms * 100) / 100;
    this.requests.lastServerMs[path] = rounded;
    times.push(rounded);
    if (times.length > MAX_SERVER_TIMES) times.splice(0, times.length - MAX_SERVER_TIMES);
  }

  createWorld() {
    const now = this.now();
    const world = new World(this.seed, now, this.traits);
    world.worker.setAlive(!this.traits.workerDown, now);
    return world;
  }
}

/**
 * Creates a simulated Pharos backend.
 * @example
 * const sim = createSimulator({ seed: 7, scenario: 'production-like' });
 * http.createServer((req, res) => sim.handle(req, res)).listen(8000);
 * @param {SimulatorOptions} [options]
 * @returns {Simulator}
 */
export function createSimulator(options) {
  return new Simulator(options);
}
