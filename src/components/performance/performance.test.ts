import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import type { PharosSourceElement } from '../source/source.js';
import '../source/source.js';
import type { PharosTimeseries } from '../timeseries/timeseries.js';
import './performance.js';
import type { PharosPerformance } from './performance.js';

/**
 * Like test/support's mountInSource, with a 1 s interval and `poll-when-hidden`: test files run
 * in parallel tabs, and a background tab would otherwise (rightly) pause polling.
 */
function mountInSource(baseUrl: string, content: unknown): Promise<PharosSourceElement> {
  return fixture<PharosSourceElement>(html`<pharos-source base-url=${baseUrl} interval="1" poll-when-hidden>${content}</pharos-source>`);
}

function charts(el: PharosPerformance): Record<string, PharosTimeseries> {
  const out: Record<string, PharosTimeseries> = {};
  for (const fig of el.shadowRoot!.querySelectorAll<HTMLElement>('[part=chart]')) {
    out[fig.dataset.chart!] = fig.querySelector('pharos-timeseries')!;
  }
  return out;
}

const finiteValues = (col: ArrayLike<number | null>) => Array.from(col as ArrayLike<number>).filter((v) => Number.isFinite(v));
const origin = (el: PharosPerformance) => el.shadowRoot!.querySelector('[part=origin]')!.textContent!.replace(/\s+/g, ' ');

describe('pharos-performance (in-browser history)', () => {
  it('derives client-observed latency percentiles, rate and error rate from the store, labelled as such', async () => {
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-performance></pharos-performance>`);
    const el = source.querySelector('pharos-performance')!;
    await waitUntil(() => el.source.allResources().reduce((n, r) => n + r.history.length, 0) >= 6, 'a few polls recorded', { timeout: 15000 });
    await waitUntil(() => Object.keys(charts(el)).length >= 4, 'charts rendered', { timeout: 10000 });
    expect(origin(el)).to.match(/Client-observed, since \d/);
    expect(origin(el)).to.contain('requests this browser made');
    const c = charts(el);
    expect(Object.keys(c)).to.include.members(['Response time', 'Request rate', 'Error rate', 'Event handler latency']);
    const latency = c['Response time']!;
    await latency.updateComplete;
    expect(latency.series.map((s) => s.label)).to.deep.equal(['P50', 'P95', 'P99']);
    expect(latency.unit).to.equal('ms');
    expect(latency.thresholds).to.deep.equal([{ value: 500, label: 'P95 threshold', seriesIndex: 1 }]);
    expect(c['Error rate']!.thresholds[0]!.value).to.equal(5);

    // Stop polling so the chart and the history hold the same rows while we compare.
    el.source.setAutoRefresh(false);
    await waitUntil(() => !el.source.fetching.get(), 'polls settled');
    // A row enters the panel's window on the source's next one-second tick: wait for it.
    const newest = Math.max(...el.source.allResources().map((r) => r.history.lastTime ?? -Infinity));
    await waitUntil(() => el.source.now.get() >= newest, 'the window reaches the newest row', { timeout: 5000 });
    await el.updateComplete;
    await latency.updateComplete;
    // Independently: the median of every request latency recorded in the newest non-empty bucket.
    const [times, p50, p95] = latency.data as ArrayLike<number>[];
    let b = times!.length - 1;
    while (b >= 0 && !Number.isFinite(p50![b]!)) b--;
    expect(b).to.be.at.least(0);
    const bucketMs = times!.length > 1 ? times![1]! - times![0]! : 60_000;
    const latencies: number[] = [];
    for (const r of el.source.allResources()) {
      const w = r.history.window(times![b]!, times![b]! + bucketMs - 1e-3, ['latency_ms', 'failed']);
      w.times.forEach((_, i) => {
        if (w.columns.failed![i] !== 1 && Number.isFinite(w.columns.latency_ms![i]!)) latencies.push(w.columns.latency_ms![i]!);
      });
    }
    latencies.sort((x, y) => x - y);
    // Percentiles as NumPy's default computes them (linear between ranks), written out here
    // rather than taken from the panel's own quantile().
    const at = (q: number) => {
      const pos = q * (latencies.length - 1);
      const lo = Math.floor(pos);
      return latencies[lo]! + (latencies[Math.min(lo + 1, latencies.length - 1)]! - latencies[lo]!) * (pos - lo);
    };
    expect(p50![b]).to.be.closeTo(at(0.5), 1e-9);
    expect(p95![b]).to.be.closeTo(at(0.95), 1e-9);
    expect(finiteValues((c['Request rate']!.data as ArrayLike<number>[])[1]!).every((v) => v > 0)).to.equal(true);
    expect(finiteValues((c['Error rate']!.data as ArrayLike<number>[])[1]!).every((v) => v === 0)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('draws the usual range of the handler P95 that the anomaly rule compares against', async () => {
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-performance></pharos-performance>`);
    const el = source.querySelector('pharos-performance')!;
    await waitUntil(() => (charts(el)['Event handler latency']?.bands.length ?? 0) > 0, 'a baseline once there are enough samples', { timeout: 20000 });
    el.source.setAutoRefresh(false);
    await waitUntil(() => !el.source.fetching.get(), 'polls settled');
    await el.updateComplete;
    const chart = charts(el)['Event handler latency']!;
    const [band] = chart.bands;
    expect(band!.seriesIndex, 'on the P95 series').to.equal(1);
    expect(band!.label).to.match(/^Usual P95 \(median of the last \d+ samples ± 3\.5 spreads\)$/);
    // The healthy simulator has no spikes: the samples it judged against sit inside the band.
    const p95 = finiteValues((chart.data as ArrayLike<number>[])[2]!).slice(-31, -1);
    expect(p95.length).to.be.at.least(8);
    expect(band!.lower).to.be.below(band!.upper);
    const inside = p95.filter((v) => v >= band!.lower && v <= band!.upper).length;
    expect(inside / p95.length).to.be.at.least(0.9);
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label'), 'read in the chart summary').to.contain('Usual P95');
  });

  it('counts failed requests in the error rate', async () => {
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-performance error-rate-threshold="2"></pharos-performance>`);
    const el = source.querySelector('pharos-performance')!;
    await waitUntil(() => Object.keys(charts(el)).length >= 4, 'charts rendered', { timeout: 10000 });
    await sim.fault({ path: '/api/monitoring/events', kind: 'html-502', times: 3 });
    await waitUntil(() => /\d+ failed/.test(origin(el)), 'failures counted', { timeout: 15000 });
    const errors = charts(el)['Error rate']!;
    expect(errors.thresholds[0]!.value).to.equal(2);
    expect(Math.max(...finiteValues((errors.data as ArrayLike<number>[])[1]!))).to.be.greaterThan(0);
  });

  it('re-slices at once when the time range changes, and clears its history', async () => {
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-performance p95-threshold="800"></pharos-performance>`);
    const el = source.querySelector('pharos-performance')!;
    await waitUntil(() => Object.keys(charts(el)).length >= 4, 'charts rendered', { timeout: 10000 });
    const latency = () => charts(el)['Response time']!;
    expect(latency().thresholds[0]!.value).to.equal(800);
    const width = (r?: [number, number]) => (r ? r[1] - r[0] : 0);
    expect(width(latency().range)).to.equal(3_600_000);
    el.source.setTimeRange('6h');
    await el.updateComplete;
    expect(width(latency().range)).to.equal(6 * 3_600_000);
    const clear = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=clear]')!;
    clear.click();
    expect(el.source.allResources().every((r) => r.history.length === 0)).to.equal(true);
  });

  it('works alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosPerformance>(html`<pharos-performance base-url=${sim.baseUrl}></pharos-performance>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=chart]'), 'charts rendered', { timeout: 10000 });
    expect(origin(el)).to.contain('Client-observed');
    await expect(el).to.be.accessible();
  });

  it('says when the configured Prometheus cannot answer, and keeps the backend charts', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosPerformance>(
      html`<pharos-performance base-url=${sim.baseUrl} prometheus-url=${`${location.origin}/no-prometheus-here`}></pharos-performance>`,
    );
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('data-mode')).to.equal('prometheus');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'error shown', { timeout: 10000 });
    const error = el.shadowRoot!.querySelector('[part=error]')!.textContent!.replace(/\s+/g, ' ');
    expect(error).to.contain('Prometheus:');
    expect(error).to.contain('/no-prometheus-here/api/v1/query_range');
    expect(origin(el)).to.contain('Server-side, from Prometheus');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=chart][data-chart="Event handler latency"]'), 'backend charts', { timeout: 10000 });
    await expect(el).to.be.accessible();
  });
});
