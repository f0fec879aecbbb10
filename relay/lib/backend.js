// @ts-check
// One GET to the backend. Only the relay's own headers go out (the token as a bearer, never
// a reader's header), redirects are not followed (a redirect could point anywhere, and must not
// take the token along), and the body is read up to a limit.

/**
 * What one backend request gave.
 * @typedef {{ kind: 'answer', status: number, contentType: string, body: Buffer, durationMs: number }
 *   | { kind: 'failure', reason: 'unreachable' | 'timeout' | 'too-large', durationMs: number }} BackendResult
 */

/**
 * @typedef {object} BackendOptions
 * @property {string | null} token
 * @property {number} timeoutMs
 * @property {number} maxBodyBytes
 * @property {string} userAgent
 * @property {typeof fetch} [fetch]
 */

/**
 * Fetches one URL of the backend.
 * @param {string} url
 * @param {BackendOptions} options
 * @returns {Promise<BackendResult>}
 */
export async function fetchBackend(url, options) {
  const began = performance.now();
  const durationMs = () => performance.now() - began;
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json', 'user-agent': options.userAgent };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const get = () => (options.fetch ?? fetch)(url, { method: 'GET', headers, redirect: 'manual', signal });
    /** @type {Response} */
    let response;
    try {
      response = await get();
    } catch (error) {
      // A kept-alive connection the backend closed as it was reused: the GET never reached
      // it, so it is sent again once, on a new connection, instead of failing a poll.
      if (signal.aborted || !droppedConnection(error)) throw error;
      response = await get();
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > options.maxBodyBytes) {
      await response.body?.cancel();
      return { kind: 'failure', reason: 'too-large', durationMs: durationMs() };
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > options.maxBodyBytes) {
          // Leaving the loop cancels the stream (and the connection's read).
          return { kind: 'failure', reason: 'too-large', durationMs: durationMs() };
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    return {
      kind: 'answer',
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      body: Buffer.concat(chunks, size),
      durationMs: durationMs(),
    };
  } catch {
    // The error itself is not passed on: its text is the fetch library's, and could carry anything.
    return { kind: 'failure', reason: signal.aborted ? 'timeout' : 'unreachable', durationMs: durationMs() };
  }
}

/**
 * Whether a fetch failed because the connection was closed under it (undici's "other side
 * closed", or a reset), rather than because the backend cannot be reached at all.
 * @param {unknown} error
 */
function droppedConnection(error) {
  const code = /** @type {{ cause?: { code?: string } }} */ (error)?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

/**
 * Whether an answer is a JSON body (what the elements read) rather than an error page.
 * @param {string} contentType
 * @param {Buffer} body
 */
export function isJsonAnswer(contentType, body) {
  if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(contentType)) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
