import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import type { PharosCache } from './cache.component.js';
import './cache.js';

const root = (el: Element) => el.shadowRoot!;
const q = (el: Element, sel: string) => root(el).querySelector<HTMLElement>(sel);
type Card = HTMLElement & { value: unknown; formattedValue: string };
const figure = (el: Element, key: string) => root(el).querySelector<Card>(`[part=figure][data-key=${key}]`)!;

async function mount(scenario: Parameters<typeof startSim>[0]) {
  const sim = await startSim(scenario);
  const source = await mountInSource(sim.baseUrl, html`<pharos-cache lang="en"></pharos-cache>`);
  const el = source.querySelector('pharos-cache')!;
  return { sim, el };
}

describe('<pharos-cache>', () => {
  it('shows the hit rate and counters, and the hit rate over time (healthy)', async () => {
    const { el } = await mount('healthy');
    await waitUntil(() => q(el, '[part=figures]'), 'renders', { timeout: 10000 });
    const keys = [...root(el).querySelectorAll<HTMLElement>('[part=figure]')].map((f) => f.dataset.key);
    expect(keys).to.deep.equal(['hit-rate', 'hits', 'misses', 'invalidations', 'total-requests']);
    const hits = figure(el, 'hits').value as number;
    const misses = figure(el, 'misses').value as number;
    expect(figure(el, 'total-requests').value).to.equal(hits + misses);
    expect(figure(el, 'hit-rate').value).to.be.within(0, 1);
    expect(figure(el, 'hit-rate').formattedValue).to.match(/^\d+(\.\d)?%$/);
    expect(q(el, '[part=chart] pharos-timeseries')).to.exist;
    expect(root(el).textContent).not.to.match(/clear|top keys/i);
    await expect(el).to.be.accessible();
  });

  it('says the cache is unused instead of a 0 % hit rate (production-like sample: all zero)', async () => {
    const { el } = await mount('production-like');
    await waitUntil(() => q(el, '[part=figures]'), 'renders', { timeout: 10000 });
    expect(figure(el, 'hit-rate').formattedValue).to.equal('—');
    expect(figure(el, 'total-requests').value).to.equal(0);
    expect(q(el, '[part=empty]')!.textContent).to.contain('no requests yet');
    expect(q(el, '[part=chart]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('marks values stale after a failed poll and recovers', async () => {
    const { sim, el } = await mount('healthy');
    await waitUntil(() => q(el, '[part=figures]'), 'renders', { timeout: 10000 });
    await sim.fault({ path: '/api/monitoring/cache/stats', kind: 'malformed-json', times: 1 });
    await el.refresh();
    await waitUntil(() => q(el, '[part=error]'), 'error', { timeout: 10000 });
    expect(q(el, '[part=error]')!.dataset.kind).to.equal('invalid-response');
    expect(figure(el, 'hits').hasAttribute('stale')).to.equal(true);
    await el.refresh();
    await waitUntil(() => !q(el, '[part=error]'), 'recovers', { timeout: 10000 });
    expect(figure(el, 'hits').hasAttribute('stale')).to.equal(false);
  });

  it('explains an outage and a missing token', async () => {
    const { el } = await mount('outage');
    await waitUntil(() => q(el, '[part=error]'), 'error', { timeout: 10000 });
    expect(q(el, '[part=figures]')).to.equal(null);
    await expect(el).to.be.accessible();
    const auth = await mount('auth');
    await waitUntil(() => q(auth.el, '[part=error]'), 'auth error', { timeout: 10000 });
    expect(q(auth.el, '[part=error]')!.dataset.kind).to.equal('auth');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosCache>(html`<pharos-cache base-url=${sim.baseUrl}></pharos-cache>`);
    await waitUntil(() => q(el, '[part=figures]'), 'renders', { timeout: 10000 });
    await expect(el).to.be.accessible();
  });
});
