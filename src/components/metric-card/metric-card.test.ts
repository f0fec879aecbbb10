import { expect, fixture, html } from '@open-wc/testing';
import type { PharosMetricCard } from './metric-card.component.js';
import './metric-card.js';

const base = (el: HTMLElement) => el.shadowRoot!.querySelector('[part=base]') as HTMLElement;
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector(`[part=${name}]`) as HTMLElement | null;

describe('<pharos-metric-card>', () => {
  it('formats a number with its unit and names itself with label, value and trend', async () => {
    const el = await fixture<PharosMetricCard>(
      html`<pharos-metric-card lang="en" label="Events" value="1234.5" unit="per min" change="-0.25" good="up"></pharos-metric-card>`,
    );
    expect(part(el, 'value')!.textContent).to.equal('1,234.5');
    expect(part(el, 'unit')!.textContent).to.equal('per min');
    expect(base(el).getAttribute('role')).to.equal('group');
    expect(base(el).getAttribute('aria-label')).to.equal('Events: 1,234.5 per min, down 25% (worse)');
    expect(part(el, 'trend')!.tagName).to.equal('PHAROS-TREND');
    await expect(el).to.be.accessible();
  });

  it('formats fractions as percentages and durations, and shows text as given', async () => {
    const el = await fixture<PharosMetricCard>(html`<pharos-metric-card lang="en" label="Hit rate" value="0.875" format="percent"></pharos-metric-card>`);
    expect(part(el, 'value')!.textContent).to.equal('87.5%');
    el.format = 'ms';
    el.value = 1500;
    await el.updateComplete;
    expect(part(el, 'value')!.textContent).to.equal('1.5 sec');
    el.value = '12 / 20';
    el.unit = 'ignored';
    await el.updateComplete;
    expect(part(el, 'value')!.textContent).to.equal('12 / 20');
    expect(part(el, 'unit')).to.equal(null);
  });

  it('shows a dash, never NaN or undefined, when the value is missing', async () => {
    const el = await fixture<PharosMetricCard>(html`<pharos-metric-card label="Latency" unit="ms"></pharos-metric-card>`);
    expect(part(el, 'value')!.textContent).to.equal('—');
    expect(base(el).getAttribute('aria-label')).to.equal('Latency: no value');
    el.value = NaN;
    await el.updateComplete;
    expect(part(el, 'value')!.textContent).to.equal('—');
    expect(el.shadowRoot!.textContent).not.to.match(/NaN|undefined/);
    await expect(el).to.be.accessible();
  });

  it('draws a sparkline from history with gaps, and takes its trend from it', async () => {
    const el = await fixture<PharosMetricCard>(html`<pharos-metric-card lang="en" label="Latency" value="40" good="down"></pharos-metric-card>`);
    el.history = new Float64Array([10, 10, NaN, 10, 20, NaN, 20, 20]);
    await el.updateComplete;
    const line = el.shadowRoot!.querySelector('svg.sparkline path.line')!.getAttribute('d')!;
    expect(line.match(/M/g)!.length).to.equal(3); // three runs between the gaps
    expect(base(el).getAttribute('aria-label')).to.equal('Latency: 40, up 100% (worse)');
    el.noTrend = true;
    await el.updateComplete;
    expect(part(el, 'trend')).to.equal(null);
  });

  it('lets a slotted chart replace the built-in sparkline', async () => {
    const el = await fixture<PharosMetricCard>(
      html`<pharos-metric-card label="x" value="1" .history=${[1, 2, 3]}><span slot="sparkline" id="mine">chart</span></pharos-metric-card>`,
    );
    const slot = el.shadowRoot!.querySelector('slot[name=sparkline]') as HTMLSlotElement;
    expect(slot.assignedElements()[0]!.id).to.equal('mine');
  });

  it('marks stale values with their age and anomalies with words', async () => {
    const el = await fixture<PharosMetricCard>(html`<pharos-metric-card lang="en" label="Pool" value="3"></pharos-metric-card>`);
    el.stale = true;
    el.updatedAt = Date.now() - 120_000;
    el.anomaly = true;
    await el.updateComplete;
    expect(part(el, 'stale')!.textContent).to.contain('Stale, from 2 min. ago');
    expect(part(el, 'anomaly')!.textContent).to.contain('Unusual value');
    expect(base(el).getAttribute('aria-label')).to.match(/Pool: 3, Stale, from 2 min\. ago, Unusual value/);
    await expect(el).to.be.accessible();
  });

  it('detects an anomaly in its history when asked', async () => {
    const history = [...Array.from({ length: 20 }, (_, i) => 100 + (i % 3)), 400];
    const el = await fixture<PharosMetricCard>(html`<pharos-metric-card label="Latency" value="400" .history=${history}></pharos-metric-card>`);
    expect(part(el, 'anomaly')).to.equal(null);
    el.detectAnomalies = true;
    await el.updateComplete;
    expect(part(el, 'anomaly')!.textContent).to.contain('Unusually high');
    // It says against what: the usual value, the baseline and how far off.
    expect(part(el, 'anomaly')!.textContent!.replace(/\s+/g, ' ')).to.match(/Unusually high: 400, usually 101 \(median of the last 20 samples\); [\d.,]+× the usual spread/);
    el.history = [...history.slice(0, -1), 101];
    await el.updateComplete;
    expect(part(el, 'anomaly')).to.equal(null);
  });

  it('shows no trend next to a missing value', async () => {
    const el = await fixture<PharosMetricCard>(html`<pharos-metric-card label="Hit rate" .history=${[0, 0, 0, 0]}></pharos-metric-card>`);
    expect(part(el, 'trend')).to.equal(null);
    el.value = 0;
    await el.updateComplete;
    expect(part(el, 'trend')).to.exist;
  });

  it('shows a placeholder while loading', async () => {
    const el = await fixture<PharosMetricCard>(html`<pharos-metric-card label="Hits" loading></pharos-metric-card>`);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.exist;
    expect(base(el).getAttribute('aria-label')).to.equal('Hits: loading');
    el.value = 5;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.skeleton')).to.equal(null);
  });
});
