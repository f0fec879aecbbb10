// @ts-check
// The real Prometheus scrapes the relay; the polled figures and the relay's own come back
// through its HTTP API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_TOKEN, startRelay, startSimulator, waitUntil } from '../testing/helpers.js';
import { startPrometheus } from '../testing/servers.js';

/** @type {Awaited<ReturnType<typeof startSimulator>>} */
let sim;
/** @type {Awaited<ReturnType<typeof startRelay>>} */
let relay;
/** @type {Awaited<ReturnType<typeof startPrometheus>>} */
let prometheus;

before(async () => {
  sim = await startSimulator({ scenario: 'incident' });
  relay = await startRelay({ backend: sim.url, token: ADMIN_TOKEN, intervalMs: 1_000 });
  await relay.app.listen({ port: 0, host: '127.0.0.1' });
  const relayPort = /** @type {import('node:net').AddressInfo} */ (relay.app.server.address()).port;
  prometheus = await startPrometheus({ relayPort });
});
after(async () => {
  await prometheus?.stop();
  await relay?.app.close();
  await sim?.close();
});

/** @param {string} query @returns {Promise<{ metric: Record<string, string>, value: [number, string] }[]>} */
async function instant(query) {
  const response = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = await response.json();
  assert.equal(body.status, 'success', JSON.stringify(body));
  return body.data.result;
}

test('Prometheus scrapes the relay and reads back the backend figures and the relay own', async () => {
  await waitUntil(async () => (await instant('up{job="pharos-relay"} == 1')).length === 1, 20_000, 'the relay to be scraped');
  await waitUntil(async () => (await instant('pharos_db_pool_usage_ratio')).length === 1, 20_000, 'the pool usage series');
  const pool = Number((await instant('pharos_db_pool_usage_ratio'))[0].value[1]);
  // The incident scenario holds the pool at 80 to 96 %.
  assert.ok(pool >= 0.8 && pool <= 0.96, String(pool));

  const graph = await instant('pharos_module_up{module="graph"}');
  assert.equal(graph[0]?.value[1], '0', 'the graph module is down in the incident');
  assert.equal((await instant('pharos_module_up{module="search"}'))[0]?.value[1], '1');
  assert.ok((await instant('pharos_module_probe_duration_seconds')).length >= 16);
  assert.equal((await instant('pharos_health_score'))[0]?.value[1], '1', 'degraded');
  assert.ok((await instant('pharos_worker_last_heartbeat_age_seconds')).length === 1);
  assert.ok((await instant('pharos_events_emitted_total')).length === 1);
  assert.ok((await instant('sum(pharos_ingestion_jobs)')).length === 1);
  await waitUntil(async () => (await instant('pharos_relay_backend_requests_total{endpoint="monitoring/database",outcome="ok"} > 1')).length === 1, 10_000, 'the relay\'s own counter');
  // History: a range over the last seconds has several samples.
  const end = Math.floor(Date.now() / 1000);
  const range = await fetch(`${prometheus.url}/api/v1/query_range?query=pharos_db_pool_usage_ratio&start=${end - 30}&end=${end}&step=1`).then((r) => r.json());
  assert.ok(range.data.result[0].values.length >= 2, JSON.stringify(range.data.result));
  // No series carries the token.
  const all = await fetch(`${prometheus.url}/api/v1/series?match[]={job="pharos-relay"}`).then((r) => r.text());
  assert.ok(!all.includes(ADMIN_TOKEN));
});
