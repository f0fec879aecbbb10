// @ts-check
// One poll for everyone, and faults: an injected clock drives the poller's timers; the
// backend is the simulator over real HTTP, with its fault injection.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ADMIN_TOKEN, fakeClock, settle, startRelay, startSimulator } from '../testing/helpers.js';

const INTERVAL = 30_000;

/** @type {Awaited<ReturnType<typeof startSimulator>>} */
let sim;
before(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('reset', {});
});

describe('one poll for everyone', () => {
  test('200 readers at once cost one backend request; the next interval costs one more', async () => {
    const clock = fakeClock();
    const { app, poller } = await startRelay({ backend: sim.url, intervalMs: INTERVAL, idleMs: 120_000 }, { clock });
    const answers = await Promise.all(Array.from({ length: 200 }, () => app.inject('/api/monitoring/events')));
    assert.ok(answers.every((a) => a.statusCode === 200));
    assert.equal(new Set(answers.map((a) => a.body)).size, 1, 'everyone got the one answer');
    assert.deepEqual(await sim.requests(), { '/api/monitoring/events': 1 });

    // More readers within the interval: answered from memory at once.
    clock.advance(10_000);
    for (let i = 0; i < 50; i += 1) assert.equal((await app.inject('/api/monitoring/events')).headers.age, '10');
    assert.deepEqual(await sim.requests(), { '/api/monitoring/events': 1 });

    clock.advance(20_000);
    await settle(poller);
    assert.deepEqual(await sim.requests(), { '/api/monitoring/events': 2 }, 'the poll went on by itself');
    const fresh = await app.inject('/api/monitoring/events');
    assert.equal(fresh.headers.age, '0');
    assert.notEqual(fresh.body, answers[0].body, 'the new answer');
    await app.close();
  });

  test('distinct requests are polled apart; equal ones with reordered queries are one', async () => {
    const clock = fakeClock();
    const { app } = await startRelay({ backend: sim.url, intervalMs: INTERVAL }, { clock });
    await Promise.all([
      app.inject('/api/monitoring/events/history?limit=10'),
      app.inject('/api/monitoring/events/history?limit=010'),
      app.inject('/api/monitoring/events/history?limit=20'),
      app.inject('/api/monitoring/health/module/search'),
      app.inject('/api/monitoring/health/module/graph'),
    ]);
    assert.deepEqual(await sim.requests(), {
      '/api/monitoring/events/history': 2,
      '/api/monitoring/health/module/search': 1,
      '/api/monitoring/health/module/graph': 1,
    });
    await app.close();
  });

  test('polling stops after nobody asked for the idle time, and starts again with a reader', async () => {
    const clock = fakeClock();
    const { app, poller } = await startRelay({ backend: sim.url, intervalMs: INTERVAL, idleMs: 90_000 }, { clock });
    await app.inject('/api/monitoring/cache/stats');
    for (let i = 0; i < 2; i += 1) {
      clock.advance(INTERVAL);
      await settle(poller);
    }
    // Polled at 0, 30 and 60 s; at 90 s nobody has asked for 90 s.
    assert.equal((await sim.requests())['/api/monitoring/cache/stats'], 3);
    assert.equal(poller.entries.size, 1);
    clock.advance(INTERVAL);
    await settle(poller);
    assert.equal(poller.entries.size, 0, 'dropped after 90 s without readers');
    assert.equal(poller.heldBytes, 0);
    assert.equal(clock.pending, 0, 'no timer left');
    clock.advance(10 * INTERVAL);
    await settle(poller);
    assert.equal((await sim.requests())['/api/monitoring/cache/stats'], 3, 'no polls while idle');
    assert.equal((await app.inject('/api/monitoring/cache/stats')).statusCode, 200);
    assert.equal((await sim.requests())['/api/monitoring/cache/stats'], 4);
    await app.close();
  });

  test('max-age counts down to the next poll, and Age from the fetch', async () => {
    const clock = fakeClock();
    const { app } = await startRelay({ backend: sim.url, intervalMs: INTERVAL }, { clock });
    await app.inject('/api/monitoring/health');
    clock.advance(12_000);
    const response = await app.inject('/api/monitoring/health');
    assert.equal(response.headers.age, '12');
    // Fresh for 18 more seconds: an Age-aware cache computes 30 - 12.
    assert.equal(response.headers['cache-control'], 'public, max-age=30, stale-while-revalidate=30');
    await app.close();
  });
});

describe('faults', () => {
  test('backend 500, HTML and timeouts: the last good answer is served with its age and why', async () => {
    const clock = fakeClock();
    const { app, poller, log } = await startRelay({ backend: sim.url, intervalMs: INTERVAL, timeoutMs: 300 }, { clock });
    const good = await app.inject('/api/monitoring/database');
    assert.equal(good.statusCode, 200);

    await sim.control('faults', { path: '/api/monitoring/database', kind: 'status', status: 500, body: { detail: 'Internal server error' } });
    clock.advance(INTERVAL);
    await settle(poller);
    let stale = await app.inject('/api/monitoring/database');
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.body, good.body, 'the last good answer');
    assert.equal(stale.headers.age, '30');
    assert.equal(stale.headers['x-pharos-relay-stale'], 'http-500');

    await sim.control('faults', undefined, 'DELETE');
    await sim.control('faults', { path: '/api/monitoring/database', kind: 'html-502' });
    // Backoff: the failing request waits two intervals now.
    clock.advance(2 * INTERVAL);
    await settle(poller);
    stale = await app.inject('/api/monitoring/database');
    assert.equal(stale.body, good.body);
    assert.equal(stale.headers['x-pharos-relay-stale'], 'http-502');
    assert.equal(stale.headers.age, '90');

    await sim.control('faults', undefined, 'DELETE');
    await sim.control('faults', { path: '/api/monitoring/database', latencyMs: 2_000 });
    clock.advance(4 * INTERVAL);
    await settle(poller);
    stale = await app.inject('/api/monitoring/database');
    assert.equal(stale.body, good.body);
    assert.equal(stale.headers['x-pharos-relay-stale'], 'timeout');

    await sim.control('faults', undefined, 'DELETE');
    clock.advance(8 * INTERVAL);
    await settle(poller);
    const recovered = await app.inject('/api/monitoring/database');
    assert.equal(recovered.headers['x-pharos-relay-stale'], undefined);
    assert.notEqual(recovered.body, good.body);
    assert.equal(recovered.headers.age, '0');

    const warnings = log.records().filter((r) => r.msg === 'backend call failing');
    assert.equal(warnings.length, 1, 'one line per failing streak, not per poll');
    assert.equal(log.records().filter((r) => r.msg === 'backend call answers again').length, 1);
    await app.close();
  });

  test('backs off per request: a failing one waits 2, 4, 8 intervals while the others keep pace', async () => {
    const clock = fakeClock();
    const { app, poller } = await startRelay({ backend: sim.url, intervalMs: INTERVAL, idleMs: 3_600_000 }, { clock });
    await sim.control('faults', { path: '/api/monitoring/events', kind: 'status', status: 500 });
    await app.inject('/api/monitoring/events');
    await app.inject('/api/monitoring/health');
    for (let i = 0; i < 14; i += 1) {
      clock.advance(INTERVAL);
      await settle(poller);
      await app.inject('/api/monitoring/events');
      await app.inject('/api/monitoring/health');
    }
    const counts = await sim.requests();
    assert.equal(counts['/api/monitoring/health'], 15, 'the healthy request: every interval');
    // At 0, then 2, 6 and 14 intervals later.
    assert.equal(counts['/api/monitoring/events'], 4, 'the failing request: backed off');
    await app.close();
  });

  test('with nothing good yet, the backend status and body are passed on (JSON or HTML)', async () => {
    const { app } = await startRelay({ backend: sim.url, intervalMs: INTERVAL }, { clock: fakeClock() });
    await sim.control('faults', { path: '/api/monitoring/performance', kind: 'status', status: 500, body: { detail: 'Internal server error' } });
    const json = await app.inject('/api/monitoring/performance');
    assert.equal(json.statusCode, 500);
    assert.deepEqual(json.json(), { detail: 'Internal server error' });
    await sim.control('faults', { path: '/api/monitoring/workers/status', kind: 'html-502' });
    const html = await app.inject('/api/monitoring/workers/status');
    assert.equal(html.statusCode, 502);
    assert.match(String(html.headers['content-type']), /text\/html/);
    assert.match(html.body, /<html/i);
    assert.equal(html.headers['x-pharos-relay'], 'read-only');
    await app.close();
  });

  test('a backend that cannot be reached: 502 with a detail; a slow one: 504', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', () => resolve(undefined)));
    const port = /** @type {import('node:net').AddressInfo} */ (closed.address()).port;
    await new Promise((resolve) => closed.close(() => resolve(undefined)));
    const down = await startRelay({ backend: `http://127.0.0.1:${port}` }, { clock: fakeClock() });
    const unreachable = await down.app.inject('/api/monitoring/health');
    assert.equal(unreachable.statusCode, 502);
    assert.match(unreachable.json().detail, /could not reach the backend/);
    await down.app.close();

    const slow = await startRelay({ backend: sim.url, timeoutMs: 200 }, { clock: fakeClock() });
    await sim.control('faults', { path: '/api/monitoring/health', latencyMs: 1_000 });
    const timedOut = await slow.app.inject('/api/monitoring/health');
    assert.equal(timedOut.statusCode, 504);
    await slow.app.close();
  });

  test('a rejected token is logged once, not on every poll or request', async () => {
    const auth = await startSimulator({ scenario: 'auth' });
    const clock = fakeClock();
    const { app, poller, log } = await startRelay({ backend: auth.url, token: 'not-the-token', intervalMs: INTERVAL, idleMs: 3_600_000 }, { clock });
    for (const path of ['/api/monitoring/performance', '/api/monitoring/database', '/api/monitoring/events']) {
      const response = await app.inject(path);
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().detail, 'Invalid authentication token');
    }
    for (let i = 0; i < 6; i += 1) {
      clock.advance(4 * INTERVAL);
      await settle(poller);
    }
    const rejected = log.records().filter((r) => /rejects the relay's token/.test(r.msg));
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0].level, 50);
    assert.equal((await app.inject('/relay/health')).json().token, 'rejected by the backend');
    // Public endpoints are unaffected.
    assert.equal((await app.inject('/api/monitoring/health')).statusCode, 200);
    await app.close();
    await auth.close();
  });

  test('a redirect from the backend is not followed (it could point anywhere, token and all)', async () => {
    let elsewhere = 0;
    const other = createServer((_req, res) => {
      elsewhere += 1;
      res.end('{}');
    });
    await new Promise((resolve) => other.listen(0, '127.0.0.1', () => resolve(undefined)));
    const port = /** @type {import('node:net').AddressInfo} */ (other.address()).port;
    await sim.control('faults', { path: '/api/monitoring/health/ml', kind: 'status', status: 307, body: '', headers: { location: `http://127.0.0.1:${port}/steal` } });
    const { app } = await startRelay({ backend: sim.url, token: ADMIN_TOKEN }, { clock: fakeClock() });
    const response = await app.inject('/api/monitoring/health/ml');
    assert.equal(response.statusCode, 307);
    assert.equal(response.headers.location, undefined, 'the Location is not passed on');
    assert.equal(elsewhere, 0);
    await app.close();
    await new Promise((resolve) => other.close(() => resolve(undefined)));
  });
});
