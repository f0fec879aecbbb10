// @ts-check
// `--rules FILE` in the dashboard's preferences format, and the Alertmanager sender's
// bookkeeping on an injected clock and fetch (backoff, nothing lost, health state).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeClock } from '../testing/helpers.js';

process.env.PHAROS_QUIET_BUILD = '1';
await import('../scripts/build-engine.mjs');
const { checkRules, loadRules, RulesFileError } = await import('../lib/alerts/rules.js');
const { createAlertmanagerClient } = await import('../lib/alerts/alertmanager-client.js');

test('a rules file in the dashboard preferences format: overrides and switches, saved or bare', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pharos-rules-'));
  try {
    const bare = join(dir, 'bare.json');
    writeFileSync(bare, JSON.stringify({ rules: { 'db-pool-usage': { value: 0.9, samples: 3 }, 'health-degraded': { enabled: false } }, minSeverity: 'warning' }));
    assert.deepEqual(await loadRules(bare), {
      rules: { 'db-pool-usage': { value: 0.9, samples: 3 }, 'health-degraded': { enabled: false } },
      sound: false,
      minSeverity: 'warning',
      notifications: false,
    });
    // What <pharos-alerts> saves in localStorage, copied as is (history and all).
    const saved = join(dir, 'saved.json');
    writeFileSync(saved, JSON.stringify({ version: 1, preferences: { rules: { 'backend-unreachable': { value: 5 } }, sound: true, minSeverity: 'info', notifications: true }, history: [], active: [], silences: [] }));
    assert.deepEqual((await loadRules(saved)).rules, { 'backend-unreachable': { value: 5 } });

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"rules": {');
    await assert.rejects(loadRules(broken), (e) => e instanceof RulesFileError && /^rules file .*broken\.json: not JSON/.test(e.message));
    await assert.rejects(loadRules(join(dir, 'missing.json')), /cannot be read \(ENOENT\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rules file is checked field by field, with one clear line', () => {
  const cases = /** @type {[unknown, RegExp][]} */ ([
    [[], /should be a JSON object/],
    [{ rule: {} }, /unknown field "rule" \(expected rules, sound, minSeverity, notifications\)/],
    [{ rules: { 'db-pool': { value: 0.9 } } }, /unknown rule "db-pool" in rules \(known: health-unhealthy, .*db-pool-usage/],
    [{ rules: { 'db-pool-usage': { value: 90 } } }, /rules\["db-pool-usage"\]\.value should be a fraction from 0 to 1 .*not 90/],
    [{ rules: { 'db-pool-usage': { samples: 0 } } }, /\.samples should be a whole number from 1 to 20, not 0/],
    [{ rules: { 'db-pool-usage': { enabled: 'no' } } }, /\.enabled should be true or false/],
    [{ rules: { 'db-pool-usage': { threshold: 1 } } }, /unknown field "threshold" in rules\["db-pool-usage"\]/],
    [{ rules: { 'health-degraded': { value: 1 } } }, /fires on a status and has no value to tune/],
    [{ rules: { 'backend-unreachable': { samples: 2 } } }, /only threshold rules count samples/],
    [{ rules: { 'handler-latency-anomaly': { value: 0 } } }, /z-score above 0 and at most 50/],
    [{ minSeverity: 'high' }, /"minSeverity" should be one of critical, warning, info/],
    [{ version: 2, preferences: {} }, /"version" should be 1/],
  ]);
  for (const [raw, message] of cases) {
    assert.throws(() => checkRules(raw, 'rules file team.json'), (e) => e instanceof RulesFileError && e.message.startsWith('rules file team.json: ') && message.test(e.message), JSON.stringify(raw));
  }
});

/** A fetch that answers as told and records what was sent. */
function scriptedFetch() {
  /** @type {{ url: string, body: any[] }[]} */
  const calls = [];
  let up = true;
  /** @type {typeof fetch} */
  const f = async (url, init) => {
    calls.push({ url: String(url), body: JSON.parse(String(init?.body)) });
    if (!up) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return new Response('', { status: 200 });
  };
  return { calls, fetch: f, set up(/** @type {boolean} */ v) { up = v; } };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const alert = (/** @type {string} */ name, startsAt = 0) => ({ labels: { alertname: name, service: 'pharos' }, annotations: { summary: name, description: `${name} is wrong` }, startsAt });

test('the sender re-sends firing alerts, sends endsAt once on resolve, and keeps everything while Alertmanager is away', async () => {
  const clock = fakeClock();
  const am = scriptedFetch();
  const log = { lines: /** @type {string[]} */ ([]), info(/** @type {any} */ _o, /** @type {any} */ m) { this.lines.push(`info ${m}`); }, warn(/** @type {any} */ _o, /** @type {any} */ m) { this.lines.push(`warn ${m}`); }, error() {} };
  const client = createAlertmanagerClient({ url: 'http://user:secret@127.0.0.1:9093', fetch: am.fetch, clock, resendMs: 1_000, backoff: { baseMs: 1_000, maxMs: 4_000, jitter: 0 }, log });
  assert.equal(client.state().url, 'http://127.0.0.1:9093', 'no credentials shown');
  assert.equal(client.state().reachable, null);

  const t0 = clock.now();
  client.set([alert('a', t0)]);
  clock.advance(0); // sent at once
  await settle();
  assert.equal(am.calls.length, 1);
  assert.equal(am.calls[0].url, 'http://user:secret@127.0.0.1:9093/api/v2/alerts');
  assert.equal(am.calls[0].body[0].startsAt, new Date(t0).toISOString());
  assert.ok(Date.parse(am.calls[0].body[0].endsAt) >= t0 + 60_000, 'a firing alert ends ahead, not now');
  assert.deepEqual(client.state().pending, 0);

  clock.advance(1_000);
  await settle();
  assert.equal(am.calls.length, 2, 're-sent after resendMs');

  // Alertmanager goes away: a new alert fires and the first one resolves meanwhile.
  am.up = false;
  clock.advance(1_000);
  await settle();
  assert.equal(client.state().reachable, false);
  assert.match(/** @type {string} */ (client.state().lastError), /cannot be reached \(ECONNREFUSED\)/);
  const failingSince = client.state().failingSince;
  client.set([alert('b', clock.now())]);
  assert.equal(client.state().pending, 2, 'b firing and a resolved wait');
  const sentBefore = am.calls.length;
  clock.advance(500);
  await settle();
  assert.equal(am.calls.length, sentBefore, 'no attempt before the backoff');
  clock.advance(500);
  await settle();
  assert.equal(am.calls.length, sentBefore + 1, 'retry after 1 s');
  clock.advance(2_000);
  await settle();
  assert.equal(am.calls.length, sentBefore + 2, 'then after 2 s');
  assert.equal(client.state().failingSince, failingSince);
  assert.equal(client.state().failures, 3);
  assert.deepEqual(log.lines.filter((l) => l.startsWith('warn')).length, 1, 'one warning for the whole outage');

  am.up = true;
  clock.advance(4_000);
  await settle();
  const back = am.calls.at(-1)?.body ?? [];
  assert.deepEqual(back.map((a) => a.labels.alertname).sort(), ['a', 'b']);
  const resolved = back.find((a) => a.labels.alertname === 'a');
  assert.ok(Date.parse(resolved.endsAt) <= clock.now(), 'a is delivered resolved, with its endsAt');
  assert.equal(client.state().reachable, true);
  assert.equal(client.state().pending, 0);
  assert.equal(client.state().failingSince, null);

  // Delivered once: the next re-send carries only what still fires.
  clock.advance(1_000);
  await settle();
  assert.deepEqual((am.calls.at(-1)?.body ?? []).map((a) => a.labels.alertname), ['b']);
  client.stop();
});
