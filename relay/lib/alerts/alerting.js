// @ts-check
// Alerts with no tab open: the relay runs the elements' own source and alert monitor (the
// dashboard's rules, bundled from ../src) on its polls, and hands every firing alert to
// Alertmanager. One rule engine in both places; Alertmanager does routing, grouping,
// inhibition, silences and notifications.
import { alertmanagerAnnotations, alertmanagerLabelSets, AlertMonitor, PharosSource, SEVERITIES, Signal } from './engine.js';
import { createAlertmanagerClient } from './alertmanager-client.js';
import { defaultRules } from './rules.js';

/** @typedef {import('./alertmanager-client.js').Clock} Clock */
/** @typedef {import('./alertmanager-client.js').Log} Log */

/** The relay is a server: nothing is ever hidden, so rules see every poll. */
const ALWAYS_VISIBLE = Object.freeze({ isVisible: () => true, subscribe: () => () => {} });

/**
 * Starts evaluating the dashboard's alert rules over `fetch` and sending what fires to
 * Alertmanager. Nothing here logs, labels or annotates the token: the backend's token, if
 * any, lives in `fetch` (or `token`, sent only as `Authorization: Bearer` by the source).
 *
 * @param {object} options
 * @param {typeof fetch} options.fetch how to reach the backend (the relay passes one through its own poll cache, so the backend is
 *   polled once: see {@link import('./poller-fetch.js').pollerFetch}). Every answer counts as a new sample, so an answer served
 *   twice would count twice toward "N samples in a row".
 * @param {string} options.backendUrl the backend's base URL, as `fetch` expects it (no credentials in it)
 * @param {number} options.intervalMs poll interval of the rules' endpoints
 * @param {import('./rules.js').AlertPreferences} [options.rules] from {@link import('./rules.js').loadRules}; default the dashboard's defaults
 * @param {string} options.alertmanagerUrl Alertmanager's base URL
 * @param {string} [options.dashboardUrl] the dashboard, for each alert's `generatorURL`
 * @param {Log} [options.log] pino-style logger
 * @param {Clock} [options.clock] for tests (also drives the source's polls)
 * @param {string} [options.token] a bearer token the source sends itself (only when `fetch` does not add one)
 * @param {number} [options.resendMs] re-send period of firing alerts (default: the interval, at most 60 s)
 * @param {{ baseMs: number, maxMs: number, jitter: number }} [options.backoff] retries while Alertmanager is away
 * @param {number} [options.timeoutMs] per request to Alertmanager
 * @param {typeof fetch} [options.alertmanagerFetch] how to reach Alertmanager (default: global fetch)
 * @param {number} [options.backendTimeoutMs] per backend request (default two intervals and 10 s, as `fetch` may wait for the next poll)
 */
export function startAlerting(options) {
  const preferences = options.rules ?? defaultRules();
  const generatorURL = options.dashboardUrl ? new URL(options.dashboardUrl).href : undefined;
  const token = options.token || null;
  const source = new PharosSource({
    baseUrl: options.backendUrl.replace(/\/+$/, ''),
    token,
    intervalMs: options.intervalMs,
    fetch: options.fetch,
    // A fetch through the relay's poller may wait up to two intervals for a fresh poll.
    timeoutMs: options.backendTimeoutMs ?? 2 * options.intervalMs + 10_000,
    share: false,
    visibility: ALWAYS_VISIBLE,
    pollWhenHidden: true,
    spreadPolls: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const monitor = new AlertMonitor(source, { storage: null, crossTab: false, visibility: ALWAYS_VISIBLE });
  const engine = monitor.engine;
  engine.setPreferences(preferences, source.clock.now());
  const client = createAlertmanagerClient({
    url: options.alertmanagerUrl,
    fetch: options.alertmanagerFetch,
    clock: options.clock,
    resendMs: options.resendMs ?? Math.min(options.intervalMs, 60_000),
    backoff: options.backoff,
    timeoutMs: options.timeoutMs,
    log: options.log,
  });
  const minRank = SEVERITIES.length - SEVERITIES.indexOf(preferences.minSeverity);
  const rank = (/** @type {string} */ s) => SEVERITIES.length - SEVERITIES.indexOf(s);
  /** Never let a token reach Alertmanager, whatever a backend error message might echo. */
  const scrub = (/** @type {string} */ text) => (token ? text.split(token).join('[redacted]') : text);

  /** What Alertmanager should hold now: each active alert (below minSeverity left out), one per label set. */
  const outgoing = new Signal.Computed(() =>
    engine.active
      .get()
      .filter((/** @type {any} */ a) => rank(a.severity) >= minRank)
      .flatMap((/** @type {any} */ alert) => {
        const rule = engine.rule(alert.ruleId);
        if (!rule) return [];
        const value = 'resource' in rule ? source.resource(rule.resource.definition, rule.resource.params).value.get() : undefined;
        const annotations = Object.fromEntries(Object.entries(alertmanagerAnnotations(alert)).map(([k, v]) => [k, scrub(String(v))]));
        return alertmanagerLabelSets(rule, value).map((/** @type {Record<string, string>} */ labels) => ({ labels, annotations, startsAt: alert.since, generatorURL }));
      }),
  );

  /** @type {Set<string>} */
  let known = new Set();
  let queued = false;
  const push = () => {
    queued = false;
    if (stopped) return;
    const list = outgoing.get();
    const now = new Set(list.map((a) => a.labels.alertname));
    for (const name of now) if (!known.has(name)) options.log?.info({ alert: name }, 'alert firing');
    for (const name of known) if (!now.has(name)) options.log?.info({ alert: name }, 'alert resolved');
    known = now;
    client.set(list, source.clock.now());
    watcher.watch();
  };
  const watcher = new Signal.subtle.Watcher(() => {
    // Called while a signal is being set: read nothing here, push in a microtask.
    if (queued) return;
    queued = true;
    queueMicrotask(push);
  });
  watcher.watch(outgoing);
  let stopped = false;
  const release = monitor.connect();
  push();

  return {
    /** The engine's monitor (its `engine.active` and `engine.history` are signals). */
    monitor,
    /** The Alertmanager sender. */
    client,
    /** For the relay's health endpoint. */
    state() {
      const checkedAt = engine.checkedAt.get();
      return {
        rules: engine.rules.length,
        disabled: Object.entries(preferences.rules).filter(([, p]) => p.enabled === false).map(([id]) => id),
        checkedAt: checkedAt === null ? null : new Date(checkedAt).toISOString(),
        firing: engine.active.get().map((/** @type {any} */ a) => a.ruleId),
        alertmanager: client.state(),
      };
    },
    /** Delivers what is pending (or fails once); for tests and a graceful shutdown. */
    flush: () => client.flush(),
    /** Stops polling for rules and sending. */
    stop() {
      if (stopped) return;
      stopped = true;
      watcher.unwatch(outgoing);
      release();
      source.dispose();
      client.stop();
    },
  };
}
