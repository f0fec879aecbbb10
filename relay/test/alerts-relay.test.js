// @ts-check
// The relay started with --alertmanager, as its command starts it: the incident reaches a
// real Alertmanager through the relay's own poller (no reader on the page), the relay's
// health says Alertmanager is reached, and the dashboard's read-only view of Alertmanager is
// served; settings that cannot work stop the start with one line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN, startSimulator, waitUntil } from '../testing/helpers.js';
import { startAlertmanager } from '../testing/alertmanager.js';
import { ConfigError, createRelay, loadConfig } from '../lib/index.js';

process.env.PHAROS_QUIET_BUILD = '1';
await import('../scripts/build-engine.mjs');

/** @param {string[]} args @param {Record<string, string>} [env] */
const configOf = (args, env = {}) => {
  const loaded = loadConfig(args, env);
  assert.equal(loaded.help, false);
  return /** @type {{ help: false, config: import('../lib/config.js').RelayConfig }} */ (loaded).config;
};

describe('the relay with --alertmanager', () => {
  /** @type {Awaited<ReturnType<typeof startSimulator>>} */
  let sim;
  /** @type {Awaited<ReturnType<typeof startAlertmanager>>} */
  let am;
  before(async () => {
    [sim, am] = await Promise.all([startSimulator({ scenario: 'secured' }), startAlertmanager()]);
  });
  after(async () => {
    await Promise.all([sim?.close(), am?.close()]);
  });

  test('an incident reaches Alertmanager with nobody reading; health and the read-only view say so', async () => {
    const config = configOf(
      ['--backend', sim.url, '--alertmanager', am.url, '--dashboard-url', 'https://ops.example/pharos/', '--interval', '300ms', '--port', '0', '--log-level', 'silent'],
      { PHAROS_RELAY_TOKEN: ADMIN_TOKEN },
    );
    const { app } = await createRelay(config, { logStream: { write: () => true } });
    try {
      await sim.control('scenario', { scenario: 'incident' });
      /** @returns {Promise<any[]>} */
      const inAlertmanager = async () => (await (await fetch(`${am.url}/api/v2/alerts?filter=service%3D%22pharos%22`)).json());
      await waitUntil(async () => (await inAlertmanager()).some((a) => a.labels.alertname === 'module-down'), 15_000, 'module-down in Alertmanager');
      const alert = (await inAlertmanager()).find((a) => a.labels.alertname === 'module-down');
      assert.equal(alert.labels.service, 'pharos');
      assert.equal(alert.labels.module, 'graph');
      assert.equal(alert.generatorURL, 'https://ops.example/pharos/');
      assert.match(alert.annotations.description, /graph/);

      const health = (await app.inject('/relay/health')).json();
      assert.equal(health.alerting.alertmanager.reachable, true);
      assert.ok(health.alerting.firing.includes('module-down'));
      const view = await app.inject('/relay/alertmanager/alerts');
      assert.equal(view.statusCode, 200);
      assert.equal(view.headers['x-pharos-relay'], 'read-only');
      assert.ok(JSON.stringify(view.json()).includes('module-down'));
      // Every figure came through the relay's poller with its token: no 401 on the way.
      assert.ok(!JSON.stringify(health.failing).includes('token'));
    } finally {
      await app.close();
      await sim.control('scenario', { scenario: 'secured' });
    }
  });

  test('without --alertmanager the read-only view of it is a 404 (the dashboard then shows nothing about it)', async () => {
    const { app } = await createRelay(configOf(['--backend', sim.url, '--port', '0', '--log-level', 'silent']), { logStream: { write: () => true } });
    try {
      assert.equal((await app.inject('/relay/alertmanager/alerts')).statusCode, 404);
      assert.equal((await app.inject('/relay/health')).json().alerting, undefined);
    } finally {
      await app.close();
    }
  });

  test('settings that cannot work are one line at start-up', async () => {
    assert.throws(() => configOf(['--backend', sim.url, '--rules', 'team.json']), (error) => error instanceof ConfigError && /--rules needs --alertmanager/.test(error.message));
    assert.throws(() => configOf(['--backend', sim.url, '--alertmanager', 'ftp://am.example']), ConfigError);
    const dir = mkdtempSync(join(tmpdir(), 'pharos-rules-'));
    const file = join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ rules: { 'db-pool-usage': { value: 90 } } }));
    const config = configOf(['--backend', sim.url, '--alertmanager', am.url, '--rules', file, '--port', '0', '--log-level', 'silent']);
    await assert.rejects(createRelay(config, { logStream: { write: () => true } }), (error) => error instanceof ConfigError && error.message.includes('db-pool-usage'));
  });
});
