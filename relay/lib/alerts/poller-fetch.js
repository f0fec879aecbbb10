// @ts-check
// A fetch for startAlerting() that reads the backend through the relay's own poller, so the
// rules' endpoints are polled once per interval for readers and rules together. Every call
// answers with a poll the rules have not seen yet (it waits for the next one if need be):
// each answer the engine gets is a new sample, as in a browser, and an answer held for
// readers is never counted twice toward "N samples in a row".

/**
 * @typedef {import('../poller.js').Poller} Poller
 * @typedef {import('../poller.js').Entry} Entry
 * @typedef {import('../allow-list.js').AllowedRequest} AllowedRequest
 */

const json = (/** @type {number} */ status, /** @type {unknown} */ body) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** What identifies one poll's outcome of an entry. @param {Entry} entry */
const pollMark = (entry) => `${entry.good?.fetchedAt ?? ''}|${entry.latest?.fetchedAt ?? ''}|${entry.failure?.count ?? 0}`;

/**
 * @param {number} ms @param {AbortSignal | null | undefined} signal
 * @returns {Promise<void>}
 */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * The entry's outcome as the elements' client expects a backend answer: the answer itself,
 * the backend's own error answer, a 502 naming why the poll failed (the last good answer
 * is not a new sample), or no answer at all when the backend could not be reached.
 * @param {Entry} entry
 */
function asResponse(entry) {
  const failure = entry.failure;
  if (failure && (failure.reason === 'unreachable' || failure.reason === 'timeout')) {
    throw new TypeError(`fetch failed: the relay's poll of ${entry.request.key} got no answer (${failure.reason})`);
  }
  if (failure && entry.good) return json(502, { detail: `The relay's poll of ${entry.request.key} is failing (${failure.reason}).` });
  const snapshot = failure ? entry.latest : entry.good;
  if (!snapshot) return json(502, { detail: `The relay has no answer for ${entry.request.key} yet.` });
  return new Response(new Uint8Array(snapshot.body), { status: snapshot.status, headers: { 'content-type': snapshot.contentType } });
}

/**
 * @param {object} options
 * @param {Poller} options.poller the relay's poller (`createRelay(...).poller`)
 * @param {(target: string) => AllowedRequest | null} options.matchRequest the relay's allow-list (`matchRequest` of allow-list.js)
 * @param {number} options.intervalMs the poller's interval: no call waits longer than two of them
 * @returns {typeof fetch}
 */
export function pollerFetch({ poller, matchRequest, intervalMs }) {
  /** @type {Map<string, string>} the poll each key's last answer came from */
  const seen = new Map();
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request = matchRequest(`${url.pathname}${url.search}`);
    if (!request) return json(404, { detail: `${url.pathname} is not one of the relay's allowed requests` });
    const signal = init?.signal;
    const deadline = Date.now() + 2 * intervalMs;
    for (;;) {
      const entry = poller.touch(request); // a read: keeps the request polled while the rules need it
      if (!entry) return json(503, { detail: 'The relay is polling as many distinct requests as it may.' });
      if (entry.inFlight && !entry.good && !entry.latest && !entry.failure) await entry.inFlight;
      const mark = pollMark(entry);
      if (mark !== seen.get(request.key) || Date.now() >= deadline) {
        seen.set(request.key, mark);
        return asResponse(entry);
      }
      // Already seen: wait for the poller's next poll of it.
      const untilNext = entry.nextAt - poller.clock.now();
      await sleep(Math.max(10, Math.min(untilNext + 5, deadline - Date.now())), signal);
      if (entry.inFlight) await entry.inFlight;
    }
  };
}
