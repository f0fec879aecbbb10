// @ts-check
// Responses are plain values until the very end, so faults, CORS and scenario rules can
// inspect or rewrite them (a malformed-JSON fault truncates the real body, for example).

/**
 * @typedef {object} SimResponse
 * @property {number} status
 * @property {unknown} [body] serialized as JSON unless `text` is given
 * @property {string} [text] a raw body
 * @property {string} [contentType] defaults to application/json
 * @property {Record<string, string>} [headers]
 * @property {boolean} [cors] false when the real response reaches the browser without CORS
 *   headers (auth 401s, caught 500s, gateway pages)
 * @property {boolean} [truncate] send the body cut short (malformed-JSON fault)
 */

/**
 * @param {unknown} body
 * @param {number} [status]
 * @param {Record<string, string>} [headers]
 * @returns {SimResponse}
 */
export const json = (body, status = 200, headers) => ({ status, body, headers });

/** FastAPI's `{"detail": ...}` error. @param {number} status @param {unknown} detail */
export const detail = (status, detail) => json({ detail }, status);

export const notFound = () => detail(404, 'Not Found');

/** @param {string[]} allow */
export const methodNotAllowed = (allow) => json({ detail: 'Method Not Allowed' }, 405, { allow: allow.join(', ') });

/**
 * A FastAPI/pydantic validation error item.
 * @typedef {{ type: string, loc: (string | number)[], msg: string, input: unknown, ctx?: Record<string, unknown> }} ValidationItem
 */

/** @param {ValidationItem[]} items */
export const validationError = (items) => json({ detail: items }, 422);

/** What a reverse proxy in front of the API answers when the app is down. */
export function gatewayError() {
  return /** @type {SimResponse} */ ({
    status: 502,
    contentType: 'text/html',
    cors: false,
    text:
      '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n' +
      '<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n',
  });
}

/**
 * Writes a response. HEAD gets the headers only, as Starlette does.
 * @param {import('node:http').ServerResponse} res
 * @param {SimResponse} response
 * @param {string} method
 * @param {Record<string, string>} [extraHeaders]
 */
export function send(res, response, method, extraHeaders = {}) {
  let text = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  if (response.truncate) text = text.slice(0, Math.max(1, Math.floor(text.length * 0.6)));
  const payload = Buffer.from(text, 'utf8');
  /** @type {Record<string, string>} */
  const headers = {};
  const layers = [
    { 'content-type': response.contentType ?? 'application/json', server: 'uvicorn' },
    extraHeaders,
    response.headers ?? {},
    { 'content-length': String(payload.length) },
  ];
  // Lower-cased so a fault's `Content-Type` replaces ours instead of doubling it.
  for (const layer of layers) for (const [name, value] of Object.entries(layer)) headers[name.toLowerCase()] = value;
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

/**
 * Reads a request body as text (at most 1 MB).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > 1_000_000) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Resolves after `ms`, or early (without rejecting) when the client goes away.
 * Node's timers run on a millisecond clock read at the start of a loop turn, so one can fire
 * up to a millisecond before `performance.now()` says the time is up; the wait goes on until
 * it is, because a latency fault promises at least its delay.
 * @param {number} ms
 * @param {AbortSignal} signal
 * @returns {Promise<void>}
 */
export function sleep(ms, signal) {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  const deadline = performance.now() + ms;
  return new Promise((resolve) => {
    let timer = setTimeout(tick, ms);
    signal.addEventListener('abort', done, { once: true });
    function tick() {
      const left = deadline - performance.now();
      if (left > 0) timer = setTimeout(tick, Math.ceil(left));
      else done();
    }
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Validates an integer query parameter the way FastAPI's `Query(default, ge=, le=)` does.
 * @param {URLSearchParams} query
 * @param {string} name
 * @param {{ fallback: number, ge?: number, le?: number }} rule
 * @returns {{ value: number, error?: undefined } | { value?: undefined, error: SimResponse }}
 */
export function intQuery(query, name, { fallback, ge, le }) {
  const raw = query.get(name);
  if (raw === null) return { value: fallback };
  const loc = ['query', name];
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
    const msg = 'Input should be a valid integer, unable to parse string as an integer';
    return { error: validationError([{ type: 'int_parsing', loc, msg, input: raw }]) };
  }
  const value = Number.parseInt(raw, 10);
  if (ge !== undefined && value < ge) {
    const msg = `Input should be greater than or equal to ${ge}`;
    return { error: validationError([{ type: 'greater_than_equal', loc, msg, input: raw, ctx: { ge } }]) };
  }
  if (le !== undefined && value > le) {
    const msg = `Input should be less than or equal to ${le}`;
    return { error: validationError([{ type: 'less_than_equal', loc, msg, input: raw, ctx: { le } }]) };
  }
  return { value };
}

/**
 * Parses a required JSON object body the way FastAPI validates a pydantic body model.
 * @param {string} text
 * @returns {{ value: Record<string, unknown>, error?: undefined } | { value?: undefined, error: SimResponse }}
 */
export function jsonObjectBody(text) {
  if (text.trim() === '') {
    return { error: validationError([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]) };
  }
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    const item = { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } };
    return { error: validationError([item]) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const msg = 'Input should be a valid dictionary or object to extract fields from';
    return { error: validationError([{ type: 'model_attributes_type', loc: ['body'], msg, input: value }]) };
  }
  return { value: /** @type {Record<string, unknown>} */ (value) };
}
