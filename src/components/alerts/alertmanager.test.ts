import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PharosSourceElement } from '../source/source.js';
import '../source/source.js';
import { startSim, type SimHandle } from '../../../test/support/sim.js';
import type { PharosAlerts } from './alerts.component.js';
import './alerts.js';

// The relay is not mounted in the browser test server: the simulator plays it, marking every
// answer `X-Pharos-Relay: read-only` and answering the relay's Alertmanager paths with the
// compact JSON the relay makes of Alertmanager's answers (relay/lib/alerts/alertmanager-read.js;
// relay/test/alerts-alertmanager.test.js checks that against a real Alertmanager).

const TIMEOUT = { timeout: 15_000 };
const RELAY = { 'X-Pharos-Relay': 'read-only' };
const UNTIL = Date.now() + 2 * 3_600_000;

const labels = (alertname: string, component: string, endpoint: string, extra: Record<string, string> = {}) => ({
  alertname,
  severity: 'warning',
  service: 'pharos',
  component,
  endpoint,
  ...extra,
});

const ALERTS = {
  alerts: [
    { labels: labels('module-down', 'health', '/api/monitoring/health', { module: 'graph' }), state: 'suppressed', silencedBy: ['5f0c-silence'], inhibitedBy: [] },
    { labels: labels('health-degraded', 'health', '/api/monitoring/health'), state: 'suppressed', silencedBy: [], inhibitedBy: ['a1b2c3'] },
    { labels: labels('db-pool-usage', 'database', '/api/monitoring/database'), state: 'active', silencedBy: [], inhibitedBy: [] },
    // Same rule name, another target: not this element's alert.
    { labels: labels('db-pool-usage', 'replica', '/api/other'), state: 'suppressed', silencedBy: ['other'], inhibitedBy: [] },
  ],
};
const SILENCES = {
  silences: [
    {
      id: '5f0c-silence',
      createdBy: 'alice',
      comment: 'Qdrant migration, back at noon',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(UNTIL).toISOString(),
      matchers: [{ name: 'alertname', value: 'module-down', isRegex: false, isEqual: true }],
      status: 'active',
    },
  ],
};

async function asRelay(sim: SimHandle, withAlertmanager = true) {
  await sim.fault({ path: '/', headers: RELAY });
  if (!withAlertmanager) return;
  await sim.fault({ path: '/relay/alertmanager/alerts', kind: 'status', status: 200, body: ALERTS, headers: RELAY });
  await sim.fault({ path: '/relay/alertmanager/silences', kind: 'status', status: 200, body: SILENCES, headers: RELAY });
}

async function mount(baseUrl: string) {
  const source = await fixture<PharosSourceElement>(
    html`<pharos-source base-url=${baseUrl} interval="1" poll-when-hidden><pharos-alerts></pharos-alerts></pharos-source>`,
  );
  return source.querySelector('pharos-alerts') as PharosAlerts;
}

const row = (el: PharosAlerts, rule: string) => el.shadowRoot!.querySelector(`[part~=alert][data-rule="${rule}"]`) as HTMLElement | null;
const amLines = (el: PharosAlerts, rule: string) => [...(row(el, rule)?.querySelectorAll<HTMLElement>('[part~=alertmanager]') ?? [])];
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('<pharos-alerts> with Alertmanager through a relay', () => {
  it('shows who silenced an alert in Alertmanager, why and until when, and which are inhibited', async () => {
    const sim = await startSim('incident');
    await asRelay(sim);
    const el = await mount(sim.baseUrl);
    await waitUntil(() => amLines(el, 'module-down').length > 0 && amLines(el, 'health-degraded').length > 0, 'Alertmanager states shown', TIMEOUT);
    const [silenced] = amLines(el, 'module-down');
    expect(silenced!.dataset.state).to.equal('silenced');
    const until = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(UNTIL));
    expect(squash(silenced!.textContent)).to.equal(`🔕 Silenced in Alertmanager (module graph) by alice until ${until}: Qdrant migration, back at noon`);
    const [inhibited] = amLines(el, 'health-degraded');
    expect(inhibited!.dataset.state).to.equal('inhibited');
    expect(squash(inhibited!.textContent)).to.match(/^Inhibited in Alertmanager/);
    // Active in Alertmanager (or another target's alert of the same rule): nothing to say.
    await waitUntil(() => row(el, 'db-pool-usage') !== null, 'the pool alert', TIMEOUT);
    expect(amLines(el, 'db-pool-usage')).to.have.length(0);
  });

  it('a new silence in Alertmanager shows within one poll', async () => {
    const sim = await startSim('incident');
    await asRelay(sim, false);
    await sim.fault({ path: '/relay/alertmanager/alerts', kind: 'status', status: 200, body: { alerts: [] }, headers: RELAY });
    await sim.fault({ path: '/relay/alertmanager/silences', kind: 'status', status: 200, body: { silences: [] }, headers: RELAY });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => row(el, 'module-down') !== null && (el.shadowRoot!.textContent ?? '') !== '', 'module-down fires', TIMEOUT);
    await waitUntil(async () => ((await sim.requests()).byPath['/relay/alertmanager/silences'] ?? 0) > 0, 'Alertmanager read through the relay', TIMEOUT);
    expect(amLines(el, 'module-down')).to.have.length(0);
    await sim.clearFaults();
    await asRelay(sim);
    const silencesRead = async () => (await sim.requests()).byPath['/relay/alertmanager/silences'] ?? 0;
    const before = await silencesRead();
    await waitUntil(() => amLines(el, 'module-down').length > 0, 'the silence shown', TIMEOUT);
    // The poll in flight when the silence appeared, and the next one, at most.
    expect((await silencesRead()) - before, 'within one poll').to.be.at.most(2);
  });

  it('polls nothing of Alertmanager against the backend itself, and shows nothing when the relay has no Alertmanager', async () => {
    const direct = await startSim('incident');
    const el = await mount(direct.baseUrl);
    await waitUntil(() => row(el, 'module-down') !== null, 'module-down fires', TIMEOUT);
    // Polls go on (1 s): after several of health's, none of Alertmanager's.
    const healthPolls = async () => (await direct.requests()).byPath['/api/monitoring/health'] ?? 0;
    const start = await healthPolls();
    await waitUntil(async () => (await healthPolls()) >= start + 2, 'two more polls', TIMEOUT);
    expect((await direct.requests()).byPath['/relay/alertmanager/alerts'] ?? 0).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[part~=alertmanager]')).to.have.length(0);

    const relay = await startSim('incident');
    await asRelay(relay, false); // the relay answers its 404 for Alertmanager's paths
    const other = await mount(relay.baseUrl);
    await waitUntil(async () => ((await relay.requests()).byPath['/relay/alertmanager/alerts'] ?? 0) > 0, 'asked the relay', TIMEOUT);
    await waitUntil(() => row(other, 'module-down') !== null, 'module-down fires', TIMEOUT);
    expect(other.shadowRoot!.querySelectorAll('[part~=alertmanager]')).to.have.length(0);
    expect(other.shadowRoot!.querySelector('[part~=error]')).to.equal(null, 'a relay without Alertmanager is no error');
  });
});
