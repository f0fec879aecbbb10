// @ts-check
// The token stays on the server: a whole session over real sockets, faults included, and
// every answer (status, headers, body) and every log line searched for it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkBackend } from '../lib/check.js';
import { ConfigError } from '../lib/config.js';
import { ADMIN_TOKEN, fakeClock, relayConfig, settle, startRelay, startSimulator, EVERY_READ } from '../testing/helpers.js';

/** @type {Awaited<ReturnType<typeof startSimulator>>} */
let sim;
before(async () => {
  sim = await startSimulator({ scenario: 'auth' });
});
after(() => sim.close());


/**
 * Runs a reader's session against a listening relay and returns every answer as text.
 * @param {string} base
 */
async function session(base) {
  /** @type {string[]} */
  const answers = [];
  /** @param {string} path @param {RequestInit} [init] */
  const ask = async (path, init = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, headers: { origin: 'http://wiki.example', ...init.headers } });
    answers.push(`${response.status} ${JSON.stringify([...response.headers])}\n${await response.text()}`);
    return response;
  };
  for (const path of EVERY_READ) await ask(path);
  for (const path of EVERY_READ) await ask(path, { headers: { 'if-none-match': '"x"', authorization: 'Bearer reader-secret' } });
  await ask('/api/v1/ingestion/ingest/github.com/a/b', { method: 'POST' });
  await ask('/api/search/admin/sparse-embeddings/generate', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  await ask('/api/monitoring/performance', { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } });
  await ask('/api/monitoring/../../etc/passwd');
  await ask('/relay/health');
  await ask('/metrics');
  return answers;
}

test('a whole session, faults included: the token is in no answer and no log line', async () => {
  const clock = fakeClock();
  const { app, poller, log } = await startRelay({ backend: sim.url, token: ADMIN_TOKEN, intervalMs: 30_000, timeoutMs: 300, logLevel: 'debug' }, { clock });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const answers = await session(base);
  assert.ok(answers.some((a) => a.startsWith('200') && a.includes('cache_hit_rate')), 'token endpoints answered: the token was used');

  // Faults: 500, an HTML gateway page, a slow backend, a 401, and a backend that echoes the token.
  const faults = [
    { path: '/api/monitoring/performance', kind: 'status', status: 500, body: { detail: 'Internal server error' } },
    { path: '/api/monitoring/database', kind: 'html-502' },
    { path: '/api/monitoring/events', latencyMs: 1_000 },
    { path: '/api/monitoring/cache/stats', kind: 'status', status: 401, body: { detail: 'Invalid authentication token' } },
    { path: '/api/monitoring/workers/status', kind: 'status', status: 500, body: { detail: `bad header: Bearer ${ADMIN_TOKEN}` } },
    { path: '/api/monitoring/health/ml', kind: 'status', status: 200, body: { echo: `Authorization: Bearer ${ADMIN_TOKEN}` } },
  ];
  for (const fault of faults) await sim.control('faults', fault);
  clock.advance(30_000);
  await settle(poller);
  answers.push(...(await session(base)));
  // A fresh request while faults hold: nothing good yet, the backend's body is passed on.
  await sim.control('faults', { path: '/api/monitoring/events/history', kind: 'status', status: 500, body: { detail: `token ${ADMIN_TOKEN}` } });
  answers.push(...(await session(base).then((a) => a)));
  const echoed = await fetch(`${base}/api/monitoring/events/history?limit=5`);
  answers.push(await echoed.text());
  await sim.control('faults', undefined, 'DELETE');
  await app.close();

  assert.ok(answers.length > 100);
  assert.ok(log.lines.length > 3, 'the session was logged');
  for (const answer of answers) assert.ok(!answer.includes(ADMIN_TOKEN), `token in an answer: ${answer.slice(0, 300)}`);
  for (const line of log.lines) assert.ok(!line.includes(ADMIN_TOKEN), `token in a log line: ${line}`);
  for (const answer of answers) assert.ok(!answer.includes('reader-secret'), 'a reader\'s header echoed');
});

test('a rejected token: the start-up check, the logs and the relay health never show it', async () => {
  const wrong = `wrong-${Math.random().toString(36).slice(2)}-token`;
  await assert.rejects(checkBackend(relayConfig({ backend: sim.url, token: wrong })), (error) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /rejects the token \(HTTP 401: Invalid authentication token\)/);
    assert.ok(!error.message.includes(wrong));
    return true;
  });
  const clock = fakeClock();
  const { app, poller, log } = await startRelay({ backend: sim.url, token: wrong, logLevel: 'debug' }, { clock });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const answers = await session(base);
  clock.advance(60_000);
  await settle(poller);
  answers.push(...(await session(base)));
  await app.close();
  assert.ok(log.lines.some((l) => l.includes("rejects the relay's token")));
  for (const text of [...answers, ...log.lines]) assert.ok(!text.includes(wrong), text.slice(0, 300));
});
