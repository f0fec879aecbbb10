import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { mountOnClock } from '../../../test/support/clocked-source.js';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import type { PharosSourceElement } from '../../components/source/source.component.js';
import '../health/health.js';
import type { PharosDashboardHeader } from './dashboard-header.component.js';
import './dashboard-header.js';

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: Element, selector: string) => q(el, selector).textContent!.replace(/\s+/g, ' ').trim();
const HEALTH = '/api/monitoring/health';

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
    // On an injected clock: "no poll while off" is seen by moving past ten intervals, not by sleeping.
    const sim = await startSim('healthy');
    const interval = 1000;
    const { el: source, source: src, clock, fetched } = await mountOnClock(
      sim.baseUrl,
      html`<pharos-dashboard-header lang="en"></pharos-dashboard-header><pharos-health></pharos-health>`,
      { intervalMs: interval },
    );
    const el = source.querySelector('pharos-dashboard-header')!;
    const polls = () => fetched.filter((p) => p === HEALTH).length;
    const settled = () => waitUntil(() => !src.fetching.get(), 'the request is answered', { timeout: 10000 });
    await clock.advance(0);
    await settled();
    expect(polls(), 'the first poll, at once').to.equal(1);
    // Polling runs: one poll per interval, and none between.
    await clock.advance(interval - 1);
    expect(polls()).to.equal(1);
    await clock.advance(1);
    expect(polls()).to.equal(2);
    await settled();

    const toggle = q<HTMLButtonElement>(el, '[part=auto-refresh]');
    expect(toggle.getAttribute('aria-checked')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(src.autoRefresh).to.equal(false);
    expect(toggle.getAttribute('aria-checked')).to.equal('false');
    expect(text(el, '[part=countdown]')).to.contain('Auto-refresh off');
    expect(src.nextRefreshAt.get(), 'no poll scheduled').to.equal(null);
    await clock.advance(10 * interval);
    expect(src.fetching.get(), 'nothing in flight').to.equal(false);
    expect(polls(), 'no poll in ten intervals').to.equal(2);
    expect((await sim.requests()).byPath[HEALTH], 'the server saw the same').to.equal(2);

    // The refresh button still works, and says so first.
    setTimeout(() => q<HTMLButtonElement>(el, '[part=refresh]').click());
    const event = await oneEvent(el, 'pharos-refresh');
    expect(event.detail.baseUrl).to.equal(sim.baseUrl);
    await settled();
    expect(polls(), 'one manual request').to.equal(3);
    expect((await sim.requests()).byPath[HEALTH]).to.equal(3);
    await clock.advance(10 * interval);
    expect(polls(), 'and no poll after it').to.equal(3);

    // On again: what is overdue polls at once, then once per interval.
    toggle.click();
    await el.updateComplete;
    await clock.advance(0);
    expect(polls(), 'overdue: at once').to.equal(4);
    await settled();
    await clock.advance(interval);
    expect(polls()).to.equal(5);
    await settled();
  });

  it('a cancelled pharos-refresh does not refresh', async () => {
    const sim = await startSim('healthy');
    const { el: source, source: src, clock, fetched } = await mountOnClock(sim.baseUrl, html`<pharos-dashboard-header></pharos-dashboard-header><pharos-health></pharos-health>`);
    const el = source.querySelector('pharos-dashboard-header')!;
    await clock.advance(0);
    await waitUntil(() => !src.fetching.get(), 'first load', { timeout: 10000 });
    expect(fetched).to.deep.equal([HEALTH]);
    el.addEventListener('pharos-refresh', (e) => e.preventDefault());
    // refresh() resolves once the source's refresh has answered; cancelled, it never starts one.
    await el.refresh();
    expect(src.fetching.get()).to.equal(false);
    expect(fetched).to.deep.equal([HEALTH]);
    expect((await sim.requests()).byPath[HEALTH]).to.equal(1);
    // Without the listener, the same call does refresh.
    const other = await mountOnClock(sim.baseUrl, html`<pharos-dashboard-header></pharos-dashboard-header><pharos-health></pharos-health>`);
    await other.clock.advance(0);
    await waitUntil(() => !other.source.fetching.get(), 'first load', { timeout: 10000 });
    await other.el.querySelector('pharos-dashboard-header')!.refresh();
    expect(other.fetched).to.deep.equal([HEALTH, HEALTH]);
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
