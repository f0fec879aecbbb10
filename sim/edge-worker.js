// @ts-check
// The edge worker's liveness as the API sees it: a heartbeat every ~60 s into a Redis key
// that expires after 600 s of silence. Older than 300 s is "degraded", expired "offline".
import { hashString, hashUnit } from './rng.js';
import { isoZulu } from './time.js';

export const THRESHOLD_SECONDS = 300;
const KEY_TTL_MS = 600_000;
const PING_INTERVAL_MS = 60_000;
// When a scenario kills the worker, it is as if it died this long ago: stale at once.
const DEATH_LEAD_MS = 330_000;

/**
 * @typedef {object} WorkerMeta
 * @property {string | null} worker_id
 * @property {string | null} version
 * @property {string | null} embedding_model
 * @property {number | null} queue_drained_count
 * @property {string} last_seen_iso
 */

/**
 * @typedef {object} WorkerHealth
 * @property {'online' | 'degraded' | 'offline'} state
 * @property {number | null} last_seen_unix
 * @property {number | null} seconds_since_last_seen
 * @property {number} threshold_seconds
 * @property {WorkerMeta | null} worker_meta
 */

export class EdgeWorker {
  /** @param {number} seed */
  constructor(seed) {
    this.seed = seed;
    this.phaseMs = hashUnit(seed, 11) * PING_INTERVAL_MS;
    this.workerId = `edge-box-${hashString(`worker${seed}`).toString(16).padStart(8, '0')}`;
    /** @type {number | null} when the worker stopped pinging, null while it runs */
    this.diedAt = null;
    /** @type {{ at: number, meta: Omit<WorkerMeta, 'last_seen_iso'> } | null} a heartbeat POSTed by a client */
    this.posted = null;
  }

  /**
   * @param {boolean} alive
   * @param {number} now
   */
  setAlive(alive, now) {
    if (alive) this.diedAt = null;
    else this.diedAt ??= now - DEATH_LEAD_MS;
  }

  /**
   * The last scheduled ping at or before `t` (pings jitter by up to 1.5 s).
   * @param {number} t
   */
  lastPing(t) {
    const k = Math.floor((t - this.phaseMs) / PING_INTERVAL_MS);
    const at = (/** @type {number} */ i) => this.phaseMs + i * PING_INTERVAL_MS + hashUnit(this.seed, 12, i) * 1500;
    return at(k) <= t ? at(k) : at(k - 1);
  }

  /**
   * Records a heartbeat sent to `POST /health/worker`.
   * @param {number} now
   * @param {Record<string, unknown>} payload
   */
  recordHeartbeat(now, payload) {
    const text = (/** @type {string} */ key) => (typeof payload[key] === 'string' ? /** @type {string} */ (payload[key]) : null);
    const count = payload.queue_drained_count;
    this.posted = {
      at: now,
      meta: {
        worker_id: text('worker_id'),
        version: text('version'),
        embedding_model: text('embedding_model'),
        queue_drained_count: typeof count === 'number' && Number.isInteger(count) ? count : null,
      },
    };
  }

  /**
   * What `GET /health/worker` answers at `now`.
   * @param {number} now
   * @returns {WorkerHealth}
   */
  health(now) {
    const scheduled = this.lastPing(this.diedAt ?? now);
    const usePosted = this.posted !== null && this.posted.at >= scheduled && this.posted.at <= now;
    const lastSeen = usePosted && this.posted ? this.posted.at : scheduled;
    const ageMs = now - lastSeen;
    if (ageMs > KEY_TTL_MS) {
      return { state: 'offline', last_seen_unix: null, seconds_since_last_seen: null, threshold_seconds: THRESHOLD_SECONDS, worker_meta: null };
    }
    const meta = usePosted && this.posted
      ? this.posted.meta
      : { worker_id: this.workerId, version: '1.0.0', embedding_model: 'nomic-ai/nomic-embed-text-v1', queue_drained_count: 0 };
    return {
      state: ageMs / 1000 <= THRESHOLD_SECONDS ? 'online' : 'degraded',
      last_seen_unix: lastSeen / 1000,
      seconds_since_last_seen: ageMs / 1000,
      threshold_seconds: THRESHOLD_SECONDS,
      worker_meta: { ...meta, last_seen_iso: isoZulu(lastSeen) },
    };
  }
}
