// @ts-check
// Shared set-up for the relay's tests: the repository's simulator on a loopback port, a relay
// in front of it (with an injected clock where time matters), and log capture.
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { createSimulatorHub } from '../../sim/hub.js';
import { createRelay } from '../lib/relay.js';
import { DEFAULTS } from '../lib/config.js';

export const ADMIN_TOKEN = 'dev-admin-token';

/** One request of every kind the relay serves, with parameters the backend accepts. */
export const EVERY_READ = Object.freeze([
  '/health',
  '/api/monitoring/health',
  '/api/monitoring/health/ml',
  '/api/monitoring/health/module/search',
  '/api/monitoring/model-health',
  '/api/monitoring/performance',
  '/api/monitoring/recommendation-quality?time_window_days=7',
  '/api/monitoring/user-engagement?time_window_days=7',
  '/api/monitoring/database',
  '/api/monitoring/db/pool',
  '/api/monitoring/events',
  '/api/monitoring/events/history?limit=100',
  '/api/monitoring/cache/stats',
  '/api/monitoring/workers/status',
  '/api/v1/ingestion/health',
  '/api/v1/ingestion/health/worker',
  '/api/v1/ingestion/worker/status',
  '/api/v1/ingestion/jobs/history?limit=100',
]);

/**
 * The simulator on a free loopback port, driven over HTTP like any backend.
 * @param {{ scenario?: import('../../sim/scenarios.js').ScenarioName }} [options]
 */
export async function startSimulator(options = {}) {
  const hub = createSimulatorHub({ scenario: options.scenario ?? 'healthy', seed: 7 });
  const server = createServer((req, res) => {
    if (!hub.handle(req, res)) hub.get().handle(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    /** @param {string} path @param {unknown} [body] @param {string} [method] */
    async control(path, body, method = body === undefined ? 'GET' : 'POST') {
      const response = await fetch(`${url}/__sim/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`simulator control ${path}: HTTP ${response.status}`);
      return response.json();
    },
    /** Requests the backend answered per path, since the last reset. @returns {Promise<Record<string, number>>} */
    async requests() {
      return (await this.control('requests')).byPath;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * A clock whose time only moves when told, with timers that fire as it does.
 * @param {number} [start]
 */
export function fakeClock(start = Date.UTC(2026, 11, 4, 12)) {
  let now = start;
  /** @type {Set<{ at: number, fn: () => void }>} */
  const timers = new Set();
  return {
    now: () => now,
    /** @param {() => void} fn @param {number} ms */
    setTimeout(fn, ms) {
      const timer = { at: now + ms, fn };
      timers.add(timer);
      return timer;
    },
    /** @param {unknown} timer */
    clearTimeout(timer) {
      timers.delete(/** @type {any} */ (timer));
    },
    /** Moves time on, firing each due timer at its own time. @param {number} ms */
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
    get pending() {
      return timers.size;
    },
  };
}

/**
 * A relay config with test defaults.
 * @param {Partial<import('../lib/config.js').RelayConfig> & { backend: URL | string }} overrides
 * @returns {import('../lib/config.js').RelayConfig}
 */
export function relayConfig(overrides) {
  return {
    ...DEFAULTS,
    token: null,
    allowOrigins: ['http://wiki.example'],
    port: 0,
    idleMs: 300_000,
    maxHeldBytes: 64 * 1024 * 1024,
    trustProxy: false,
    rateLimit: 0,
    logLevel: 'info',
    ...overrides,
    backend: new URL(String(overrides.backend)),
  };
}

/** Collects log lines. */
export function logCapture() {
  /** @type {string[]} */
  const lines = [];
  return {
    lines,
    /** @param {string} line */
    write(line) {
      lines.push(line);
    },
    /** @returns {Record<string, any>[]} */
    records() {
      return lines.map((line) => JSON.parse(line));
    },
  };
}

/**
 * A relay in front of a backend, not listening (use `app.inject`), with captured logs.
 * @param {Parameters<typeof relayConfig>[0]} config
 * @param {{ clock?: ReturnType<typeof fakeClock> }} [options]
 */
export async function startRelay(config, options = {}) {
  const log = logCapture();
  const relay = await createRelay(relayConfig(config), { clock: options.clock, logStream: log });
  return { ...relay, log };
}

/**
 * Waits until every poll in flight has finished.
 * @param {import('../lib/poller.js').Poller} poller
 */
export async function settle(poller) {
  for (let i = 0; i < 10; i += 1) {
    const flights = [...poller.entries.values()].map((e) => e.inFlight).filter(Boolean);
    if (!flights.length) return;
    await Promise.all(flights);
  }
}

/**
 * The path of a system binary, or a test failure that says how to install it (never a skip).
 * @param {string} name
 * @param {string} install
 */
export function requireBinary(name, install) {
  // Debian puts nginx in /usr/sbin, which a non-root PATH may lack.
  const found = spawnSync('sh', ['-c', `command -v ${name} || command -v /usr/sbin/${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) throw new Error(`${name} is not installed: ${install} (.ci/run installs it)`);
  return path;
}

/**
 * Polls until a check passes.
 * @param {() => Promise<boolean>} check
 * @param {number} timeoutMs
 * @param {string} what
 */
export async function waitUntil(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms ${last}`);
}
