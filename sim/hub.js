// @ts-check
// Many isolated simulators behind one server: `/sim/<id>/...` goes to instance `<id>`
// (created on first use, seeded from its id), so parallel tests never share state.
// Everything else that is a backend path goes to the default instance.
import { hashString } from './rng.js';
import { createSimulator } from './simulator.js';

const INSTANCE_PATH = /^\/sim\/([A-Za-z0-9_.-]{1,64})(\/[^?]*)?(\?.*)?$/;

/**
 * @typedef {import('./simulator.js').SimulatorOptions & { maxInstances?: number }} HubOptions
 */

/**
 * Whether a path belongs to the (default) simulator rather than the host server.
 * @param {string} path without the query string
 */
export function isSimulatorPath(path) {
  return (
    path === '/health' ||
    path === '/metrics' ||
    path.startsWith('/api/') ||
    path === '/__sim' ||
    path.startsWith('/__sim/')
  );
}

/**
 * Creates a hub of simulators for a host server (test runner, Vite, the CLI).
 * @example
 * const hub = createSimulatorHub({ scenario: 'production-like' });
 * server.on('request', (req, res) => { if (!hub.handle(req, res)) serveStatic(req, res); });
 * @param {HubOptions} [options]
 */
export function createSimulatorHub(options = {}) {
  const { maxInstances = 200, ...simulatorOptions } = options;
  const baseSeed = (simulatorOptions.seed ?? 1) >>> 0;
  const defaultInstance = createSimulator(simulatorOptions);
  /** @type {Map<string, import('./simulator.js').Simulator>} least recently used first */
  const instances = new Map();

  /** @param {string} id */
  function instance(id) {
    let sim = instances.get(id);
    if (sim) {
      instances.delete(id);
    } else {
      sim = createSimulator({ ...simulatorOptions, seed: (hashString(id) ^ baseSeed) >>> 0 });
      if (instances.size >= maxInstances) instances.delete(/** @type {string} */ (instances.keys().next().value));
    }
    instances.set(id, sim);
    return sim;
  }

  return {
    /**
     * Answers the request if it is the simulator's; false lets the host go on.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @returns {boolean}
     */
    handle(req, res) {
      const url = req.url ?? '/';
      const scoped = INSTANCE_PATH.exec(url);
      if (scoped) {
        instance(scoped[1]).handle(req, res, `${scoped[2] ?? '/'}${scoped[3] ?? ''}`);
        return true;
      }
      if (!isSimulatorPath(url.split('?', 1)[0])) return false;
      defaultInstance.handle(req, res, url);
      return true;
    },

    /**
     * The default instance, or instance `id` (created if needed).
     * @param {string} [id]
     */
    get(id) {
      return id === undefined ? defaultInstance : instance(id);
    },

    /** How many `/sim/<id>` instances are alive. */
    get size() {
      return instances.size;
    },
  };
}
