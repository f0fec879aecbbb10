import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PharosSourceElement } from '../../components/source/source.js';
import { loadSample } from '../../../test/support/samples.js';
import { mountInSource } from '../../../test/support/mount.js';
import { startSim } from '../../../test/support/sim.js';
import { metricLabel, type PharosRecommendations } from './recommendations.component.js';
import './recommendations.js';

const TIMEOUT = { timeout: 10_000 };
const PATH = '/api/monitoring/recommendation-quality';

async function mount(baseUrl: string) {
  const source = await mountInSource(baseUrl, html`<pharos-recommendations></pharos-recommendations>`);
  return { source, el: source.querySelector('pharos-recommendations') as PharosRecommendations };
}

const root = (el: Element) => el.shadowRoot!;
const parts = (el: Element, part: string) => [...root(el).querySelectorAll(`[part~="${part}"]`)] as HTMLElement[];
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const body = (el: Element) => root(el).querySelector('[data-window-days]') as HTMLElement | null;
const card = (el: Element, key: string) => root(el).querySelector(`[part~=figure][data-key="${key}"]`) as HTMLElement & { label: string; formattedValue: string };
const shown = (el: Element, key: string) => `${card(el, key).label} ${card(el, key).formattedValue}`;
const okBody = (metrics: Record<string, unknown>, message = '') => ({ status: 'ok', timestamp: '2026-11-22T10:23:19', time_window_days: 1, metrics, message });

describe('<pharos-recommendations>', () => {
  it('labels metric keys the way people write them', () => {
    expect(metricLabel('en', 'precision_at_10')).to.equal('Precision@10');
    expect(metricLabel('en', 'ndcg_at_10')).to.equal('NDCG@10');
    expect(metricLabel('en', 'click_through_rate')).to.equal('Click through rate');
    expect(metricLabel('en', 'total_recommendations')).to.equal('Total recommendations');
    expect(metricLabel('en', 'avg_generation_time_ms')).to.equal('Avg generation time');
  });

  it('shows a skeleton before the first answer', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, latencyMs: 800, times: 1 });
    const { el } = await mount(sim.baseUrl);
    expect(parts(el, 'skeleton')).to.have.length(1);
    await waitUntil(() => body(el), 'loads', TIMEOUT);
    expect(parts(el, 'skeleton')).to.have.length(0);
  });

  it('healthy: each metric as a labelled figure, shares as percentages, scores as decimals, counts as counts; passes axe', async () => {
    const sim = await startSim('healthy');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'figure').length === 7, 'seven metrics', TIMEOUT);
    expect(text(parts(el, 'window')[0]!)).to.equal('last 1 day');
    expect(shown(el, 'precision_at_10')).to.match(/^Precision@10 \d+(\.\d)?%$/);
    expect(shown(el, 'click_through_rate')).to.match(/^Click through rate \d+(\.\d)?%$/);
    expect(shown(el, 'coverage')).to.match(/^Coverage \d+(\.\d)?%$/);
    expect(shown(el, 'ndcg_at_10')).to.match(/^NDCG@10 0\.\d{1,3}$/);
    expect(shown(el, 'diversity')).to.match(/^Diversity 0\.\d{1,3}$/);
    expect(shown(el, 'total_recommendations')).to.match(/^Total recommendations [\d,]+$/);
    expect(text(parts(el, 'message')[0]!)).to.contain('Recommendation quality over the last 1 days');
    await expect(el).to.be.accessible();
  });

  it('the window follows the time range: 7d asks for 7 days', async () => {
    const sim = await startSim('healthy');
    const { source, el } = await mount(sim.baseUrl);
    await waitUntil(() => body(el)?.dataset.windowDays === '1', 'one day', TIMEOUT);
    source.source!.setTimeRange('7d');
    await waitUntil(() => text(parts(el, 'window')[0]!) === 'last 7 days', 'label follows', TIMEOUT);
    await waitUntil(() => body(el)?.dataset.windowDays === '7', 'seven days loaded', TIMEOUT);
    expect(text(parts(el, 'message')[0]!)).to.contain('over the last 7 days');
  });

  it('production-like: not applicable, neutral, with the backend\'s reason; passes axe', async () => {
    const sim = await startSim('production-like');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'not-applicable').length === 1, 'not applicable', TIMEOUT);
    const notice = parts(el, 'not-applicable')[0]!;
    expect(text(notice)).to.contain('Recommendations module removed (single-tenant optimization)');
    expect(notice.querySelector('pharos-status-badge')!.getAttribute('status')).to.equal('not-applicable');
    expect(parts(el, 'error')).to.have.length(0);
    expect(parts(el, 'figure')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('replays the recorded real body for a 7-day window', async () => {
    const sample = await loadSample('monitoring_recommendation_quality');
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, kind: 'status', status: sample.status, body: sample.body });
    const source = await fixture<PharosSourceElement>(
      html`<pharos-source base-url=${sim.baseUrl} time-range="7d"><pharos-recommendations></pharos-recommendations></pharos-source>`,
    );
    const el = source.querySelector('pharos-recommendations')!;
    await waitUntil(() => parts(el, 'not-applicable').length === 1, 'not applicable', TIMEOUT);
    expect(text(parts(el, 'not-applicable')[0]!)).to.contain('Recommendations module removed');
  });

  it('no metrics reported: says so for the window', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, kind: 'status', status: 200, body: okBody({}) });
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'empty').length === 1, 'empty', TIMEOUT);
    expect(text(parts(el, 'empty')[0]!)).to.equal('No recommendation metrics reported for the last 1 day.');
  });

  it('odd metric values: missing as "—", labels and text as text, never HTML', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, kind: 'status', status: 200, body: okBody({ mrr: null, model_version: '<b>v2</b>', hit_rate: 1, users_count: 1 }) });
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'figure').length === 4, 'loads', TIMEOUT);
    expect(shown(el, 'mrr')).to.equal('MRR —');
    expect(shown(el, 'model_version')).to.equal('Model version <b>v2</b>');
    expect(shown(el, 'hit_rate')).to.equal('Hit rate 100%');
    expect(shown(el, 'users_count')).to.equal('Users count 1');
    expect(root(el).querySelector('b')).to.equal(null);
    expect(text(el)).not.to.match(/undefined|NaN|\[object Object\]/);
  });

  it('incident: still shows the metrics', async () => {
    const sim = await startSim('incident');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'figure').length === 7, 'loads', TIMEOUT);
  });

  it('outage: plain-words error with retry', async () => {
    const sim = await startSim('outage');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(text(parts(el, 'error')[0]!)).to.contain('HTTP 502');
    expect(parts(el, 'retry')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('auth: says a token is needed', async () => {
    const sim = await startSim('auth');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(parts(el, 'error')[0]!.dataset.kind).to.equal('auth');
  });

  it('stale: keeps the last metrics, marked stale', async () => {
    const sim = await startSim('healthy');
    const { el } = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'figure').length === 7, 'loads', TIMEOUT);
    await sim.fault({ path: PATH, kind: 'html-502' });
    await el.refresh();
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(parts(el, 'figure')).to.have.length(7);
    expect(card(el, 'coverage').hasAttribute('stale')).to.equal(true);
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosRecommendations>(html`<pharos-recommendations base-url=${sim.baseUrl}></pharos-recommendations>`);
    await waitUntil(() => parts(el, 'figure').length === 7, 'loads', TIMEOUT);
    expect(text(el)).to.contain('Recommendation quality');
  });
});
