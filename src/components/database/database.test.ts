import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { drawnShare } from '../../../test/support/drawn.js';
import { mountInSource } from '../../../test/support/mount.js';
import { DEFAULT_RULES } from '../../alerts/default-rules.js';
import type { PharosDatabase } from './database.component.js';
import './database.js';

const root = (el: Element) => el.shadowRoot!;
const q = (el: Element, sel: string) => root(el).querySelector<HTMLElement>(sel);
const figure = (el: Element, key: string) => root(el).querySelector<HTMLElement & { value: unknown }>(`[part=figure][data-key=${key}]`)!;

async function mount(scenario: Parameters<typeof startSim>[0]) {
  const sim = await startSim(scenario);
  const source = await mountInSource(sim.baseUrl, html`<pharos-database lang="en"></pharos-database>`);
  const el = source.querySelector('pharos-database')!;
  return { sim, el };
}

describe('<pharos-database>', () => {
  it('shows today’s SQLite pool, with a negative overflow explained (production-like)', async () => {
    const { el } = await mount('production-like');
    await waitUntil(() => q(el, '[part=gauge]'), 'renders the pool', { timeout: 10000 });
    expect(q(el, '[part=type]')!.textContent).to.equal('SQLite');
    expect(q(el, '[part=summary] pharos-status-badge')!.getAttribute('status')).to.equal('healthy');
    const gauge = q(el, '[part=gauge]')!;
    expect(gauge.getAttribute('role')).to.equal('meter');
    expect(gauge.getAttribute('aria-valuetext')).to.match(/^\d+(\.\d)?% in use: \d+ of 15 connections/);
    // The fill is drawn at the usage; the marks at 75 % and 90 %.
    const usage = Number(gauge.getAttribute('aria-valuenow')) / 100;
    expect(drawnShare(gauge.querySelector('.gauge-fill')!)).to.be.closeTo(usage, 0.01);
    const track = gauge.querySelector('.gauge-track')!;
    const marks = [...gauge.querySelectorAll('.gauge-mark')].map((m) => (m.getBoundingClientRect().left - track.getBoundingClientRect().left - track.clientLeft) / track.clientWidth);
    expect(marks[0]).to.be.closeTo(0.75, 0.01);
    expect(marks[1]).to.be.closeTo(0.9, 0.01);
    // The card says what the levels are, and the pool alert fires from the same warning level.
    expect(q(el, '[part=limits]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      "High from 75%, critical from 90%: the backend's levels, which the pool alert uses too.",
    );
    const poolRule = DEFAULT_RULES.find((r) => r.id === 'db-pool-usage')!;
    expect(poolRule.condition).to.include({ kind: 'threshold', direction: 'above', value: 0.75 });
    expect(figure(el, 'capacity').value).to.equal(15);
    const overflow = figure(el, 'overflow');
    expect(overflow.value).to.equal(0);
    expect(overflow.textContent).to.match(/none in use \(reported -\d+\)/);
    expect(q(el, '[part=warnings-none]')).to.exist;
    expect(q(el, '[part=chart] pharos-timeseries')).to.exist;
    expect(root(el).textContent).not.to.match(/NaN|undefined|\[object/);
    await expect(el).to.be.accessible();
  });

  it('flags high pool usage with the backend’s warning and recommendation (incident)', async () => {
    const { el } = await mount('incident');
    await waitUntil(() => q(el, '[part=warning]'), 'shows the warning', { timeout: 10000 });
    const gauge = q(el, '[part=gauge]')!;
    expect(['warning', 'critical']).to.include(gauge.dataset.level);
    expect(gauge.getAttribute('aria-valuetext')).to.match(/\((high|critical)\)$/);
    expect(Number(gauge.getAttribute('aria-valuenow'))).to.be.at.least(75);
    const warning = q(el, '[part=warning]')!;
    expect(warning.textContent).to.contain('Connection pool usage is high');
    expect(warning.textContent).to.contain('Recommendation:');
    expect(q(el, '[part=type]')!.textContent).to.equal('PostgreSQL');
    expect(q(el, '[part=fields]')!.textContent).to.contain('Isolation level');
    await expect(el).to.be.accessible();
  });

  it('keeps the last values, marked stale, when a poll fails, and plots pool usage', async () => {
    const { sim, el } = await mount('healthy');
    await waitUntil(() => q(el, '[part=gauge]'), 'renders', { timeout: 10000 });
    await el.refresh();
    const chart = q(el, '[part=chart] pharos-timeseries') as HTMLElement & { data: ArrayLike<number>[] };
    await waitUntil(() => chart.data[0]!.length === 2, 'two samples plotted');
    expect(chart.data[1]![0]).to.be.within(0, 100);
    await sim.fault({ path: '/api/monitoring/database', kind: 'html-502' });
    await el.refresh();
    await waitUntil(() => q(el, '[part=error]'), 'error notice', { timeout: 10000 });
    expect(q(el, '[part=error]')!.textContent).to.contain('Showing the last good values');
    expect(q(el, '[part=gauge]')).to.exist;
    expect(figure(el, 'checked-out').hasAttribute('stale')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('explains an outage without showing made-up figures', async () => {
    const { el } = await mount('outage');
    await waitUntil(() => q(el, '[part=error]'), 'error notice', { timeout: 10000 });
    expect(q(el, '[part=gauge]')).to.equal(null);
    expect(q(el, '[part=retry]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says a token is needed (auth)', async () => {
    const { el } = await mount('auth');
    await waitUntil(() => q(el, '[part=error]'), 'error notice', { timeout: 10000 });
    expect(q(el, '[part=error]')!.dataset.kind).to.equal('auth');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('production-like');
    const el = await fixture<PharosDatabase>(html`<pharos-database base-url=${sim.baseUrl}></pharos-database>`);
    expect(q(el, '[part=skeleton]')).to.exist;
    await waitUntil(() => q(el, '[part=gauge]'), 'renders', { timeout: 10000 });
    await expect(el).to.be.accessible();
  });
});
