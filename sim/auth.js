// @ts-check
// The backend's auth middleware: a path-prefix allow-list of public endpoints; everything
// on the token list needs `Authorization: Bearer <token>`. Its 401s are produced outside
// the CORS middleware, hence `cors: false` (the trap described in pharos-api.md).
import { json } from './http.js';

/** The only token the simulator accepts when a scenario requires auth. */
export const DEV_ADMIN_TOKEN = 'dev-admin-token';

const PUBLIC_PREFIXES = [
  '/health',
  '/api/monitoring/health',
  '/api/v1/ingestion/health',
  '/api/v1/ingestion/worker/status',
  '/api/v1/ingestion/jobs/history',
];

/**
 * Whether the middleware demands a token for this request.
 * @param {string} method
 * @param {string} path
 */
export function requiresToken(method, path) {
  if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
  if (path.startsWith('/api/monitoring/')) return true;
  return (
    method === 'POST' &&
    (path.startsWith('/api/v1/ingestion/ingest/') || path === '/api/search/admin/sparse-embeddings/generate')
  );
}

/**
 * The bearer token of a request, `null` when there is none.
 * @param {string | undefined} header the Authorization header
 * @returns {string | null}
 */
export function bearerToken(header) {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match ? match[1].trim() : null;
}

/**
 * The middleware's verdict: undefined to go on, or the 401 to answer.
 * @param {string | undefined} header
 * @returns {import('./http.js').SimResponse | undefined}
 */
export function checkMiddlewareAuth(header) {
  const token = bearerToken(header);
  if (token === null) return { ...json({ detail: 'Not authenticated' }, 401, { 'www-authenticate': 'Bearer' }), cors: false };
  if (token !== DEV_ADMIN_TOKEN) return { ...json({ detail: 'Invalid authentication token' }, 401), cors: false };
  return undefined;
}

/**
 * A route-level check (FastAPI's HTTPBearer plus `verify_admin_token`): it runs inside
 * the app, so its 401s do carry CORS headers, and its wording differs.
 * @param {string | undefined} header
 * @returns {import('./http.js').SimResponse | undefined}
 */
export function checkRouteAuth(header) {
  const token = bearerToken(header);
  if (token === null) return json({ detail: 'Not authenticated' }, 401, { 'www-authenticate': 'Bearer' });
  if (token !== DEV_ADMIN_TOKEN) return json({ detail: 'Invalid or missing authentication token' }, 401);
  return undefined;
}
