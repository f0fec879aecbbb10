// @ts-check
// The relay's HTTP face through fastify.inject, in front of the simulator on a real port.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, startRelay, startSimulator, EVERY_READ } from '../testing/helpers.js';

/** @type {Awaited<ReturnType<typeof startSimulator>>} */
let sim;
before(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
});
after(() => sim.close());


describe('the same API, read-only', () => {
  test('every allowed endpoint answers with the backend status and body shape, marked read-only', async () => {
    const { app } = await startRelay({ backend: sim.url, token: ADMIN_TOKEN });
    for (const path of EVERY_READ) {
      const direct = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const directBody = await direct.json();
      const relayed = await app.inject({ method: 'GET', url: path });
      assert.equal(relayed.statusCode, direct.status, path);
      assert.equal(relayed.headers['x-pharos-relay'], 'read-only', path);
      assert.match(String(relayed.headers['content-type']), /^application\/json/, path);
      assert.deepEqual(Object.keys(relayed.json()).sort(), Object.keys(directBody).sort(), path);
    }
    await app.close();
  });

  test('POST, PUT, PATCH and DELETE get 405 with a read-only detail, and reach nothing', async () => {
    const { app } = await startRelay({ backend: sim.url, token: ADMIN_TOKEN });
    await sim.control('requests', undefined, 'DELETE');
    const attempts = [
      ['POST', '/api/v1/ingestion/ingest/github.com/pharos-demo/alpha'],
      ['POST', '/api/search/admin/sparse-embeddings/generate'],
      ['POST', '/api/v1/ingestion/health/worker'],
      ['PUT', '/api/monitoring/health'],
      ['PATCH', '/api/monitoring/database'],
      ['DELETE', '/api/v1/ingestion/jobs/history'],
      ['POST', '/metrics'],
    ];
    for (const [method, url] of attempts) {
      const response = await app.inject({ method: /** @type {any} */ (method), url, headers: { 'content-type': 'application/json' }, payload: '{}' });
      assert.equal(response.statusCode, 405, `${method} ${url}`);
      assert.equal(response.headers.allow, 'GET, HEAD, OPTIONS');
      assert.match(response.json().detail, /read-only view/);
      assert.equal(response.headers['x-pharos-relay'], 'read-only');
    }
    assert.deepEqual(await sim.requests(), {}, 'the backend saw none of them');
    await app.close();
  });

  test('anything else is 404 with a JSON detail, and costs no backend request', async () => {
    const { app } = await startRelay({ backend: sim.url });
    await sim.control('requests', undefined, 'DELETE');
    for (const url of ['/api/monitoring/events/history?limit=5000', '/api/monitoring/health?x=1', '/api/search/x', '/', '/__sim/state', '/api/monitoring/%2e%2e/health']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404, url);
      assert.equal(typeof response.json().detail, 'string', url);
    }
    assert.match((await app.inject('/api/monitoring/events/history?limit=0')).json().detail, /limit \(1 to 1000\)/);
    assert.deepEqual(await sim.requests(), {});
    await app.close();
  });

  test('a reader\'s Authorization header is never passed on', async () => {
    const auth = await startSimulator({ scenario: 'auth' });
    const { app } = await startRelay({ backend: auth.url, token: null });
    const response = await app.inject({ url: '/api/monitoring/performance', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(response.statusCode, 401, 'the backend saw no token');
    assert.equal(response.json().detail, 'Not authenticated');
    await app.close();
    await auth.close();
  });
});

/**
 * Sends raw bytes to a server and returns its status line.
 * @param {number} port
 * @param {string} raw
 */
function rawRequest(port, raw) {
  return new Promise((resolve, reject) => {
    // Written, not ended: a half-closed client would have its answer dropped.
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

describe('never an open proxy, over a real socket', () => {
  test('absolute URLs, //host, traversal, encoded slashes, Host and CR/LF in headers reach neither another host nor another path', async () => {
    let elsewhere = 0;
    const evil = createServer((_req, res) => {
      elsewhere += 1;
      res.end('{}');
    });
    await new Promise((resolve) => evil.listen(0, '127.0.0.1', () => resolve(undefined)));
    const evilHost = `127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (evil.address()).port}`;
    const { app } = await startRelay({ backend: sim.url, token: ADMIN_TOKEN });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = /** @type {import('node:net').AddressInfo} */ (app.server.address()).port;
    await sim.control('requests', undefined, 'DELETE');
    const host = `Host: 127.0.0.1:${port}`;
    const refused = [
      `GET http://${evilHost}/api/monitoring/health HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET //${evilHost}/api/monitoring/health HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /api/monitoring/health/module/..%2f..%2f..%2fhealth HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /api/monitoring/%2e%2e/monitoring/health HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /api/monitoring/./health HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /api/monitoring/health/../../../__sim/state HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /api/monitoring//health HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /api/monitoring/health%0d%0aHost:%20${evilHost} HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
    ];
    for (const raw of refused) assert.match(await rawRequest(port, raw), /^HTTP\/1\.1 (400|404)/, raw);
    // A bare CR or LF inside a header line: the HTTP parser refuses the request outright.
    for (const raw of [
      `GET /api/monitoring/health HTTP/1.1\r\n${host}\r\nX-A: a\rHost: ${evilHost}\r\nConnection: close\r\n\r\n`,
      `GET /api/monitoring/health HTTP/1.1\r\n${host}\r\nX-A: a\nHost: ${evilHost}\r\nConnection: close\r\n\r\n`,
    ]) {
      assert.match(await rawRequest(port, raw), /^HTTP\/1\.1 400/, JSON.stringify(raw));
    }
    // Another Host or forwarding headers change nothing: the backend is the configured one.
    const spoofed = `GET /api/monitoring/health HTTP/1.1\r\nHost: ${evilHost}\r\nX-Forwarded-Host: ${evilHost}\r\nForwarded: host=${evilHost}\r\nConnection: close\r\n\r\n`;
    assert.match(await rawRequest(port, spoofed), /^HTTP\/1\.1 200/);
    assert.equal(elsewhere, 0, 'no request reached the other host');
    assert.deepEqual(await sim.requests(), { '/api/monitoring/health': 1 }, 'the backend saw only the allowed path');
    await app.close();
    await new Promise((resolve) => evil.close(() => resolve(undefined)));
  });
});

describe('CORS', () => {
  test('allowed origins read the answers and the relay marker; others do not', async () => {
    const { app } = await startRelay({ backend: sim.url, allowOrigins: ['http://wiki.example'] });
    const allowed = await app.inject({ url: '/api/monitoring/health', headers: { origin: 'http://wiki.example' } });
    assert.equal(allowed.headers['access-control-allow-origin'], 'http://wiki.example');
    const exposed = String(allowed.headers['access-control-expose-headers']).split(/,\s*/);
    for (const name of ['X-Pharos-Relay', 'X-Pharos-Relay-Stale', 'Age']) assert.ok(exposed.includes(name), name);
    assert.match(String(allowed.headers.vary), /Origin/);
    const other = await app.inject({ url: '/api/monitoring/health', headers: { origin: 'http://evil.example' } });
    assert.equal(other.headers['access-control-allow-origin'], undefined);

    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/monitoring/performance',
      headers: { origin: 'http://wiki.example', 'access-control-request-method': 'GET' },
    });
    assert.ok(preflight.statusCode < 300);
    assert.equal(preflight.headers['access-control-allow-origin'], 'http://wiki.example');
    assert.match(String(preflight.headers['access-control-allow-methods']), /GET/);
    assert.doesNotMatch(String(preflight.headers['access-control-allow-methods']), /POST/);
    const badPreflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/monitoring/performance',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(badPreflight.headers['access-control-allow-origin'], undefined);
    await app.close();
  });

  test("'*' lets any page read, and then the answer does not vary by origin", async () => {
    const { app } = await startRelay({ backend: sim.url, allowOrigins: '*' });
    const response = await app.inject({ url: '/api/monitoring/health', headers: { origin: 'http://anywhere.example' } });
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.doesNotMatch(String(response.headers.vary ?? ''), /Origin/);
    await app.close();
  });
});

describe('HTTP caching', () => {
  test('Cache-Control, strong ETag, 304, Age and Date', async () => {
    const { app } = await startRelay({ backend: sim.url, intervalMs: 30_000 });
    const first = await app.inject('/api/monitoring/database');
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['cache-control']), /^public, max-age=(\d+), stale-while-revalidate=30$/);
    const maxAge = Number(/max-age=(\d+)/.exec(String(first.headers['cache-control']))?.[1]);
    assert.ok(maxAge >= 29 && maxAge <= 30, String(maxAge));
    assert.equal(first.headers.age, '0');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/, 'a strong validator');
    const again = await app.inject({ url: '/api/monitoring/database', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    assert.ok(again.headers['cache-control']);
    const weak = await app.inject({ url: '/api/monitoring/database', headers: { 'if-none-match': `"other", W/${etag}` } });
    assert.equal(weak.statusCode, 304, 'If-None-Match compares weakly');
    const changed = await app.inject({ url: '/api/monitoring/database', headers: { 'if-none-match': '"other"' } });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.body, first.body, 'the same held answer');

    // Date comes from the HTTP layer on a real socket.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const real = await fetch(`${address}/api/monitoring/database`);
    assert.ok(real.headers.get('date'));
    const head = await fetch(`${address}/api/monitoring/database`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    await app.close();
  });
});

describe('its own endpoints', () => {
  test('/relay/health says nothing is failing, then which call fails and since when', async () => {
    const { app } = await startRelay({ backend: sim.url, token: ADMIN_TOKEN });
    await app.inject('/api/monitoring/health');
    const ok = (await app.inject('/relay/health')).json();
    assert.equal(ok.status, 'ok');
    assert.equal(ok.token, 'configured');
    assert.deepEqual(ok.failing, []);
    await sim.control('faults', { path: '/api/monitoring/cache/stats', kind: 'status', status: 500, body: { detail: 'Internal server error' } });
    await app.inject('/api/monitoring/cache/stats');
    const degraded = (await app.inject('/relay/health')).json();
    assert.equal(degraded.status, 'degraded');
    assert.equal(degraded.failing.length, 1);
    assert.equal(degraded.failing[0].request, '/api/monitoring/cache/stats');
    assert.equal(degraded.failing[0].reason, 'http-500');
    assert.ok(!Number.isNaN(Date.parse(degraded.failing[0].failing_since)));
    await sim.control('faults', undefined, 'DELETE');
    await app.close();
  });

  test('the rate limit spares answers already held', async () => {
    const { app } = await startRelay({ backend: sim.url, rateLimit: 3 });
    for (let i = 0; i < 10; i += 1) assert.equal((await app.inject('/api/monitoring/health')).statusCode, 200, `held read ${i}`);
    // Refusals count: two 404s use up the rest of this client's three.
    await app.inject('/nothing');
    await app.inject('/nothing');
    assert.equal((await app.inject('/api/monitoring/database')).statusCode, 429, 'a new request to poll is limited');
    assert.equal((await app.inject('/api/monitoring/health')).statusCode, 200, 'held answers still flow');
    await app.close();
  });

  test('bounded: past max-keys a new request is refused with 503, held ones still answer', async () => {
    const { app } = await startRelay({ backend: sim.url, maxKeys: 2 });
    assert.equal((await app.inject('/api/monitoring/events/history?limit=1')).statusCode, 200);
    assert.equal((await app.inject('/api/monitoring/events/history?limit=2')).statusCode, 200);
    const third = await app.inject('/api/monitoring/events/history?limit=3');
    assert.equal(third.statusCode, 503);
    assert.ok(third.headers['retry-after']);
    assert.equal((await app.inject('/api/monitoring/events/history?limit=1')).statusCode, 200);
    await app.close();
  });

  test('bounded: a backend answer past max-body-bytes is not kept', async () => {
    const { app } = await startRelay({ backend: sim.url, maxBodyBytes: 2048 });
    const response = await app.inject('/api/monitoring/events/history?limit=1000');
    assert.equal(response.statusCode, 502);
    assert.match(response.json().detail, /more bytes than the relay keeps/);
    await app.close();
  });
});
