// @ts-check
// Alerting through the relay's own poller (pollerFetch): the backend is polled once per
// interval for readers and rules together, each poll is one sample for the rules (never
// counted twice), and a failing backend call reaches the rules as failed attempts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startRelay, startSimulator, waitUntil } from '../testing/helpers.js';
import { startAlertmanager } from '../testing/alertmanager.js';
import { matchRequest } from '../lib/allow-list.js';

process.env.PHAROS_QUIET_BUILD = '1';
await import('../scripts/build-engine.mjs');
const { startAlerting } = await import('../lib/alerts/alerting.js');
const { pollerFetch } = await import('../lib/alerts/poller-fetch.js');

const INTERVAL_MS = 300;
/** @type {Awaited<ReturnType<typeof startSimulator>>} */
let sim;
/** @type {Awaited<ReturnType<typeof startAlertmanager>>} */
let am;
before(async () => {
  [sim, am] = await Promise.all([startSimulator({ scenario: 'incident' }), startAlertmanager()]);
});
after(async () => {
  await Promise.all([sim?.close(), am?.close()]);
});

test("rules read the backend through the relay's poller: one poll per interval for readers and rules, one sample per poll", async () => {
  const relay = await startRelay({ backend: sim.url, intervalMs: INTERVAL_MS });
  const alerting = startAlerting({
    fetch: pollerFetch({ poller: relay.poller, matchRequest, intervalMs: INTERVAL_MS }),
    backendUrl: sim.url,
    intervalMs: INTERVAL_MS,
    alertmanagerUrl: am.url,
  });
  try {
    await sim.control('requests', undefined, 'DELETE');
    const started = Date.now();
    // A reader of the same endpoint meanwhile shares the poll.
    const reader = setInterval(() => void relay.app.inject({ method: 'GET', url: '/api/monitoring/database' }), 50);
    await waitUntil(async () => (await am.alerts()).some((a) => a.labels.alertname === 'db-pool-usage'), 10_000, 'db-pool-usage in Alertmanager');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    clearInterval(reader);
    const elapsed = Date.now() - started;
    const polls = (await sim.requests())['/api/monitoring/database'] ?? 0;
    // The incident scenario answers in 0.8 to 1.5 s, so polls are at most one per interval plus the answer's time.
    assert.ok(polls <= Math.ceil(elapsed / INTERVAL_MS) + 1, `${polls} backend polls in ${elapsed} ms`);
    const database = alerting.monitor.watching.find((/** @type {any} */ w) => w.target.label === 'Database');
    const samples = database.resource.history.length;
    console.log(`database: ${polls} backend polls in ${elapsed} ms, ${samples} samples`);
    assert.ok(samples >= 2 && samples <= polls + 1, `${samples} samples for ${polls} polls (the first one predates the reset)`);

    // A failing backend call reaches the rules as failed attempts.
    await sim.control('faults', { path: '/api/monitoring/database', kind: 'status', status: 500, body: { detail: 'Internal server error' } });
    await waitUntil(async () => (await am.alerts()).some((a) => a.labels.alertname === 'backend-unreachable'), 15_000, 'backend-unreachable in Alertmanager');
  } finally {
    alerting.stop();
    await relay.app.close();
  }
});
