import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadSample } from '../../../test/support/samples.js';
import { mountInSource } from '../../../test/support/mount.js';
import { startSim } from '../../../test/support/sim.js';
import type { PharosMlModels } from './ml-models.component.js';
import './ml-models.js';

const TIMEOUT = { timeout: 10_000 };
const ML = '/api/monitoring/health/ml';
const MODEL = '/api/monitoring/model-health';

async function mount(baseUrl: string) {
  const source = await mountInSource(baseUrl, html`<pharos-ml-models></pharos-ml-models>`);
  return source.querySelector('pharos-ml-models') as PharosMlModels;
}

const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const section = (el: Element, model: 'classification' | 'recommendation') =>
  el.shadowRoot!.querySelector(`[part=model][data-model=${model}]`) as HTMLElement;
const inSection = (el: Element, model: 'classification' | 'recommendation', part: string) =>
  section(el, model).querySelector(`[part~="${part}"]`) as HTMLElement | null;
const badge = (el: Element, model: 'classification' | 'recommendation') => section(el, model).querySelector('pharos-status-badge');
const facts = (el: Element) =>
  Object.fromEntries(
    [...(inSection(el, 'recommendation', 'facts')?.querySelectorAll('dt') ?? [])].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()]),
  );

describe('<pharos-ml-models>', () => {
  it('shows a skeleton per model before the first answers', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: MODEL, latencyMs: 800, times: 1 });
    const el = await mount(sim.baseUrl);
    expect(inSection(el, 'recommendation', 'skeleton')).to.exist;
    await waitUntil(() => inSection(el, 'recommendation', 'facts'), 'loads', TIMEOUT);
    expect(inSection(el, 'recommendation', 'skeleton')).to.equal(null);
  });

  it('healthy: both models healthy, the model facts as readable fields; passes axe', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'recommendation', 'facts') && badge(el, 'classification'), 'loads', TIMEOUT);
    expect(badge(el, 'classification')!.getAttribute('status')).to.equal('healthy');
    expect(text(section(el, 'classification'))).to.contain('ML classification model loaded');
    // Announced once per status change, not with every poll's timestamp.
    expect(section(el, 'classification').querySelector('[role=status]')!.textContent).to.equal('ML classification: Healthy');
    expect(badge(el, 'recommendation')!.getAttribute('status')).to.equal('healthy');
    const f = facts(el);
    expect(f['Available']).to.equal('Yes');
    expect(f['Model path']).to.equal('models/ncf_model.pt');
    expect(f['Number of users']).to.equal('24');
    expect(f['Embedding dim']).to.equal('64');
    expect(f['File size']).to.equal('3.42 MB');
    expect(f['Last modified']).to.match(/\d{4}/);
    expect(f['Last modified']).not.to.match(/T\d{2}:/); // a date for people, not the raw ISO text
    expect(text(el)).not.to.match(/undefined|NaN|\[object Object\]/);
    await expect(el).to.be.accessible();
  });

  it('production-like: classification removed (neutral, with the reason), model health 500 as a clear error', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'classification', 'not-applicable') && inSection(el, 'recommendation', 'error'), 'states', TIMEOUT);
    const removed = inSection(el, 'classification', 'not-applicable')!;
    expect(removed.querySelector('pharos-status-badge')!.getAttribute('status')).to.equal('not-applicable');
    expect(text(removed)).to.contain('ML classification module removed (single-tenant optimization)');
    expect(text(removed.querySelector('pharos-status-badge')!)).to.contain('Removed from this deployment');
    expect(inSection(el, 'classification', 'error')).to.equal(null);
    const error = inSection(el, 'recommendation', 'error')!;
    expect(error.dataset.kind).to.equal('http');
    expect(text(error)).to.contain('Recommendation model');
    expect(text(error)).to.contain('HTTP 500: Internal server error');
    expect(inSection(el, 'recommendation', 'hint')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('cross-origin: the bare 500 arrives as a network failure, and the message still makes sense', async () => {
    const crossOrigin = location.origin.replace('localhost', '127.0.0.1');
    expect(crossOrigin).to.not.equal(location.origin);
    const sim = await startSim('production-like', crossOrigin);
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'classification', 'not-applicable') && inSection(el, 'recommendation', 'hint'), 'states', TIMEOUT);
    const error = inSection(el, 'recommendation', 'error')!;
    expect(error.dataset.kind).to.equal('network');
    expect(text(error)).to.contain('Recommendation model');
    expect(text(error)).to.contain('CORS');
    expect(text(inSection(el, 'recommendation', 'hint')!)).to.contain('most likely a server error or a missing token');
    await expect(el).to.be.accessible();
  });

  it('replays the recorded real bodies (removed classification, bare 500)', async () => {
    const [ml, model] = await Promise.all([loadSample('monitoring_health_ml'), loadSample('monitoring_model_health')]);
    const sim = await startSim('healthy');
    await sim.fault({ path: ML, kind: 'status', status: ml.status, body: ml.body });
    await sim.fault({ path: MODEL, kind: 'status', status: model.status, body: model.body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'classification', 'not-applicable') && inSection(el, 'recommendation', 'error'), 'states', TIMEOUT);
    expect(text(section(el, 'recommendation'))).to.contain('Internal server error');
  });

  it('a removed recommendation model is neutral too', async () => {
    const sim = await startSim('healthy');
    const body = { status: 'not_applicable', timestamp: '2026-11-22T10:23:18.956511', message: 'NCF model removed (single-tenant optimization)' };
    await sim.fault({ path: MODEL, kind: 'status', status: 200, body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'recommendation', 'not-applicable'), 'removed', TIMEOUT);
    expect(text(section(el, 'recommendation'))).to.contain('NCF model removed');
    expect(inSection(el, 'recommendation', 'error')).to.equal(null);
  });

  it('incident: still shows both models', async () => {
    const sim = await startSim('incident');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'recommendation', 'facts') && badge(el, 'classification'), 'loads', TIMEOUT);
  });

  it('outage: each model says what happened, each with a retry', async () => {
    const sim = await startSim('outage');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'classification', 'error') && inSection(el, 'recommendation', 'error'), 'errors', TIMEOUT);
    expect(text(inSection(el, 'classification', 'error')!)).to.contain('HTTP 502');
    expect(el.shadowRoot!.querySelectorAll('[part=retry]')).to.have.length(2);
    await expect(el).to.be.accessible();
    await sim.scenario('healthy');
    (inSection(el, 'recommendation', 'retry') as HTMLButtonElement).click();
    await waitUntil(() => inSection(el, 'recommendation', 'facts'), 'recommendation recovers', TIMEOUT);
    expect(inSection(el, 'classification', 'error')).to.exist; // only the section retried
  });

  it('auth: the public ML check answers, the model check asks for a token', async () => {
    const sim = await startSim('auth');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'classification', 'not-applicable') && inSection(el, 'recommendation', 'error'), 'states', TIMEOUT);
    expect(inSection(el, 'recommendation', 'error')!.dataset.kind).to.equal('auth');
  });

  it('stale: keeps the last model facts when a check fails', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'recommendation', 'facts'), 'loads', TIMEOUT);
    await sim.fault({ path: MODEL, kind: 'html-502' });
    await el.refresh();
    await waitUntil(() => inSection(el, 'recommendation', 'error'), 'error', TIMEOUT);
    expect(inSection(el, 'recommendation', 'facts')).to.exist;
    expect(text(inSection(el, 'recommendation', 'error')!)).to.contain('Showing the last good values');
  });

  it('renders model facts as text, never as HTML', async () => {
    const sim = await startSim('healthy');
    const body = { status: 'ok', timestamp: '2026-11-22T10:23:18.9', model: { model_path: '<img src=x onerror=alert(1)>', extra: { a: [1, { b: 2 }] } }, error: null };
    await sim.fault({ path: MODEL, kind: 'status', status: 200, body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => inSection(el, 'recommendation', 'facts'), 'loads', TIMEOUT);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(facts(el)['Model path']).to.equal('<img src=x onerror=alert(1)>');
    expect(facts(el)['Extra']).to.equal('1 field');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosMlModels>(html`<pharos-ml-models base-url=${sim.baseUrl}></pharos-ml-models>`);
    await waitUntil(() => inSection(el, 'recommendation', 'facts'), 'loads', TIMEOUT);
    expect(text(el)).to.contain('ML models');
  });
});
