import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import type { PharosSourceElement } from '../../components/source/source.component.js';
import '../health/health.js';
import type { PharosDashboardHeader } from './dashboard-header.component.js';
import './dashboard-header.js';

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: Element, selector: string) => q(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/**
 * A source with the header and a health card. `poll-when-hidden`: test files run in parallel
 * tabs, and a background tab would otherwise (rightly) pause polling.
 */
async function inSource(baseUrl: string, interval = 30): Promise<PharosSourceElement> {
  return fixture<PharosSourceElement>(
    html`<pharos-source base-url=${baseUrl} interval=${interval} poll-when-hidden
      ><pharos-dashboard-header lang="en"></pharos-dashboard-header><pharos-health></pharos-health
    ></pharos-source>`,
  );
}

async function mount(interval = 30): Promise<{ source: PharosSourceElement; el: PharosDashboardHeader }> {
  const sim = await startSim('healthy');
  const source = await inSource(sim.baseUrl, interval);
  const el = source.querySelector('pharos-dashboard-header')!;
  return { source, el };
}

describe('<pharos-dashboard-header>', () => {
  it('shows when data was updated and counts down to the next refresh', async () => {
    const { el } = await mount();
    await waitUntil(() => /Updated/.test(text(el, '[part=updated]')), 'shows the update age', { timeout: 10000 });
    await waitUntil(() => /Next refresh in \d+ sec/.test(text(el, '[part=countdown]')), 'shows the countdown', { timeout: 10000 });
    const front = q(el, '[part=ring] .front');
    expect(Number(front.getAttribute('stroke-dashoffset'))).to.be.lessThan(2 * Math.PI * 8);
    await expect(el).to.be.accessible();
  });

  it('stops polling when auto-refresh is switched off, and refreshes by hand', async () => {
    const sim = await startSim('healthy');
    const source = await inSource(sim.baseUrl, 1);
    const el = source.querySelector('pharos-dashboard-header')!;
    const path = '/api/monitoring/health';
    const count = async () => (await sim.requests()).byPath[path] ?? 0;
    // Polling runs: the count grows on its own.
    await waitUntil(async () => (await count()) >= 3, 'polls every second', { timeout: 10000 });

    const toggle = q<HTMLButtonElement>(el, '[part=auto-refresh]');
    expect(toggle.getAttribute('aria-checked')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(source.source!.autoRefresh).to.equal(false);
    expect(toggle.getAttribute('aria-checked')).to.equal('false');
    expect(text(el, '[part=countdown]')).to.contain('Auto-refresh off');
    await waitUntil(() => !source.source!.fetching.get(), 'in-flight poll settles');
    const before = await count();
    await aTimeout(2500);
    expect(await count()).to.equal(before);

    // The refresh button still works, and says so first.
    setTimeout(() => q<HTMLButtonElement>(el, '[part=refresh]').click());
    const event = await oneEvent(el, 'pharos-refresh');
    expect(event.detail.baseUrl).to.equal(sim.baseUrl);
    await waitUntil(async () => (await count()) === before + 1, 'one manual request', { timeout: 10000 });

    toggle.click();
    await waitUntil(async () => (await count()) >= before + 3, 'polling resumes', { timeout: 10000 });
  });

  it('a cancelled pharos-refresh does not refresh', async () => {
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-dashboard-header></pharos-dashboard-header><pharos-health></pharos-health>`);
    const el = source.querySelector('pharos-dashboard-header')!;
    const count = async () => (await sim.requests()).byPath['/api/monitoring/health'] ?? 0;
    await waitUntil(async () => (await count()) === 1, 'first load', { timeout: 10000 });
    el.addEventListener('pharos-refresh', (e) => e.preventDefault());
    await el.refresh();
    await aTimeout(300);
    expect(await count()).to.equal(1);
  });

  it('selects a time range by click and by arrow keys, and fires pharos-time-range-change', async () => {
    const { source, el } = await mount();
    const src = source.source!;
    expect(src.timeRange.get()).to.equal('1h');
    const radios = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=radio]')];
    expect(radios().map((r) => r.textContent!.trim())).to.deep.equal(['1h', '6h', '24h', '7d']);
    expect(radios().map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1]);

    setTimeout(() => radios()[2]!.click());
    const event = await oneEvent(el, 'pharos-time-range-change');
    expect(event.detail).to.deep.equal({ range: '24h', previous: '1h' });
    expect(src.timeRange.get()).to.equal('24h');
    await el.updateComplete;
    expect(radios()[2]!.getAttribute('aria-checked')).to.equal('true');

    radios()[2]!.focus();
    radios()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await waitUntil(() => src.timeRange.get() === '7d', 'ArrowRight moves to 7d');
    expect(el.shadowRoot!.activeElement).to.equal(radios()[3]);
    radios()[3]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await waitUntil(() => src.timeRange.get() === '1h', 'wraps around');
    radios()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await waitUntil(() => src.timeRange.get() === '7d', 'End');

    el.addEventListener('pharos-time-range-change', (e) => e.preventDefault(), { once: true });
    el.selectTimeRange('6h');
    expect(src.timeRange.get()).to.equal('7d');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('production-like');
    const el = await fixture<PharosDashboardHeader>(html`<pharos-dashboard-header base-url=${sim.baseUrl}></pharos-dashboard-header>`);
    expect(text(el, '[part=updated]')).to.equal('No data yet');
    expect(text(el, '[part=countdown]')).to.contain('Nothing to refresh');
    expect(el.shadowRoot!.textContent).not.to.match(/NaN|undefined/);
    await expect(el).to.be.accessible();
  });

  it('says how many endpoints fail during an outage', async () => {
    const sim = await startSim('outage');
    const source = await mountInSource(sim.baseUrl, html`<pharos-dashboard-header></pharos-dashboard-header><pharos-health></pharos-health>`);
    const el = source.querySelector('pharos-dashboard-header')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part=failing]'), 'shows failures', { timeout: 10000 });
    expect(text(el, '[part=failing]')).to.contain('1 of 1 endpoint failing');
    await expect(el).to.be.accessible();
  });
});
