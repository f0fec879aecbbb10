// <pharos-performance> against a real Prometheus (scripts/prometheus-plugin.mjs) scraping the
// real standalone simulator's /metrics every second: what the element shows must match a
// query_range this test makes directly, on the same grid.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PharosPerformance } from '../../src/components/performance/performance.js';
import '../../src/components/performance/performance.js';
import type { PharosSourceElement } from '../../src/components/source/source.js';
import '../../src/components/source/source.js';
import type { PharosTimeseries } from '../../src/components/timeseries/timeseries.js';
import { DEFAULT_QUERIES, queryRange, toGrid, type PrometheusPerformance } from '../../src/history/prometheus.js';
import { formatWithUnit } from '../../src/components/timeseries/units.js';
import { startSim } from '../support/sim.js';

interface Info {
  available: boolean;
  failed?: boolean;
  reason?: string;
  url?: string;
  simUrl?: string;
}

let info: Info;

describe('pharos-performance with a real Prometheus', function () {
  this.timeout(180_000);

  before(async function () {
    info = await (await fetch('/__prometheus/info')).json();
    if (!info.available && !info.failed) {
      console.warn(`SKIPPED: real-Prometheus test: ${info.reason}`);
      this.skip();
    }
  });

  it('has a Prometheus to test against', () => {
    expect(info.available, info.reason).to.equal(true);
  });

  it('shows the latency percentiles, request rate and error rate that query_range returns', async function () {
    if (!info.available) this.skip();
    const url = info.url!;
    // Wait until Prometheus has scraped enough for rate() over the simulator's counters to give
    // a few points on the element's grid (1 h window, 5 s step).
    await waitUntil(
      async () => {
        const end = Math.floor(Date.now() / 5_000) * 5_000;
        const series = await queryRange({ url }, { query: DEFAULT_QUERIES.p95, start: end - 120_000, end, stepMs: 5_000 });
        return (series[0]?.values ?? []).filter((v) => Number.isFinite(v)).length >= 3;
      },
      'Prometheus has latency data',
      { timeout: 90_000, interval: 1_000 },
    );

    const sim = await startSim('healthy');
    const source = await fixture<PharosSourceElement>(html`<pharos-source base-url=${sim.baseUrl} prometheus-url=${url} interval="2" poll-when-hidden>
      <pharos-performance></pharos-performance>
    </pharos-source>`);
    const el = source.querySelector<PharosPerformance>('pharos-performance')!;
    const chart = (title: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part=chart][data-chart="${title}"] pharos-timeseries`) as PharosTimeseries | null;
    await waitUntil(() => chart('Response time') && chart('Request rate') && chart('Error rate'), 'Prometheus charts', { timeout: 30_000 });
    expect(el.shadowRoot!.querySelector('[part=origin]')!.textContent).to.contain('Server-side, from Prometheus');
    expect(el.shadowRoot!.querySelector('[part=origin]')!.textContent).to.contain(url);

    // Freeze: no new poll while we compare the element's answer with our own.
    source.source!.setAutoRefresh(false);
    await waitUntil(() => !source.source!.fetching.get(), 'polls settled');
    await el.updateComplete;
    const resource = source.source!.allResources().find((r) => r.definition.name === 'prometheus/performance')!;
    const shown = resource.value.get() as PrometheusPerformance;
    const grid = { start: shown.start, end: shown.end, stepMs: shown.stepMs };
    expect(shown.end - shown.start).to.equal(3_600_000);
    expect(shown.start % shown.stepMs).to.equal(0);

    const direct = async (query: string, scale: number) => toGrid((await queryRange({ url }, { query, ...grid }))[0], grid, scale);
    const expected = {
      'Response time': [await direct(DEFAULT_QUERIES.p50, 1000), await direct(DEFAULT_QUERIES.p95, 1000), await direct(DEFAULT_QUERIES.p99, 1000)],
      'Request rate': [await direct(DEFAULT_QUERIES.rate, 1)],
      'Error rate': [await direct(DEFAULT_QUERIES.errors, 100)],
    };
    for (const [title, columns] of Object.entries(expected)) {
      const ts = chart(title)!;
      await ts.updateComplete;
      const data = ts.data as ArrayLike<number>[];
      expect(data[0]!.length, title).to.equal(columns[0]!.length);
      columns.forEach((want, i) => {
        const got = data[i + 1]!;
        let compared = 0;
        // The newest point can still gain a scrape between the two queries: compare the rest.
        for (let k = 0; k < want.length - 1; k++) {
          if (Number.isNaN(want[k]!)) {
            expect(Number.isNaN(got[k]!), `${title}[${i}] gap at ${k}`).to.equal(true);
          } else {
            expect(got[k]!, `${title}[${i}] at ${k}`).to.be.closeTo(want[k]!, Math.abs(want[k]!) * 1e-9 + 1e-9);
            compared++;
          }
        }
        expect(compared, `${title}[${i}] has data`).to.be.greaterThan(0);
      });
    }
    // The legend shows the newest value of the chart, in words.
    const latency = chart('Response time')!;
    const p95 = (latency.data as ArrayLike<number>[])[2]!;
    let last = p95.length - 1;
    while (last >= 0 && !Number.isFinite(p95[last]!)) last--;
    const legend = latency.shadowRoot!.querySelector('[part=legend]')!.textContent!;
    expect(legend).to.contain(formatWithUnit(document.documentElement.lang || navigator.language || 'en', p95[last]!, 'ms'));
    // The simulator's healthy traffic: hundreds of requests a second, a small share of 5xx.
    const rate = (chart('Request rate')!.data as ArrayLike<number>[])[1]!;
    expect(Array.from(rate).filter(Number.isFinite).every((v) => v > 0)).to.equal(true);
    await expect(el).to.be.accessible();

    // Another range is queried at once, with a coarser step.
    source.source!.setTimeRange('6h');
    await waitUntil(() => {
      const r = source.source!.allResources().find((x) => x.definition.name === 'prometheus/performance' && (x.params as { range: string }).range === '6h');
      return r?.value.get() !== undefined;
    }, '6 h range queried', { timeout: 20_000 });
    await waitUntil(() => {
      const range = chart('Response time')!.range;
      return range !== undefined && range[1] - range[0] === 6 * 3_600_000;
    }, 'chart shows 6 h');
  });
});
