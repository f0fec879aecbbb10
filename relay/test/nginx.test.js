// @ts-check
// A real nginx (Debian's, with proxy_cache) in front of the relay: many clients cost the relay
// about one request per request kind and interval.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startRelay, startSimulator, waitUntil } from '../testing/helpers.js';
import { startNginx } from '../testing/servers.js';

const KINDS = ['/api/monitoring/health', '/api/monitoring/events', '/api/v1/ingestion/jobs/history?limit=100', '/api/monitoring/health/module/search'];
const INTERVAL = 3_000;

/** @type {Awaited<ReturnType<typeof startSimulator>>} */
let sim;
/** @type {Awaited<ReturnType<typeof startRelay>>} */
let relay;
/** @type {Awaited<ReturnType<typeof startNginx>>} */
let nginx;
/** Requests that reached the relay, by URL. @type {Map<string, number>} */
const reachedRelay = new Map();

before(async () => {
  sim = await startSimulator();
  relay = await startRelay({ backend: sim.url, intervalMs: INTERVAL, allowOrigins: ['http://wiki.example'] });
  relay.app.addHook('onRequest', async (request) => {
    reachedRelay.set(request.url, (reachedRelay.get(request.url) ?? 0) + 1);
  });
  await relay.app.listen({ port: 0, host: '127.0.0.1' });
  const relayPort = /** @type {import('node:net').AddressInfo} */ (relay.app.server.address()).port;
  nginx = await startNginx({ relayPort });
});
after(async () => {
  await nginx?.stop();
  await relay?.app.close();
  await sim?.close();
});

/** 100 clients per kind at once, as wiki readers from one origin. */
async function wave() {
  const responses = await Promise.all(
    KINDS.flatMap((path) => Array.from({ length: 100 }, () => fetch(`${nginx.url}${path}`, { headers: { origin: 'http://wiki.example' } }))),
  );
  for (const response of responses) {
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-pharos-relay'), 'read-only', 'the marker survives the cache');
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://wiki.example');
    await response.arrayBuffer();
  }
  return responses.map((r) => r.headers.get('x-cache-status'));
}

test('800 readers in two waves cost the relay one request per kind; the next interval one more', async () => {
  reachedRelay.clear();
  const began = Date.now();
  const first = await wave();
  assert.ok(first.filter((s) => s === 'HIT').length >= 390, `mostly cache hits: ${first.join(' ')}`);
  const second = await wave();
  // On a busy machine the waves may outlast max-age: then nginx updates once, in the background.
  const intervals = Math.floor((Date.now() - began) / INTERVAL);
  assert.ok(second.every((s) => s === 'HIT' || (intervals > 0 && (s === 'UPDATING' || s === 'STALE'))), `from nginx: ${second.join(' ')}`);
  for (const kind of KINDS) {
    const count = reachedRelay.get(kind) ?? 0;
    assert.ok(count >= 1 && count <= 1 + intervals, `${kind}: ${count} requests reached the relay in ${intervals + 1} interval(s)`);
  }

  // Past the relay's next poll, nginx revalidates or refetches once per kind.
  await new Promise((resolve) => setTimeout(resolve, INTERVAL + 500));
  await wave();
  await new Promise((resolve) => setTimeout(resolve, 300)); // a background update lands
  const total = Math.floor((Date.now() - began) / INTERVAL) + 1;
  for (const kind of KINDS) {
    const count = reachedRelay.get(kind) ?? 0;
    assert.ok(count >= 2 && count <= total, `${kind}: ${count} requests reached the relay in ${total} intervals`);
  }
  const backend = await sim.requests();
  // The backend saw the relay's own polls only: about one per kind and interval.
  assert.ok((backend['/api/monitoring/events'] ?? 0) <= 4, JSON.stringify(backend));
});

test('nginx revalidates with the ETag and gets 304 from the relay', async () => {
  const before = await relay.app.inject('/metrics');
  const notModified = (/** @type {string} */ text) => Number(/pharos_relay_reader_requests_total\{result="not_modified"\} (\d+)/.exec(text)?.[1] ?? 0);
  const get = () => fetch(`${nginx.url}/health`, { headers: { origin: 'http://wiki.example' } }).then((r) => r.arrayBuffer());
  await get();
  await new Promise((resolve) => setTimeout(resolve, INTERVAL));
  // Once nginx's copy is past max-age it revalidates (in the background, serving its stale copy
  // meanwhile); readers keep asking until it has.
  const count = async () => notModified((await relay.app.inject('/metrics')).body);
  const base = notModified(before.body);
  await waitUntil(async () => {
    await get();
    return (await count()) > base;
  }, 8_000, 'a 304 from the relay to nginx');
  assert.equal(reachedRelay.get('/health'), 2, 'one fetch, one revalidation');
});
