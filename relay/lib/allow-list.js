// @ts-check
// The GET endpoints the Pharos elements read, and nothing else. A reader's request line is
// never forwarded: it is matched strictly (plain characters only, so there is nothing to
// decode or normalise differently from the backend), and the backend URL is rebuilt from the
// configured base, this table's path and the validated query numbers.

const MONITORING = '/api/monitoring';
const INGESTION = '/api/v1/ingestion';

/**
 * @typedef {object} Route
 * @property {string} name short, stable name (metric label, logs)
 * @property {string} path the backend path; for `param` routes the prefix before the parameter
 * @property {RegExp} [param] the last path segment's allowed form, when the route has one
 * @property {Record<string, { min: number, max: number }>} [query] allowed integer parameters and the backend's bounds
 * @property {readonly number[]} [bodyStatuses] error statuses whose JSON body is a normal answer
 * @property {boolean} [needsToken] the backend answers it only with a token
 */

/** Module names: the backend's are lower-case words with underscores (`pdf_ingestion`). */
export const MODULE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** @type {readonly Route[]} */
export const ROUTES = Object.freeze([
  { name: 'health', path: '/health' },
  { name: 'monitoring/health', path: `${MONITORING}/health` },
  { name: 'monitoring/health/ml', path: `${MONITORING}/health/ml` },
  { name: 'monitoring/health/module', path: `${MONITORING}/health/module/`, param: MODULE_NAME },
  { name: 'monitoring/model-health', path: `${MONITORING}/model-health`, needsToken: true },
  { name: 'monitoring/performance', path: `${MONITORING}/performance`, needsToken: true },
  { name: 'monitoring/recommendation-quality', path: `${MONITORING}/recommendation-quality`, query: { time_window_days: { min: 1, max: 90 } }, needsToken: true },
  { name: 'monitoring/user-engagement', path: `${MONITORING}/user-engagement`, query: { time_window_days: { min: 1, max: 90 } }, needsToken: true },
  { name: 'monitoring/database', path: `${MONITORING}/database`, needsToken: true },
  { name: 'monitoring/db/pool', path: `${MONITORING}/db/pool`, needsToken: true },
  { name: 'monitoring/events', path: `${MONITORING}/events`, needsToken: true },
  { name: 'monitoring/events/history', path: `${MONITORING}/events/history`, query: { limit: { min: 1, max: 1000 } }, needsToken: true },
  { name: 'monitoring/cache/stats', path: `${MONITORING}/cache/stats`, needsToken: true },
  { name: 'monitoring/workers/status', path: `${MONITORING}/workers/status`, needsToken: true },
  // 503 with the same body is how the ingestion service says it is unhealthy.
  { name: 'ingestion/health', path: `${INGESTION}/health`, bodyStatuses: [503] },
  { name: 'ingestion/health/worker', path: `${INGESTION}/health/worker` },
  { name: 'ingestion/worker/status', path: `${INGESTION}/worker/status` },
  // The backend sets no upper bound; the elements ask for 100 and it keeps about that many.
  { name: 'ingestion/jobs/history', path: `${INGESTION}/jobs/history`, query: { limit: { min: 1, max: 1000 } } },
]);

/** @type {Map<string, Route>} */
const EXACT = new Map(ROUTES.filter((r) => !r.param).map((r) => [r.path, r]));
const WITH_PARAM = ROUTES.filter((r) => r.param);

/** Only these characters may appear in a path: no `%` (nothing encoded), no `\`, `;`, `:` or spaces. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_.-]+)+$/;
/** One query parameter: a lower-case name and a plain decimal number. */
const PLAIN_PARAM = /^([a-z_]{1,32})=(\d{1,7})$/;
/** Longer request lines are refused before any parsing. */
export const MAX_URL_LENGTH = 512;

/**
 * A request that may be relayed, in its one canonical form.
 * @typedef {object} AllowedRequest
 * @property {Route} route
 * @property {string} path the canonical backend path (below the base URL)
 * @property {string} search the canonical query (`''` or `?name=value&...` in the route's order)
 * @property {string} key `path + search`: one polled request per key
 */

/**
 * Matches a request target (`req.url`, the raw request line's target) against the allow-list.
 * @param {string | undefined} target
 * @returns {AllowedRequest | null} null when the request is not one the relay serves
 */
export function matchRequest(target) {
  // Origin-form only: an absolute URL (`http://host/...`), `*` or `//host/...` are refused here.
  if (typeof target !== 'string' || target.length > MAX_URL_LENGTH || target[0] !== '/' || target[1] === '/') return null;
  const at = target.indexOf('?');
  const path = at === -1 ? target : target.slice(0, at);
  const queryText = at === -1 ? '' : target.slice(at + 1);
  if (!PLAIN_PATH.test(path)) return null;
  // Dot segments would be resolved by someone along the way: refuse them rather than resolve.
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return null;

  let route = EXACT.get(path);
  let canonicalPath = path;
  if (!route) {
    route = WITH_PARAM.find((r) => path.startsWith(r.path) && /** @type {RegExp} */ (r.param).test(path.slice(r.path.length)));
    if (!route) return null;
    canonicalPath = route.path + path.slice(route.path.length);
  }

  /** @type {Map<string, number>} */
  const values = new Map();
  if (queryText !== '') {
    for (const part of queryText.split('&')) {
      const match = PLAIN_PARAM.exec(part);
      if (!match) return null;
      const [, name, digits] = match;
      const bounds = route.query?.[name];
      if (!bounds || values.has(name)) return null;
      const value = Number(digits);
      if (value < bounds.min || value > bounds.max) return null;
      values.set(name, value);
    }
  }
  // Re-serialised in the route's own order, so `?b=1&a=2` and `?a=2&b=1` are one request.
  const pairs = Object.keys(route.query ?? {})
    .filter((name) => values.has(name))
    .map((name) => `${name}=${values.get(name)}`);
  const search = pairs.length ? `?${pairs.join('&')}` : '';
  return { route, path: canonicalPath, search, key: canonicalPath + search };
}

/**
 * Why a request was refused, in words for the 404's `detail` (no reader input echoed back).
 * @param {string | undefined} target
 * @returns {string}
 */
export function refusalDetail(target) {
  const path = (target ?? '').split('?')[0];
  const route = EXACT.get(path) ?? WITH_PARAM.find((r) => path.startsWith(r.path) && r.param?.test(path.slice(r.path.length)));
  if (route) {
    const bounds = Object.entries(route.query ?? {}).map(([name, b]) => `${name} (${b.min} to ${b.max})`);
    return bounds.length
      ? `Not found: this relay accepts only ${bounds.join(', ')} as query parameters of this endpoint`
      : 'Not found: this relay accepts this endpoint without query parameters';
  }
  return 'Not found: this relay serves only the read-only monitoring endpoints the Pharos elements use';
}

/**
 * The backend URL for an allowed request: the configured base and the canonical path and query.
 * @param {URL} backend
 * @param {AllowedRequest} request
 * @returns {string}
 */
export function backendUrl(backend, request) {
  const url = new URL(backend.href);
  url.pathname = `${backend.pathname.replace(/\/+$/, '')}${request.path}`;
  url.search = request.search;
  // The table's paths are plain, so this cannot change host; checked anyway, as the last word.
  if (url.origin !== backend.origin) throw new Error('refusing a backend URL on another origin');
  return url.href;
}
