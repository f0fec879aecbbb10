// @ts-check
// Seeded, time-based signals: pure functions of (seed, time, traits), so the same instant
// always gives the same value and a chart of them moves like a real system: a daily
// rhythm, slow drift, and an occasional ten-minute latency spike.
import { hashUnit, smoothNoise } from './rng.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPIKE_WINDOW = 10 * 60_000;
const SPIKE_CHANCE = 0.04;

/**
 * @typedef {object} Percentiles
 * @property {number} p50 milliseconds
 * @property {number} p95
 * @property {number} p99
 */

/**
 * @typedef {object} PoolShape
 * @property {'sqlite' | 'postgresql'} type
 * @property {number} size
 * @property {number} maxOverflow
 * @property {number} maxConnections
 */

/** SQLite is what the real deployment reports; the other scenarios run on PostgreSQL. */
export const SQLITE_POOL = /** @type {PoolShape} */ ({ type: 'sqlite', size: 5, maxOverflow: 10, maxConnections: 60 });
export const POSTGRES_POOL = /** @type {PoolShape} */ ({ type: 'postgresql', size: 20, maxOverflow: 40, maxConnections: 100 });

/**
 * The signals of one simulated system.
 */
export class Signals {
  /** @param {number} seed */
  constructor(seed) {
    this.seed = seed >>> 0;
  }

  /**
   * Traffic relative to the daily mean: low at night (UTC), highest mid-afternoon.
   * @param {number} t
   */
  load(t) {
    const hour = (t % DAY) / HOUR;
    const daily = 1 + 0.45 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
    return Math.max(0.2, daily + 0.12 * smoothNoise(this.seed + 1, t / 300_000));
  }

  /**
   * A latency multiplier, above 1 during the occasional spike window.
   * @param {number} t
   */
  spike(t) {
    const u = hashUnit(this.seed + 2, Math.floor(t / SPIKE_WINDOW));
    return u < SPIKE_CHANCE ? 2.5 + 3 * (u / SPIKE_CHANCE) : 1;
  }

  /**
   * API request latency percentiles.
   * @param {number} t
   * @param {import('./scenarios.js').ScenarioTraits} traits
   * @returns {Percentiles}
   */
  latency(t, traits) {
    const drift = 1 + 0.15 * smoothNoise(this.seed + 3, t / 120_000);
    const p50 = 38 * (0.8 + 0.25 * this.load(t)) * drift * this.spike(t) * (traits.incident ? 7 : 1);
    const tail = traits.incident ? 3.6 : 2.8;
    return { p50, p95: p50 * tail, p99: p50 * tail * 1.9 };
  }

  /**
   * Requests per second over the whole API.
   * @param {number} t
   */
  requestRate(t) {
    return 6 * this.load(t);
  }

  /**
   * Share of requests answered with a 5xx.
   * @param {number} t
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  errorRate(t, traits) {
    if (traits.incident) return 0.16 + 0.05 * smoothNoise(this.seed + 4, t / 60_000);
    return 0.003 * this.spike(t) ** 1.5;
  }

  /**
   * Share of cache lookups that hit.
   * @param {number} t
   */
  cacheHitRate(t) {
    return 0.82 + 0.08 * smoothNoise(this.seed + 5, t / 600_000);
  }

  /**
   * Database connections in use; near the pool's capacity during an incident.
   * @param {number} t
   * @param {import('./scenarios.js').ScenarioTraits} traits
   * @param {PoolShape} pool
   */
  connectionsInUse(t, traits, pool) {
    const capacity = pool.size + pool.maxOverflow;
    const noise = smoothNoise(this.seed + 6, t / 45_000);
    if (traits.incident) return Math.min(capacity, Math.round(capacity * (0.88 + 0.08 * noise)));
    const busy = (pool.size / 5) * (0.6 * this.load(t) + 0.8 * (noise + 1));
    return Math.max(0, Math.min(capacity, Math.round(busy)));
  }

  /**
   * Idle connections kept in the pool (SQLAlchemy keeps at most `size` of them).
   * @param {number} t
   * @param {number} inUse
   * @param {PoolShape} pool
   */
  idleConnections(t, inUse, pool) {
    const wanted = 1 + Math.floor(2 * hashUnit(this.seed + 7, Math.floor(t / 30_000)));
    return Math.max(0, Math.min(wanted, pool.size - inUse));
  }

  /**
   * Event handler latency in milliseconds: median and spread of a log-normal.
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  handlerLatency(traits) {
    return traits.incident ? { median: 60, sigma: 0.9 } : { median: 8, sigma: 0.5 };
  }
}

/**
 * The cumulative distribution of a log-normal with the given median and p95.
 * @param {number} median
 * @param {number} p95
 * @returns {{ cdf: (x: number) => number, mean: number }}
 */
export function logNormal(median, p95) {
  const sigma = Math.log(p95 / median) / 1.6449;
  const mu = Math.log(median);
  return {
    cdf: (x) => (x <= 0 ? 0 : 0.5 * (1 + erf((Math.log(x) - mu) / (sigma * Math.SQRT2)))),
    mean: Math.exp(mu + (sigma * sigma) / 2),
  };
}

/** Abramowitz and Stegun 7.1.26, plenty for bucket shares. @param {number} x */
function erf(x) {
  const sign = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}
