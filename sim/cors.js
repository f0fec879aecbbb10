// @ts-check
// CORS as Starlette's CORSMiddleware answers it: the request's origin echoed back with
// credentials, `Vary: Origin`, and no exposed headers (so cross-origin scripts cannot
// read Retry-After or X-Pharos-Edge-Status).

/**
 * The default allow-list: any local dev server, on any port.
 * @param {string} origin
 * @returns {boolean}
 */
export function isLocalDevOrigin(origin) {
  return /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/.test(origin);
}

const ALLOW_METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';
const ALLOW_HEADERS = 'Accept, Accept-Language, Authorization, Content-Language, Content-Type';

/**
 * Headers for an ordinary response, or none when the origin is missing or not allowed.
 * @param {string | undefined} origin
 * @param {(origin: string) => boolean} allowed
 * @returns {Record<string, string>}
 */
export function corsHeaders(origin, allowed) {
  if (!origin || !allowed(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  };
}

/**
 * True for a CORS preflight (which the middleware answers before any auth check).
 * @param {import('node:http').IncomingMessage} req
 */
export function isPreflight(req) {
  return req.method === 'OPTIONS' && !!req.headers.origin && !!req.headers['access-control-request-method'];
}

/**
 * The preflight answer: 200 with the allowed methods and headers, or Starlette's
 * 400 "Disallowed CORS origin" for an origin that is not on the list.
 * @param {string} origin
 * @param {(origin: string) => boolean} allowed
 * @returns {import('./http.js').SimResponse}
 */
export function preflight(origin, allowed) {
  if (!allowed(origin)) {
    return { status: 400, text: 'Disallowed CORS origin', contentType: 'text/plain; charset=utf-8', cors: false };
  }
  return {
    status: 200,
    text: 'OK',
    contentType: 'text/plain; charset=utf-8',
    headers: {
      'access-control-allow-methods': ALLOW_METHODS,
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-max-age': '600',
    },
  };
}
