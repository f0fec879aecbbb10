import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PharosSourceElement } from '../../components/source/source.js';
import { loadSample } from '../../../test/support/samples.js';
import { mountInSource } from '../../../test/support/mount.js';
import { drawnShare } from '../../../test/support/drawn.js';
import { startSim } from '../../../test/support/sim.js';
import type { PharosEngagement } from './engagement.component.js';
import './engagement.js';

const TIMEOUT = { timeout: 10_000 };
const PATH = '/api/monitoring/user-engagement';

async function mount(baseUrl: string) {
  const source = await mountInSource(baseUrl, html`<pharos-engagement></pharos-engagement>`);
  return { source, el: source.querySelector('pharos-engagement') as PharosEngagement };
}

const root = (el: Element) => el.shadowRoot!;
const parts = (el: Element, part: string) => [...root(el).querySelectorAll(`[part~="${part}"]`)] as HTMLElement[];
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const windowLabel = (el: Element) => text(parts(el, 'window')[0]!);
const body = (el: Element) => root(el).querySelector('[data-window-days]') as HTMLElement | null;
const card = (el: Element, key: string) => {
  const c = root(el).querySelector(`[part~=figure][data-key="${key}"]`)!;
  return `${c.shadowRoot!.textContent} ${c.textContent}`.replace(/\s+/g, ' ').trim();
};
const cardValue = (el: Element, key: string) => (root(el).querySelector(`[part~=figure][data-key="${key}"]`) as HTMLElement & { value: unknown }).value;

describe('<pharos-engagement>', () => {
  it('shows a skeleton before the first answer', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, latencyMs: 800, times: 1 });
    const { el } = await mount(sim.baseUrl);
    expect(parts(el, 'skeleton')).to.have.length(1);
    await waitUntil(() => body(el), 'loads', TIMEOUT);
    expect(parts(el, 'skeleton')).to.have.length(0);
  });

  it('healthy: users, activity, positive rate, session and bars by type with numbers; passes axe', async () => {
    const sim = await startSim('healthy');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'type').length === 4, 'four types', TIMEOUT);
    expect(windowLabel(el)).to.equal('last 1 day');
    expect(body(el)!.dataset.windowDays).to.equal('1');
    expect(card(el, 'users')).to.contain('Users 24');
    expect(card(el, 'active-users')).to.match(/Active users \d+/);
    expect(card(el, 'positive-rate')).to.match(/Positive rate \d+(\.\d)?%/);
    expect(card(el, 'positive-rate')).to.match(/[\d,]+ positive/);
    expect(card(el, 'session')).to.match(/Average session \d+ min/);
    const types = parts(el, 'type');
    expect(types.map((t) => t.dataset.type)).to.deep.equal(['view', 'search_click', 'bookmark', 'annotate']);
    expect(text(types[1]!)).to.match(/^Search click [\d,]+ \d+%$/);
    // The drawn bars, measured against their tracks, match the counts (largest = full track).
    const counts = types.map((t) => Number(t.querySelector('.type-count')!.textContent!.replace(/\D/g, '')));
    const drawn = parts(el, 'bar').map((b) => drawnShare(b));
    expect(drawn[0]).to.be.closeTo(1, 0.01);
    drawn.forEach((w, i) => expect(w, types[i]!.dataset.type).to.be.closeTo(counts[i]! / counts[0]!, 0.02));
    expect(drawn[3]!).to.be.lessThan(drawn[0]!);
    expect(text(el)).not.to.match(/undefined|NaN|\[object Object\]/);
    await expect(el).to.be.accessible();
  });

  it('the window follows the time range: 7d asks for 7 days', async () => {
    const sim = await startSim('healthy');
    const { source, el } = await mount(sim.baseUrl);
    await waitUntil(() => body(el)?.dataset.windowDays === '1', 'one day', TIMEOUT);
    const oneDay = cardValue(el, 'interactions') as number;
    const before = (await sim.requests()).byPath[PATH]!;
    source.source!.setTimeRange('7d');
    await waitUntil(() => windowLabel(el) === 'last 7 days', 'label follows', TIMEOUT);
    // The backend echoes the window it was asked for.
    await waitUntil(() => body(el)?.dataset.windowDays === '7', 'seven days loaded', TIMEOUT);
    expect((await sim.requests()).byPath[PATH]).to.equal(before + 1);
    expect(cardValue(el, 'interactions') as number).to.be.greaterThan(oneDay * 3);
    source.source!.setTimeRange('24h');
    await waitUntil(() => body(el)?.dataset.windowDays === '1', 'back to one day', TIMEOUT);
    expect(windowLabel(el)).to.equal('last 1 day');
  });

  it('production-like: all-zero data is a "no activity" state, not an empty card', async () => {
    const sim = await startSim('production-like');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'empty').length === 1, 'no activity', TIMEOUT);
    expect(text(parts(el, 'empty')[0]!)).to.equal('No user activity in the last 1 day.');
    expect(parts(el, 'figure')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('replays the recorded real body for a 7-day window', async () => {
    const sample = await loadSample('monitoring_user_engagement');
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, kind: 'status', status: sample.status, body: sample.body });
    const source = await fixture<PharosSourceElement>(
      html`<pharos-source base-url=${sim.baseUrl} time-range="7d"><pharos-engagement></pharos-engagement></pharos-source>`,
    );
    const el = source.querySelector('pharos-engagement')!;
    await waitUntil(() => parts(el, 'empty').length === 1, 'no activity', TIMEOUT);
    expect(text(parts(el, 'empty')[0]!)).to.equal('No user activity in the last 7 days.');
    expect(windowLabel(el)).to.equal('last 7 days');
  });

  it('registered users without activity: says so with the user count', async () => {
    const sim = await startSim('healthy');
    const metrics = { total_users: 5, active_users: 0, total_interactions: 0, positive_interactions: 0, positive_rate: 0, interactions_by_type: {}, avg_session_duration_seconds: 0 };
    await sim.fault({ path: PATH, kind: 'status', status: 200, body: { status: 'ok', timestamp: '2026-11-22T10:23:19', time_window_days: 1, metrics } });
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'empty').length === 1, 'no activity', TIMEOUT);
    expect(text(parts(el, 'empty')[0]!)).to.contain('5 registered users, none active.');
  });

  it('not applicable: neutral, with the backend\'s reason', async () => {
    const sim = await startSim('healthy');
    const na = { status: 'not_applicable', timestamp: '2026-11-22T10:23:19', time_window_days: 1, metrics: {}, message: 'Engagement tracking removed (single-tenant optimization)' };
    await sim.fault({ path: PATH, kind: 'status', status: 200, body: na });
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'not-applicable').length === 1, 'not applicable', TIMEOUT);
    expect(text(parts(el, 'not-applicable')[0]!)).to.contain('Engagement tracking removed');
    expect(parts(el, 'error')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('incident: still shows engagement', async () => {
    const sim = await startSim('incident');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'type').length === 4, 'loads', TIMEOUT);
  });

  it('outage: plain-words error with retry, no skeleton left', async () => {
    const sim = await startSim('outage');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(text(parts(el, 'error')[0]!)).to.contain('HTTP 502');
    expect(parts(el, 'skeleton')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('auth: says a token is needed', async () => {
    const sim = await startSim('auth');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(parts(el, 'error')[0]!.dataset.kind).to.equal('auth');
  });

  it('stale: keeps the last figures, marked stale, when a refresh fails', async () => {
    const sim = await startSim('healthy');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'type').length === 4, 'loads', TIMEOUT);
    await sim.fault({ path: PATH, kind: 'malformed-json' });
    await el.refresh();
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    await el.updateComplete;
    expect(parts(el, 'type')).to.have.length(4);
    expect(root(el).querySelector('[data-key=interactions]')!.hasAttribute('stale')).to.equal(true);
    expect(text(parts(el, 'error')[0]!)).to.contain('Showing the last good values');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosEngagement>(html`<pharos-engagement base-url=${sim.baseUrl}></pharos-engagement>`);
    await waitUntil(() => parts(el, 'type').length === 4, 'loads', TIMEOUT);
    expect(windowLabel(el)).to.equal('last 1 day');
  });
});
