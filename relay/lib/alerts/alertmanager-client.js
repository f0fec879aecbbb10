// @ts-check
// Delivers the relay's alerts to Alertmanager's v2 API (`POST /api/v2/alerts`), the way
// Prometheus does: every firing alert is sent again at each resend, with an `endsAt` a few
// resends ahead (so Alertmanager resolves it by itself should the relay die, whatever its
// resolve_timeout), and a resolved alert is sent once with its real `endsAt`. While
// Alertmanager cannot be reached it retries with backoff and keeps everything: every alert
// still firing and every alert that resolved meanwhile is delivered once it answers again.
// Routing, grouping, inhibition, silences and notifications stay Alertmanager's.

/**
 * @typedef {{ now(): number, setTimeout(callback: () => void, ms: number): unknown, clearTimeout(handle: unknown): void }} Clock
 * @typedef {{ info: (obj: object | string, msg?: string) => void, warn: (obj: object | string, msg?: string) => void, error: (obj: object | string, msg?: string) => void }} Log
 *
 * @typedef {object} OutgoingAlert One firing alert, as the caller wants Alertmanager to have it.
 * @property {Record<string, string>} labels its identity (same labels: same alert)
 * @property {Record<string, string>} annotations `summary`, `description`
 * @property {number} startsAt when it started firing, ms since the epoch
 * @property {string} [generatorURL] link back to the dashboard
 *
 * @typedef {object} AlertmanagerState What the relay's health endpoint shows.
 * @property {string} url Alertmanager's base URL (without any credentials)
 * @property {boolean | null} reachable null before the first delivery attempt
 * @property {string | null} failingSince ISO time of the first failed attempt of the current run of failures
 * @property {string | null} lastError why the latest attempt failed
 * @property {string | null} lastDeliveredAt ISO time of the latest delivery
 * @property {number} firing alerts firing now
 * @property {number} pending alerts (firing or resolved) whose latest state Alertmanager has not received yet
 * @property {number} failures consecutive failed attempts
 * @property {string | null} nextAttemptAt ISO time of the next attempt, if one is scheduled
 */

/** @type {Clock} */
const systemClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(/** @type {NodeJS.Timeout} */ (handle)),
};

/** Retries while Alertmanager cannot be reached: 1 s, 2 s, 4 s … up to 60 s, ±20 % jitter. */
export const DEFAULT_BACKOFF = Object.freeze({ baseMs: 1_000, maxMs: 60_000, jitter: 0.2 });
/** Resolved alerts kept for delivery at most (oldest dropped first), so a long outage cannot grow memory. */
export const MAX_RESOLVED = 1_000;

/** @type {Log} */
const silentLog = { info() {}, warn() {}, error() {} };

/**
 * A URL without user name or password, for messages and the health endpoint.
 * @param {string | URL} url
 */
export function publicUrl(url) {
  const u = new URL(String(url));
  u.username = '';
  u.password = '';
  return u.href.replace(/\/$/, '');
}

/** @param {Record<string, string>} labels */
export const labelKey = (labels) => JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));

/**
 * Creates the sender. It does nothing until {@link AlertmanagerClient.set} is called.
 * @param {object} options
 * @param {string} options.url Alertmanager's base URL, e.g. `http://127.0.0.1:9093`
 * @param {typeof fetch} [options.fetch]
 * @param {Clock} [options.clock]
 * @param {number} [options.resendMs] how often firing alerts are sent again (default 60 s)
 * @param {number} [options.timeoutMs] per request (default 10 s)
 * @param {{ baseMs: number, maxMs: number, jitter: number }} [options.backoff]
 * @param {() => number} [options.random] for the jitter
 * @param {Log} [options.log]
 */
export function createAlertmanagerClient(options) {
  const base = new URL(options.url);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`Alertmanager URL ${publicUrl(base)} should be http or https`);
  const endpoint = new URL('api/v2/alerts', base.href.endsWith('/') ? base : `${base.href}/`).href;
  const shownUrl = publicUrl(base);
  const doFetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const resendMs = options.resendMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const log = options.log ?? silentLog;
  // Alertmanager resolves a firing alert by itself at endsAt: a few resends ahead, as
  // Prometheus does, and never under a minute so a short outage does not flap it.
  const validForMs = Math.max(4 * resendMs, 60_000);

  /** @typedef {OutgoingAlert & { delivered: boolean }} Firing */
  /** @type {Map<string, Firing>} */
  const firing = new Map();
  /** @type {Map<string, OutgoingAlert & { endsAt: number }>} resolved, not yet delivered */
  const resolved = new Map();
  /** @type {unknown} */
  let timer;
  /** @type {number | null} */
  let timerAt = null;
  /** @type {Promise<void> | null} */
  let inFlight = null;
  let failures = 0;
  /** @type {number | null} */
  let failingSince = null;
  /** @type {string | null} */
  let lastError = null;
  /** @type {number | null} */
  let lastDeliveredAt = null;
  /** @type {boolean | null} */
  let reachable = null;
  let stopped = false;
  /** @type {Array<() => void>} */
  let waiting = [];

  const pendingCount = () => resolved.size + [...firing.values()].filter((a) => !a.delivered).length;
  const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();

  /** @param {number} delay */
  function schedule(delay) {
    if (stopped) return;
    const at = clock.now() + Math.max(0, delay);
    if (timer !== undefined && timerAt !== null && timerAt <= at) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timerAt = at;
    timer = clock.setTimeout(() => {
      timer = undefined;
      timerAt = null;
      void send();
    }, Math.max(0, delay));
  }

  function release() {
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  }

  /** One delivery of everything: the firing alerts (again) and the resolved ones not yet delivered. */
  async function send() {
    if (stopped) return;
    if (inFlight) return inFlight;
    const now = clock.now();
    const firingNow = [...firing.entries()];
    const resolvedNow = [...resolved.entries()];
    if (firingNow.length === 0 && resolvedNow.length === 0) {
      release();
      return;
    }
    const body = [
      ...firingNow.map(([, a]) => ({ labels: a.labels, annotations: a.annotations, startsAt: iso(a.startsAt), endsAt: iso(now + validForMs), ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}) })),
      ...resolvedNow.map(([, a]) => ({ labels: a.labels, annotations: a.annotations, startsAt: iso(a.startsAt), endsAt: iso(a.endsAt), ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}) })),
    ];
    inFlight = (async () => {
      /** @type {string | null} */
      let problem = null;
      try {
        const response = await doFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text().catch(() => '');
        if (!response.ok) problem = `Alertmanager answered HTTP ${response.status}${text ? `: ${text.slice(0, 200).trim()}` : ''}`;
      } catch (error) {
        const e = /** @type {Error & { cause?: { code?: string } }} */ (error);
        problem = e.name === 'TimeoutError' ? `no answer from Alertmanager within ${timeoutMs} ms` : `Alertmanager cannot be reached (${e.cause?.code ?? e.message})`;
      }
      const at = clock.now();
      if (problem === null) {
        if (reachable === false) log.info({ alertmanager: shownUrl, after: failures }, 'Alertmanager answers again: alerts delivered');
        reachable = true;
        failures = 0;
        failingSince = null;
        lastError = null;
        lastDeliveredAt = at;
        // What was sent is delivered, unless it changed while the request was out.
        for (const [key, a] of firingNow) if (firing.get(key) === a) a.delivered = true;
        for (const [key, a] of resolvedNow) if (resolved.get(key) === a) resolved.delete(key);
      } else {
        if (failures === 0) log.warn({ alertmanager: shownUrl, reason: problem }, 'cannot deliver alerts to Alertmanager; retrying with backoff');
        reachable = false;
        failures++;
        failingSince ??= at;
        lastError = problem;
      }
    })();
    try {
      await inFlight;
    } finally {
      inFlight = null;
    }
    if (stopped) return release();
    if (failures > 0) {
      const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (failures - 1));
      schedule(Math.round(exp * (1 - backoff.jitter + 2 * backoff.jitter * random())));
      release(); // flush() callers learn of the failure through state()
    } else if (pendingCount() > 0) {
      schedule(0); // something changed while the request was out
    } else {
      if (firing.size > 0) schedule(resendMs);
      release();
    }
  }

  return {
    /**
     * Sets the alerts firing now (all of them). New or changed ones are sent at once, those
     * no longer listed are sent as resolved (`endsAt` = `at`).
     * @param {readonly OutgoingAlert[]} alerts
     * @param {number} [at] when, ms since the epoch (default: the clock's now)
     */
    set(alerts, at = clock.now()) {
      if (stopped) return;
      const next = new Map(alerts.map((a) => [labelKey(a.labels), a]));
      let changed = false;
      for (const [key, a] of firing) {
        if (next.has(key)) continue;
        firing.delete(key);
        resolved.set(key, { labels: a.labels, annotations: a.annotations, startsAt: a.startsAt, endsAt: Math.max(at, a.startsAt), generatorURL: a.generatorURL });
        changed = true;
      }
      while (resolved.size > MAX_RESOLVED) resolved.delete(/** @type {string} */ (resolved.keys().next().value));
      for (const [key, a] of next) {
        const current = firing.get(key);
        const same =
          current && current.startsAt === a.startsAt && current.generatorURL === a.generatorURL && JSON.stringify(current.annotations) === JSON.stringify(a.annotations);
        if (same) continue;
        resolved.delete(key); // firing again before its end was delivered: it simply goes on
        firing.set(key, { ...a, delivered: false });
        changed = true;
      }
      // While failing, the retry timer delivers; otherwise deliver now.
      if (changed && failures === 0) schedule(0);
    },

    /** Resolves once everything pending was delivered, or after the next failed attempt. @returns {Promise<void>} */
    flush() {
      if (pendingCount() === 0 && !inFlight) return Promise.resolve();
      return new Promise((resolve) => {
        waiting.push(resolve);
        if (failures > 0) return; // the retry timer will try; the caller learns of it through state()
        schedule(0);
      });
    },

    /** @returns {AlertmanagerState} */
    state() {
      return {
        url: shownUrl,
        reachable,
        failingSince: failingSince === null ? null : iso(failingSince),
        lastError,
        lastDeliveredAt: lastDeliveredAt === null ? null : iso(lastDeliveredAt),
        firing: firing.size,
        pending: pendingCount(),
        failures,
        nextAttemptAt: timerAt === null ? null : iso(timerAt),
      };
    },

    /** Stops sending (timers cleared). Alertmanager resolves the firing alerts at their `endsAt`. */
    stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      timerAt = null;
      release();
    },
  };
}

/** @typedef {ReturnType<typeof createAlertmanagerClient>} AlertmanagerClient */
