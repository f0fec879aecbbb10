import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type uPlot from 'uplot';
import './timeseries.js';
import type { PharosTimeseries } from './timeseries.js';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const MIN = 60_000;
const GREEN = [0, 160, 0];
const MAGENTA = [255, 0, 255];

/** Ten points a minute apart: P50 = 100 + i, P95 = 300 + 10 i, with a gap at i = 4, 5 in P50. */
function sample(): number[][] {
  const xs = Array.from({ length: 10 }, (_, i) => T0 + i * MIN);
  const p50 = xs.map((_, i) => (i === 4 || i === 5 ? NaN : 100 + i));
  const p95 = xs.map((_, i) => 300 + 10 * i);
  return [xs, p50, p95];
}

async function chart(width = 600): Promise<PharosTimeseries> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:${width}px">
    <pharos-timeseries
      label="API latency"
      unit="ms"
      style="--pharos-timeseries-threshold-color: rgb(255, 0, 255)"
      .series=${[{ label: 'P50', color: 'rgb(0, 160, 0)' }, { label: 'P95', color: 'rgb(0, 0, 200)' }]}
      .data=${sample()}
    ></pharos-timeseries>
  </div>`);
  const el = wrap.querySelector('pharos-timeseries')!;
  await el.updateComplete;
  return el;
}

const near = (a: number[], b: number[], tolerance = 40) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/** True when some pixel of the vertical canvas column at `x` (inside the plot) has colour `rgb`. */
function columnHas(u: uPlot, x: number, rgb: number[]): boolean {
  const { top, height } = u.bbox;
  const data = u.ctx.getImageData(Math.round(x), top, 1, height).data;
  for (let i = 0; i < data.length; i += 4) if (near([data[i]!, data[i + 1]!, data[i + 2]!], rgb)) return true;
  return false;
}

/** True when some pixel of the horizontal canvas row at `y` (inside the plot) has colour `rgb`. */
function rowHas(u: uPlot, y: number, rgb: number[]): boolean {
  const { left, width } = u.bbox;
  const data = u.ctx.getImageData(left, Math.round(y), width, 1).data;
  let hits = 0;
  for (let i = 0; i < data.length; i += 4) if (near([data[i]!, data[i + 1]!, data[i + 2]!], rgb)) hits++;
  return hits > width / 4;
}

describe('pharos-timeseries', () => {
  it('draws a canvas of non-zero size in its shadow root, as wide as its container', async () => {
    const el = await chart(640);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas).to.exist;
    expect(canvas.width).to.be.greaterThan(0);
    expect(canvas.height).to.be.greaterThan(0);
    expect(el.chart!.width).to.equal(640);
    expect(el.chart!.height).to.equal(200);
  });

  it('follows its container width', async () => {
    const el = await chart(600);
    el.parentElement!.style.width = '420px';
    await waitUntil(() => el.chart!.width === 420, 'resized with the container');
  });

  it('breaks the line at gaps instead of bridging them', async () => {
    const el = await chart();
    const u = el.chart!;
    const [xs] = sample();
    expect(u.data[1][4]).to.equal(null);
    expect(u.data[1][5]).to.equal(null);
    const at = (t: number) => u.valToPos(t, 'x', true);
    // Between points 1 and 2 the P50 line is drawn; between 4 and 5 (both gaps) it is not.
    expect(columnHas(u, at((xs![1]! + xs![2]!) / 2), GREEN)).to.equal(true);
    expect(columnHas(u, at((xs![4]! + xs![5]!) / 2), GREEN)).to.equal(false);
  });

  it('names a baseline band in its summary', async () => {
    const el = await chart();
    el.bands = [{ lower: 100, upper: 140, label: 'Usual range', seriesIndex: 1 }];
    await el.updateComplete;
    await waitUntil(() => /Usual range: 100\s?ms to 140\s?ms/.test(el.shadowRoot!.querySelector('[part=plot]')!.getAttribute('aria-label') ?? ''), 'band in the summary');
  });

  it('draws threshold lines at their value, and fits them in the y range', async () => {
    const el = await chart();
    el.thresholds = [{ value: 800, label: 'P95 SLO', seriesIndex: 1 }];
    await el.updateComplete;
    const u = el.chart!;
    expect(u.scales.y!.max!).to.be.greaterThan(800);
    const y = u.valToPos(800, 'y', true);
    expect(rowHas(u, y, MAGENTA)).to.equal(true);
    expect(rowHas(u, y + 15, MAGENTA)).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=plot]')!.getAttribute('aria-label')).to.contain('Thresholds: P95 SLO 800 ms');
  });

  it('appends a point with setData, without rebuilding the chart', async () => {
    const el = await chart();
    const before = el.chart;
    const [xs, p50, p95] = sample();
    el.data = [[...xs!, T0 + 10 * MIN], [...p50!, 111], [...p95!, 400]];
    await el.updateComplete;
    expect(el.chart).to.equal(before);
    expect(el.chart!.data[0].length).to.equal(11);
    expect(el.shadowRoot!.querySelector('[part=legend]')!.textContent).to.contain('111');
  });

  it('skips a commit when a template passes the same columns again, but not for an in-place append', async () => {
    const el = await chart();
    const u = el.chart!;
    let calls = 0;
    const setData = u.setData.bind(u);
    u.setData = (data, reset) => {
      calls++;
      setData(data, reset);
    };
    const columns = el.data.map((c) => Array.from(c as ArrayLike<number>));
    el.data = columns;
    await el.updateComplete;
    expect(calls).to.equal(1);
    el.data = [...columns];
    el.thresholds = [];
    el.series = [...el.series];
    await el.updateComplete;
    expect(calls).to.equal(1);
    expect(el.chart).to.equal(u);
    columns[0]!.push(T0 + 10 * MIN);
    columns[1]!.push(120);
    columns[2]!.push(420);
    el.requestUpdate('data');
    await el.updateComplete;
    expect(calls).to.equal(2);
    expect(u.data[0].length).to.equal(11);
  });

  it('shows the visible data as a table', async () => {
    const el = await chart();
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=table-toggle]')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const table = el.shadowRoot!.querySelector('table')!;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Time', 'P50 (ms)', 'P95 (ms)']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(10);
    // Newest first; the gap shows as a dash, never "NaN".
    const cells = (r: Element) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim());
    expect(cells(rows[0]!)).to.deep.equal(['109 ms', '390 ms']);
    expect(cells(rows[4]!)[0]).to.equal('—');
    expect(table.textContent).not.to.contain('NaN');
    el.range = [T0 + 2 * MIN, T0 + 6 * MIN];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(5);
  });

  it('exports the visible series as CSV', async () => {
    const el = await chart();
    const lines = el.toCSV().trim().split('\r\n');
    expect(lines[0]).to.equal('time,P50 (ms),P95 (ms)');
    expect(lines).to.have.length(11);
    expect(lines[1]).to.equal(`${new Date(T0).toISOString()},100,300`);
    expect(lines[5]).to.equal(`${new Date(T0 + 4 * MIN).toISOString()},,340`);
    el.range = [T0 + 8 * MIN, T0 + 20 * MIN];
    await el.updateComplete;
    expect(el.toCSV().trim().split('\r\n')).to.deep.equal([
      'time,P50 (ms),P95 (ms)',
      `${new Date(T0 + 8 * MIN).toISOString()},108,380`,
      `${new Date(T0 + 9 * MIN).toISOString()},109,390`,
    ]);
  });

  it('offers the CSV as a download', async () => {
    const el = await chart();
    let download = '';
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      download = this.download;
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=export]')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(download).to.equal('API-latency.csv');
  });

  it('shows the window given by range', async () => {
    const el = await chart();
    el.range = [T0 - 30 * MIN, T0 + 30 * MIN];
    await el.updateComplete;
    expect(el.chart!.scales.x!.min).to.equal(T0 - 30 * MIN);
    expect(el.chart!.scales.x!.max).to.equal(T0 + 30 * MIN);
    el.range = [T0 + 20 * MIN, T0 + 30 * MIN];
    await el.updateComplete;
    expect(el.chart!.scales.x!.min).to.equal(T0 + 20 * MIN);
    expect(el.shadowRoot!.querySelector('[part=empty]')).to.exist;
    expect(el.shadowRoot!.querySelector('[part=plot]')!.getAttribute('aria-label')).to.equal('API latency: no data in this time range.');
  });

  it('summarises what it shows and the latest values for assistive technology', async () => {
    const el = await chart();
    const label = el.shadowRoot!.querySelector('[part=plot]')!.getAttribute('aria-label')!;
    expect(label).to.match(/^API latency, .+ to .+, 10 points\. Latest: P50 109 ms, P95 390 ms\.$/);
  });

  it('moves the cursor with the keyboard, and synced charts follow', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:500px">
      <pharos-timeseries label="A" unit="ms" .series=${[{ label: 'P50' }, { label: 'P95' }]} .data=${sample()}></pharos-timeseries>
      <pharos-timeseries label="B" unit="ms" .series=${[{ label: 'P50' }, { label: 'P95' }]} .data=${sample()}></pharos-timeseries>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll('pharos-timeseries')] as PharosTimeseries[];
    await a!.updateComplete;
    await b!.updateComplete;
    const plot = a!.shadowRoot!.querySelector<HTMLElement>('[part=plot]')!;
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await a!.updateComplete;
    expect(a!.chart!.cursor.idx).to.equal(2);
    expect(a!.shadowRoot!.querySelector('[aria-live]')!.textContent).to.contain('P50 102 ms, P95 320 ms');
    expect(a!.shadowRoot!.querySelector('[part=legend]')!.textContent).to.contain('102 ms');
    await waitUntil(() => b!.chart!.cursor.idx === 2, 'the synced chart follows the cursor');
    await waitUntil(() => b!.shadowRoot!.querySelector('[part=legend]')!.textContent!.includes('320 ms'), 'its legend follows');
  });

  it('draws marks and lists them in the table', async () => {
    const el = await chart();
    el.marks = [{ time: T0 + 3 * MIN, label: 'Deploy' }];
    el.tableView = true;
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows[6]!.textContent).to.contain('Deploy');
    expect(el.shadowRoot!.querySelector('[part=plot]')!.getAttribute('aria-label')).to.contain('1 marked point');
  });

  it('rebuilds with the dark theme colours', async () => {
    const el = await chart();
    const light = el.chart!.axes[0]!.stroke;
    el.theme = 'dark';
    await el.updateComplete;
    await waitUntil(() => el.chart!.axes[0]!.stroke !== light, 'axis colour follows the theme');
  });

  it('follows a theme the page switches above it, and reads no colours while the page keeps its theme', async () => {
    const el = await chart();
    const wrap = el.parentElement!;
    // The page changes a token on an ancestor: the next commit draws with it.
    wrap.style.setProperty('--pharos-timeseries-axis-color', 'rgb(1, 2, 3)');
    el.data = sample().map((col) => [...col]);
    await el.updateComplete;
    // uPlot keeps a colour as a function of the chart and the axis.
    const axisColour = () => {
      const stroke = el.chart!.axes[0]!.stroke as unknown;
      return typeof stroke === 'function' ? stroke(el.chart, 0) : stroke;
    };
    await waitUntil(() => axisColour() === 'rgb(1, 2, 3)', 'axis colour follows the page');
    // New data with the page unchanged: the colours are not read again (each read makes the
    // browser recalculate the page's styles).
    const original = window.getComputedStyle;
    let reads = 0;
    window.getComputedStyle = (...args: Parameters<typeof getComputedStyle>) => {
      reads++;
      return original.apply(window, args);
    };
    try {
      el.data = sample().map((col) => col.map((v) => v + 1));
      await el.updateComplete;
    } finally {
      window.getComputedStyle = original;
    }
    expect(reads).to.equal(0);
    expect(el.chart!.data[1]![0]).to.equal(sample()[1]![0]! + 1);
  });

  it('destroys uPlot when removed', async () => {
    const el = await chart();
    const root = el.chart!.root;
    el.remove();
    expect(el.chart).to.equal(undefined);
    expect(root.isConnected).to.equal(false);
  });

  it('is accessible, in chart and table view', async () => {
    const el = await chart();
    el.thresholds = [{ value: 500, label: 'SLO' }];
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.tableView = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
