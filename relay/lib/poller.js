// @ts-check
// One poll for everyone: each distinct allowed request is an entry with one timer. The first
// reader starts it (and waits for the first answer, shared with whoever else arrives
// meanwhile); later readers get the held answer at once; the timer stops, and the entry goes,
// once nobody has asked for it for `idleMs`. Entries and their bytes are bounded.
import { createHash } from 'node:crypto';
import { isJsonAnswer } from './backend.js';

/**
 * @typedef {object} Clock
 * @property {() => number} now epoch ms
 * @property {(fn: () => void, ms: number) => unknown} setTimeout
 * @property {(handle: unknown) => void} clearTimeout
 */

/** The real clock. @type {Clock} */
export const systemClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    // Timers alone must not keep a stopped relay's process alive.
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(/** @type {NodeJS.Timeout} */ (handle)),
};

/**
 * One answer as held and served: the backend's status, type and bytes, or the relay's own
 * JSON error when no answer came.
 * @typedef {object} Snapshot
 * @property {number} status
 * @property {string} contentType
 * @property {Buffer} body
 * @property {string} etag strong, from the bytes
 * @property {number} fetchedAt epoch ms
 */

/**
 * Why the latest poll of a request did not give a good answer. `token-rejected`: 401/403 with
 * a token; `token-needed`: the same without one; `http-<status>`; `not-json` (an HTML page).
 * @typedef {'unreachable' | 'timeout' | 'too-large' | 'token-rejected' | 'token-needed' | 'not-json' | `http-${number}`} FailureReason
 */

/**
 * @typedef {object} Failure
 * @property {FailureReason} reason
 * @property {number} since epoch ms of the first failure in this streak
 * @property {number} count failures in a row
 */

/**
 * @typedef {object} Entry
 * @property {import('./allow-list.js').AllowedRequest} request
 * @property {number} lastReadAt
 * @property {Snapshot | null} good the last good answer
 * @property {Snapshot | null} latest the latest answer when it was not good (served while there is no good one)
 * @property {Failure | null} failure
 * @property {number} nextAt when the next poll is due (epoch ms)
 * @property {unknown} timer
 * @property {Promise<void> | null} inFlight
 * @property {boolean} removed
 */

/**
 * What a reader is served.
 * @typedef {object} Served
 * @property {Snapshot} snapshot
 * @property {FailureReason | null} stale set when this is the last good answer and the latest poll failed
 * @property {number} nextAt
 */

/**
 * @typedef {object} PollerOptions
 * @property {number} intervalMs
 * @property {number} idleMs
 * @property {number} maxKeys
 * @property {number} maxHeldBytes
 * @property {boolean} hasToken
 * @property {(request: import('./allow-list.js').AllowedRequest) => Promise<import('./backend.js').BackendResult>} fetch
 * @property {Clock} [clock]
 * @property {Pick<import('fastify').FastifyBaseLogger, 'info' | 'warn' | 'error'>} log
 * @property {(entry: Entry, result: import('./backend.js').BackendResult, failure: FailureReason | null) => void} [onPolled]
 */

/** The longest wait between retries of a failing request (or the interval, when longer). */
const MAX_BACKOFF_MS = 5 * 60_000;

/** A strong validator from the bytes. @param {Buffer} body */
export function etagOf(body) {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * The relay's own error answer when the backend gave none.
 * @param {FailureReason} reason
 * @param {number} now
 * @returns {Snapshot}
 */
function relayError(reason, now) {
  const detail = {
    unreachable: 'The relay could not reach the backend',
    timeout: 'The backend did not answer the relay in time',
    'too-large': 'The backend answered with more bytes than the relay keeps',
  }[/** @type {'unreachable' | 'timeout' | 'too-large'} */ (reason)] ?? 'The relay has no answer from the backend';
  const body = Buffer.from(JSON.stringify({ detail }));
  return { status: reason === 'timeout' ? 504 : 502, contentType: 'application/json', body, etag: etagOf(body), fetchedAt: now };
}

/** One poll per distinct allowed request, shared by every reader. */
export class Poller {
  /** @param {PollerOptions} options */
  constructor(options) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
    this.heldBytes = 0;
    /** Whether the backend's refusal of the token has been logged (once per streak). */
    this.tokenRejectedLogged = false;
    this.stopped = false;
  }

  /**
   * The entry of a request, started if new; null when the relay holds as much as it may.
   * Counts as a read (keeps the entry polled).
   * @param {import('./allow-list.js').AllowedRequest} request
   * @returns {Entry | null}
   */
  touch(request) {
    const now = this.clock.now();
    let entry = this.entries.get(request.key);
    if (entry) {
      entry.lastReadAt = now;
      return entry;
    }
    if (this.stopped || this.entries.size >= this.options.maxKeys || this.heldBytes >= this.options.maxHeldBytes) return null;
    entry = { request, lastReadAt: now, good: null, latest: null, failure: null, nextAt: now, timer: null, inFlight: null, removed: false };
    this.entries.set(request.key, entry);
    this.poll(entry);
    return entry;
  }

  /**
   * Whether a request is already held (a reader asking for it costs no backend request).
   * @param {string} key
   */
  holds(key) {
    return this.entries.has(key);
  }

  /**
   * What to serve for an entry now, if it has anything yet.
   * @param {Entry} entry
   * @returns {Served | null}
   */
  served(entry) {
    if (entry.good) return { snapshot: entry.good, stale: entry.failure?.reason ?? null, nextAt: entry.nextAt };
    if (entry.latest) return { snapshot: entry.latest, stale: null, nextAt: entry.nextAt };
    return null;
  }

  /**
   * The answer for a reader: at once when held, else after the first poll (shared).
   * @param {Entry} entry
   * @returns {Promise<Served>}
   */
  async answer(entry) {
    const now = this.served(entry);
    if (now) return now;
    await entry.inFlight;
    return /** @type {Served} */ (this.served(entry));
  }

  /** Stops every timer; answers held stay readable. */
  stop() {
    this.stopped = true;
    for (const entry of this.entries.values()) this.clock.clearTimeout(entry.timer);
  }

  /** @param {Entry} entry */
  poll(entry) {
    if (entry.inFlight) return entry.inFlight;
    entry.inFlight = this.options
      .fetch(entry.request)
      .catch(() => /** @type {import('./backend.js').BackendResult} */ ({ kind: 'failure', reason: 'unreachable', durationMs: 0 }))
      .then((result) => {
        this.record(entry, result);
        entry.inFlight = null;
        this.schedule(entry);
      });
    return entry.inFlight;
  }

  /**
   * Classifies one backend result and keeps what should be served.
   * @param {Entry} entry
   * @param {import('./backend.js').BackendResult} result
   */
  record(entry, result) {
    const now = this.clock.now();
    const { route } = entry.request;
    /** @type {FailureReason | null} */
    let reason = null;
    /** @type {Snapshot} */
    let snapshot;
    if (result.kind === 'failure') {
      reason = result.reason;
      snapshot = relayError(reason, now);
    } else {
      snapshot = { status: result.status, contentType: result.contentType, body: result.body, etag: etagOf(result.body), fetchedAt: now };
      const expected = (result.status >= 200 && result.status < 300) || (route.bodyStatuses ?? []).includes(result.status);
      if (result.status === 401 || result.status === 403) reason = this.options.hasToken ? 'token-rejected' : 'token-needed';
      else if (!expected) reason = `http-${result.status}`;
      else if (!isJsonAnswer(result.contentType, result.body)) reason = 'not-json';
    }

    if (reason === null) {
      this.hold(entry, 'good', snapshot);
      this.hold(entry, 'latest', null);
      if (entry.failure) {
        this.options.log.info({ request: entry.request.key, failures: entry.failure.count }, 'backend call answers again');
      }
      entry.failure = null;
      if (route.needsToken && this.tokenRejectedLogged && this.options.hasToken) {
        this.tokenRejectedLogged = false;
        this.options.log.info('the backend accepts the token again');
      }
    } else {
      // Without a good answer the backend's own status and body are passed on, so the elements
      // say what they would say against the backend itself.
      if (!entry.good) this.hold(entry, 'latest', snapshot);
      const first = !entry.failure;
      entry.failure = first ? { reason, since: now, count: 1 } : { ...entry.failure, reason, count: /** @type {Failure} */ (entry.failure).count + 1 };
      if (reason === 'token-rejected' || reason === 'token-needed') {
        if (!this.tokenRejectedLogged) {
          this.tokenRejectedLogged = true;
          const status = result.kind === 'answer' ? result.status : 0;
          this.options.log.error(
            { request: entry.request.key, status },
            reason === 'token-rejected'
              ? `the backend rejects the relay's token (HTTP ${status}): token endpoints are served stale or as errors until it is accepted`
              : `the backend wants a token (HTTP ${status}): start the relay with --token-file or PHAROS_RELAY_TOKEN`,
          );
        }
      } else if (first) {
        this.options.log.warn({ request: entry.request.key, reason }, 'backend call failing');
      }
    }
    this.options.onPolled?.(entry, result, reason);
  }

  /**
   * Replaces a held snapshot, keeping the byte count.
   * @param {Entry} entry
   * @param {'good' | 'latest'} slot
   * @param {Snapshot | null} snapshot
   */
  hold(entry, slot, snapshot) {
    this.heldBytes += (snapshot?.body.length ?? 0) - (entry[slot]?.body.length ?? 0);
    entry[slot] = snapshot;
  }

  /** @param {Entry} entry */
  schedule(entry) {
    if (this.stopped || entry.removed) return;
    const { intervalMs } = this.options;
    // Backoff per request: a failing one waits 2, 4, 8... intervals (capped), the others keep pace.
    const delay = entry.failure ? Math.min(intervalMs * 2 ** entry.failure.count, Math.max(intervalMs, MAX_BACKOFF_MS)) : intervalMs;
    entry.nextAt = this.clock.now() + delay;
    entry.timer = this.clock.setTimeout(() => this.tick(entry), delay);
  }

  /** @param {Entry} entry */
  tick(entry) {
    if (this.stopped || entry.removed) return;
    if (this.clock.now() - entry.lastReadAt >= this.options.idleMs) {
      this.remove(entry);
      return;
    }
    this.poll(entry);
  }

  /** @param {Entry} entry */
  remove(entry) {
    entry.removed = true;
    this.clock.clearTimeout(entry.timer);
    this.hold(entry, 'good', null);
    this.hold(entry, 'latest', null);
    this.entries.delete(entry.request.key);
  }

  /**
   * The requests whose latest poll failed, for the relay's health endpoint.
   * @returns {{ request: string, endpoint: string, reason: FailureReason, failing_since: string, failures: number, serving: 'last good answer' | 'error', next_attempt: string }[]}
   */
  failing() {
    return [...this.entries.values()]
      .filter((entry) => entry.failure)
      .map((entry) => {
        const failure = /** @type {Failure} */ (entry.failure);
        return {
          request: entry.request.key,
          endpoint: entry.request.route.name,
          reason: failure.reason,
          failing_since: new Date(failure.since).toISOString(),
          failures: failure.count,
          serving: entry.good ? 'last good answer' : 'error',
          next_attempt: new Date(entry.nextAt).toISOString(),
        };
      });
  }
}
