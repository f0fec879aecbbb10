// @ts-check
// The relay's alerting against a real Alertmanager and the simulator: the dashboard's own
// rules (bundled from ../src) fire on the incident scenario and the alert reaches
// Alertmanager's API within one poll, with its labels and explanation; healthy resolves it
// (endsAt); an Alertmanager that is stopped during the incident still gets every firing and
// every resolved alert once it is back; a silence made through Alertmanager's API shows in
// the relay's read-only view of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { startSimulator, waitUntil } from '../testing/helpers.js';
import { startAlertmanager } from '../testing/alertmanager.js';

process.env.PHAROS_QUIET_BUILD = '1';
await import('../scripts/build-engine.mjs');
const { startAlerting } = await import('../lib/alerts/alerting.js');
const { alertmanagerRoutes } = await import('../lib/alerts/alertmanager-read.js');

const INTERVAL_MS = 300;
const TOKEN = 'relay-secret-token-never-shown';
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pino-like log that keeps every line, to search it for the token. */
function capture() {
  /** @type {string[]} */
  const lines = [];
  const put = (/** @type {string} */ level) => (/** @type {any} */ obj, /** @type {string | undefined} */ msg) => lines.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`);
  return { lines, log: { info: put('info'), warn: put('warn'), error: put('error') } };
}

/** Alertmanager's POSTs as sent and answered. */
function recordingFetch() {
  /** @type {{ at: number, body: any[], status: number | null }[]} */
  const posts = [];
  /** @type {typeof fetch} */
  const f = async (url, init) => {
    const entry = { at: Date.now(), body: JSON.parse(String(init?.body ?? '[]')), status: /** @type {number | null} */ (null) };
    posts.push(entry);
    const response = await fetch(url, init);
    entry.status = response.status;
    return response;
  };
  return { posts, fetch: f };
}

/** @param {any[]} alerts @param {string} name */
const named = (alerts, name) => alerts.find((a) => a.labels.alertname === name);

describe('alerts to Alertmanager', () => {
  /** @type {Awaited<ReturnType<typeof startSimulator>>} */
  let sim;
  /** @type {Awaited<ReturnType<typeof startAlertmanager>>} */
  let am;
  before(async () => {
    [sim, am] = await Promise.all([startSimulator({ scenario: 'healthy' }), startAlertmanager()]);
  });
  after(async () => {
    await Promise.all([sim?.close(), am?.close()]);
  });

  test('the incident reaches Alertmanager within one poll, with labels and explanation; healthy resolves it with endsAt', async () => {
    await sim.control('scenario', { scenario: 'incident' });
    const { lines, log } = capture();
    const recorder = recordingFetch();
    /** @type {Map<string, number>} */
    const firedAt = new Map();
    const alerting = startAlerting({
      fetch: globalThis.fetch,
      backendUrl: sim.url,
      token: TOKEN,
      intervalMs: INTERVAL_MS,
      alertmanagerUrl: am.url,
      alertmanagerFetch: recorder.fetch,
      dashboardUrl: 'http://127.0.0.1:5173/ops/',
      log,
    });
    alerting.monitor.engine.onFire((/** @type {any} */ a) => firedAt.set(a.ruleId, Date.now()));
    try {
      await waitUntil(async () => firedAt.has('health-degraded') && firedAt.has('module-down'), 10_000, 'the incident fires');
      // From the engine's verdict to Alertmanager's API: well within one poll interval.
      let held = await am.alerts();
      while (!named(held, 'health-degraded') && Date.now() - /** @type {number} */ (firedAt.get('health-degraded')) < INTERVAL_MS) {
        await sleep(20);
        held = await am.alerts();
      }
      const degraded = named(held, 'health-degraded');
      assert.ok(degraded, `health-degraded in Alertmanager within ${INTERVAL_MS} ms of firing (has ${held.map((a) => a.labels.alertname)})`);
      assert.deepEqual(degraded.labels, {
        alertname: 'health-degraded',
        severity: 'warning',
        service: 'pharos',
        component: 'health',
        endpoint: '/api/monitoring/health',
      });
      assert.equal(degraded.annotations.summary, 'System degraded');
      assert.match(degraded.annotations.description, /graph/i, 'the explanation names the unhealthy module');
      assert.equal(degraded.generatorURL, 'http://127.0.0.1:5173/ops/');
      assert.equal(degraded.status.state, 'active');

      await waitUntil(async () => Boolean(named(await am.alerts(), 'module-down')), 2_000, 'module-down in Alertmanager');
      const moduleDown = named(await am.alerts(), 'module-down');
      assert.equal(moduleDown.labels.module, 'graph', 'one alert per unhealthy module, labelled with it');
      assert.match(moduleDown.annotations.description, /Module graph is unhealthy/);

      // The pool rule needs two samples in a row: it follows a poll later, with the reading.
      await waitUntil(async () => Boolean(named(await am.alerts(), 'db-pool-usage')), 10_000, 'db-pool-usage in Alertmanager');
      const pool = named(await am.alerts(), 'db-pool-usage');
      assert.equal(pool.labels.component, 'database');
      assert.match(pool.annotations.description, /Connection pool usage is \d+(\.\d)?%, at or above the \d+% limit/);

      // Sent again while firing (Alertmanager would otherwise resolve it at endsAt).
      const before = recorder.posts.length;
      await sleep(INTERVAL_MS * 3);
      assert.ok(recorder.posts.length > before, 'firing alerts are re-sent');
      const last = recorder.posts.at(-1)?.body ?? [];
      assert.ok(last.some((a) => a.labels.alertname === 'health-degraded' && Date.parse(a.endsAt) > Date.now()), 'a firing alert is re-sent with an endsAt ahead');

      await sim.control('scenario', { scenario: 'healthy' });
      await waitUntil(async () => (await am.alerts()).length === 0, 15_000, 'healthy resolves every alert in Alertmanager');
      const resolvedPost = recorder.posts.find((p) => p.body.some((a) => a.labels.alertname === 'health-degraded' && Date.parse(a.endsAt) <= p.at));
      assert.ok(resolvedPost, 'the resolved alert was sent with its endsAt');
      assert.equal(resolvedPost.status, 200);
      assert.deepEqual(alerting.state().firing, []);
      assert.equal(alerting.state().alertmanager.reachable, true);
      assert.equal(alerting.state().alertmanager.pending, 0);

      // The token never leaves for Alertmanager nor for the log.
      const sent = JSON.stringify(recorder.posts);
      assert.ok(!sent.includes(TOKEN) && !lines.join('\n').includes(TOKEN), 'no token in what went to Alertmanager or the log');
      assert.ok(lines.some((l) => l.includes('alert firing')), 'firing is logged');
    } finally {
      alerting.stop();
    }
  });

  test('an Alertmanager stopped during the incident still gets the firing alert, and the ones resolved meanwhile', async () => {
    await sim.control('scenario', { scenario: 'healthy' });
    const recorder = recordingFetch();
    const { log, lines } = capture();
    const alerting = startAlerting({
      fetch: globalThis.fetch,
      backendUrl: sim.url,
      intervalMs: INTERVAL_MS,
      alertmanagerUrl: am.url,
      alertmanagerFetch: recorder.fetch,
      backoff: { baseMs: 100, maxMs: 400, jitter: 0 },
      timeoutMs: 1_000,
      log,
    });
    try {
      await waitUntil(async () => alerting.state().checkedAt !== null, 5_000, 'first check');
      await am.stop();
      await sim.control('scenario', { scenario: 'incident' });
      await waitUntil(async () => alerting.state().firing.includes('health-degraded'), 10_000, 'the incident fires');
      await waitUntil(async () => alerting.state().alertmanager.reachable === false, 5_000, 'Alertmanager seen as unreachable');
      const down = alerting.state().alertmanager;
      assert.ok(down.pending >= 1, 'the firing alert waits for delivery');
      assert.ok(down.failingSince && down.lastError, `health says since when and why: ${JSON.stringify(down)}`);
      assert.match(/** @type {string} */ (down.lastError), /cannot be reached/);
      assert.ok(lines.some((l) => l.startsWith('warn') && l.includes('retrying with backoff')));

      await am.start();
      await waitUntil(async () => Boolean(named(await am.alerts(), 'health-degraded')), 5_000, 'the alert delivered once Alertmanager is back');
      await waitUntil(async () => alerting.state().alertmanager.pending === 0, 5_000, 'nothing pending');
      assert.equal(alerting.state().alertmanager.reachable, true);
      assert.equal(alerting.state().alertmanager.failingSince, null);

      // Resolved while Alertmanager is away: delivered with its endsAt when it is back.
      await am.stop();
      await sim.control('scenario', { scenario: 'healthy' });
      await waitUntil(async () => !alerting.state().firing.includes('health-degraded'), 10_000, 'healthy resolves it in the relay');
      await waitUntil(async () => alerting.state().alertmanager.reachable === false && alerting.state().alertmanager.pending > 0, 5_000, 'the resolution waits');
      const restartAt = Date.now();
      await am.start();
      await waitUntil(async () => alerting.state().alertmanager.pending === 0 && alerting.state().alertmanager.reachable === true, 5_000, 'resolution delivered');
      const delivered = recorder.posts.find((p) => p.at >= restartAt && p.status === 200 && p.body.some((a) => a.labels.alertname === 'health-degraded' && Date.parse(a.endsAt) < p.at));
      assert.ok(delivered, 'the resolved alert reached Alertmanager after its restart, with endsAt');
      assert.equal(named(await am.alerts(), 'health-degraded'), undefined);
    } finally {
      alerting.stop();
    }
  });

  test("a silence made through Alertmanager's API shows in the relay's read-only view", async () => {
    await sim.control('scenario', { scenario: 'incident' });
    const alerting = startAlerting({ fetch: globalThis.fetch, backendUrl: sim.url, intervalMs: INTERVAL_MS, alertmanagerUrl: am.url });
    const app = Fastify();
    await app.register(alertmanagerRoutes, { alertmanagerUrl: am.url, holdMs: 0 });
    try {
      await waitUntil(async () => Boolean(named(await am.alerts(), 'module-down')), 10_000, 'module-down in Alertmanager');
      const now = Date.now();
      const id = await am.silence({
        matchers: [
          { name: 'alertname', value: 'module-down', isRegex: false, isEqual: true },
          { name: 'module', value: 'graph', isRegex: false, isEqual: true },
        ],
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        createdBy: 'alice',
        comment: 'Qdrant migration, back at noon',
      });
      // Silences of other services are not shown.
      await am.silence({
        matchers: [{ name: 'service', value: 'billing', isRegex: false, isEqual: true }],
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        createdBy: 'bob',
        comment: 'not ours',
      });

      const silences = await app.inject({ method: 'GET', url: '/relay/alertmanager/silences' });
      assert.equal(silences.statusCode, 200);
      assert.equal(silences.headers['x-pharos-relay'], 'read-only');
      const list = silences.json().silences;
      assert.deepEqual(
        list.map((/** @type {any} */ s) => [s.id, s.createdBy, s.comment, s.status]),
        [[id, 'alice', 'Qdrant migration, back at noon', 'active']],
      );
      assert.equal(Date.parse(list[0].endsAt) >= now + 3_590_000, true);
      assert.deepEqual(list[0].matchers[1], { name: 'module', value: 'graph', isRegex: false, isEqual: true });

      await waitUntil(
        async () => {
          const alerts = (await app.inject({ method: 'GET', url: '/relay/alertmanager/alerts' })).json().alerts;
          const moduleDown = named(alerts, 'module-down');
          return moduleDown?.state === 'suppressed' && moduleDown.silencedBy.includes(id);
        },
        5_000,
        'the alert silenced by it',
      );
      const alerts = (await app.inject({ method: 'GET', url: '/relay/alertmanager/alerts' })).json().alerts;
      assert.ok(alerts.every((/** @type {any} */ a) => a.labels.service === 'pharos'));
      assert.deepEqual(Object.keys(named(alerts, 'module-down')).sort(), ['inhibitedBy', 'labels', 'silencedBy', 'state']);
      assert.equal(named(alerts, 'health-degraded').state, 'active');

      const refused = await app.inject({ method: 'GET', url: '/relay/alertmanager/status' });
      assert.equal(refused.statusCode, 404, 'nothing else of Alertmanager is reachable');
    } finally {
      alerting.stop();
      await app.close();
    }
  });

  test('an unreachable Alertmanager reads as 502 with a detail', async () => {
    const app = Fastify();
    await app.register(alertmanagerRoutes, { alertmanagerUrl: 'http://127.0.0.1:9', timeoutMs: 1_000 });
    try {
      const answer = await app.inject({ method: 'GET', url: '/relay/alertmanager/alerts' });
      assert.equal(answer.statusCode, 502);
      assert.match(answer.json().detail, /Alertmanager \(http:\/\/127\.0\.0\.1:9\) cannot be reached/);
    } finally {
      await app.close();
    }
  });
});
