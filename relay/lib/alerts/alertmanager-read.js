// @ts-check
// Alertmanager's alerts and silences for the dashboard, read-only, through the relay: readers
// need no access to Alertmanager. Only two fixed GETs of the configured Alertmanager are
// made (no path, query or header of a reader reaches it), answers are filtered to
// `service="pharos"` and cut down to what <pharos-alerts> shows, and held briefly so that
// many readers cost Alertmanager one request per kind and period.
import { publicUrl } from './alertmanager-client.js';

/** The relay's routes. */
export const ALERTMANAGER_ROUTES = Object.freeze({ alerts: '/relay/alertmanager/alerts', silences: '/relay/alertmanager/silences' });
/** The `service` label of every alert the relay sends. */
export const SERVICE = 'pharos';
/** How long an answer of Alertmanager is held for readers (default). */
export const DEFAULT_HOLD_MS = 2_000;

/** Alertmanager could not be read; `status` is what the relay answers (502 or 504). */
export class AlertmanagerReadError extends Error {
  /** @param {string} message @param {number} status */
  constructor(message, status) {
    super(message);
    this.name = 'AlertmanagerReadError';
    this.status = status;
  }
}

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (/** @type {unknown} */ v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);

/**
 * The relay's compact form of Alertmanager's `GET /api/v2/alerts`, only `service="pharos"`.
 * @param {unknown} raw
 * @returns {{ alerts: { labels: Record<string, string>, state: string, silencedBy: string[], inhibitedBy: string[] }[] }}
 */
export function compactAlerts(raw) {
  const list = Array.isArray(raw) ? raw : [];
  return {
    alerts: list
      .filter((a) => isObject(a) && isObject(a.labels) && a.labels.service === SERVICE)
      .map((a) => ({
        labels: Object.fromEntries(Object.entries(a.labels).filter(([, v]) => typeof v === 'string')),
        state: typeof a.status?.state === 'string' ? a.status.state : 'unprocessed',
        silencedBy: strings(a.status?.silencedBy),
        inhibitedBy: strings(a.status?.inhibitedBy),
      })),
  };
}

/**
 * Whether a silence concerns Pharos: one of its matchers admits `service="pharos"`, or it
 * silences a Pharos alert right now (a silence on `alertname` alone does).
 * @param {any} silence
 * @param {Set<string>} silencing ids found in Pharos alerts' `silencedBy`
 */
function concernsPharos(silence, silencing) {
  if (silencing.has(silence.id)) return true;
  const matchers = Array.isArray(silence.matchers) ? silence.matchers : [];
  return matchers.some((m) => {
    if (!isObject(m) || m.name !== 'service' || typeof m.value !== 'string') return false;
    let hit = m.value === SERVICE;
    if (m.isRegex) {
      try {
        hit = new RegExp(`^(?:${m.value})$`).test(SERVICE);
      } catch {
        hit = false;
      }
    }
    return m.isEqual === false ? !hit : hit;
  });
}

/**
 * The relay's compact form of Alertmanager's `GET /api/v2/silences`: the silences that
 * concern Pharos and have not expired.
 * @param {unknown} raw
 * @param {Set<string>} [silencing] ids of silences muting Pharos alerts
 */
export function compactSilences(raw, silencing = new Set()) {
  const list = Array.isArray(raw) ? raw : [];
  return {
    silences: list
      .filter((s) => isObject(s) && typeof s.id === 'string' && s.status?.state !== 'expired' && concernsPharos(s, silencing))
      .map((s) => ({
        id: s.id,
        createdBy: typeof s.createdBy === 'string' ? s.createdBy : '',
        comment: typeof s.comment === 'string' ? s.comment : '',
        startsAt: typeof s.startsAt === 'string' ? s.startsAt : null,
        endsAt: typeof s.endsAt === 'string' ? s.endsAt : null,
        matchers: (Array.isArray(s.matchers) ? s.matchers : [])
          .filter((m) => isObject(m) && typeof m.name === 'string' && typeof m.value === 'string')
          .map((m) => ({ name: m.name, value: m.value, isRegex: m.isRegex === true, isEqual: m.isEqual !== false })),
        status: typeof s.status?.state === 'string' ? s.status.state : 'active',
      })),
  };
}

/**
 * A reader of one Alertmanager: `alerts()` and `silences()` in the relay's compact form.
 * Concurrent and repeated calls within `holdMs` share one request to Alertmanager.
 * @param {object} options
 * @param {string} options.alertmanagerUrl
 * @param {typeof fetch} [options.fetch]
 * @param {number} [options.timeoutMs] default 5 s
 * @param {number} [options.holdMs] default {@link DEFAULT_HOLD_MS}
 * @param {() => number} [options.now]
 */
export function createAlertmanagerReader(options) {
  const base = new URL(options.alertmanagerUrl);
  const root = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const shown = publicUrl(base);
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  const now = options.now ?? Date.now;
  // The only two requests this module ever makes; fixed strings, nothing from a reader.
  const urls = { alerts: new URL('api/v2/alerts', root).href, silences: new URL('api/v2/silences', root).href };
  /** @type {Map<string, { at: number, value: Promise<unknown> }>} */
  const held = new Map();

  /** @param {'alerts' | 'silences'} kind @returns {Promise<unknown>} */
  function get(kind) {
    const hit = held.get(kind);
    if (hit && now() - hit.at < holdMs) return hit.value;
    const value = (async () => {
      let response;
      try {
        response = await doFetch(urls[kind], { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
      } catch (error) {
        const e = /** @type {Error & { cause?: { code?: string } }} */ (error);
        if (e.name === 'TimeoutError') throw new AlertmanagerReadError(`Alertmanager (${shown}) did not answer within ${timeoutMs} ms`, 504);
        throw new AlertmanagerReadError(`Alertmanager (${shown}) cannot be reached (${e.cause?.code ?? e.message})`, 502);
      }
      if (!response.ok) throw new AlertmanagerReadError(`Alertmanager (${shown}) answered HTTP ${response.status}`, 502);
      try {
        return await response.json();
      } catch {
        throw new AlertmanagerReadError(`Alertmanager (${shown}) answered something other than JSON`, 502);
      }
    })();
    held.set(kind, { at: now(), value });
    value.catch(() => held.get(kind)?.value === value && held.delete(kind)); // failures are not held
    return value;
  }

  return {
    /** Pharos' alerts in Alertmanager. */
    async alerts() {
      return compactAlerts(await get('alerts'));
    },
    /** The silences that concern Pharos (not expired). */
    async silences() {
      const [raw, alerts] = await Promise.all([get('silences'), get('alerts').catch(() => [])]);
      const silencing = new Set(compactAlerts(alerts).alerts.flatMap((a) => a.silencedBy));
      return compactSilences(raw, silencing);
    },
  };
}

/**
 * Fastify plugin: `GET /relay/alertmanager/alerts` and `GET /relay/alertmanager/silences`
 * (HEAD too), marked `X-Pharos-Relay: read-only`, `Cache-Control: no-store`. Alertmanager
 * unreachable: 502 (504 on timeout) with a JSON `detail`. Register it only when an
 * Alertmanager is configured: without these routes the relay's 404 tells the dashboard there
 * is none.
 * @param {import('fastify').FastifyInstance} fastify
 * @param {{ alertmanagerUrl: string, fetch?: typeof fetch, timeoutMs?: number, holdMs?: number }} options
 */
export async function alertmanagerRoutes(fastify, options) {
  const reader = createAlertmanagerReader(options);
  /** @param {'alerts' | 'silences'} kind */
  const route = (kind) => async (/** @type {any} */ _request, /** @type {any} */ reply) => {
    reply.header('X-Pharos-Relay', 'read-only').header('cache-control', 'no-store');
    try {
      return await reader[kind]();
    } catch (error) {
      if (!(error instanceof AlertmanagerReadError)) throw error;
      fastify.log.warn({ reason: error.message }, 'cannot read Alertmanager');
      return reply.code(error.status).send({ detail: error.message });
    }
  };
  fastify.get(ALERTMANAGER_ROUTES.alerts, route('alerts'));
  fastify.get(ALERTMANAGER_ROUTES.silences, route('silences'));
}
