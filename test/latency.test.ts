/**
 * Latency that is the backend's: what the module cards and the performance panel show is the
 * browser's network-layer figure for the very requests they made (Resource Timing's
 * responseStart − requestStart, `src/api/timing.ts`), compared here with the entries this test
 * reads itself. Nothing here depends on how fast the machine is: the figures are whatever
 * the network layer measured, and the test checks that the elements show exactly those.
 * How close those figures come to the backend's true time (P50 within 10 %, P95 within
 * 25 %) is measured by `npm run bench:latency` (bench/latency.mjs), not asserted here.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../src/components/module-grid/module-grid.js';
import '../src/components/performance/performance.js';
import { getHealth } from '../src/api/monitoring.js';
import type { RequestTiming } from '../src/api/timing.js';
import { mountOnClock } from './support/clocked-source.js';
import { startSim } from './support/sim.js';

const DELAY_MS = 80;
const INTERVAL = 30_000;
const shadow = (root: Element | null | undefined, selector: string): Element | null => root?.shadowRoot?.querySelector(selector) ?? null;

/** Quantile of ascending values, linearly interpolated (NumPy's default), written out for the test. */
function linearQuantile(sorted: readonly number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Collects the Resource Timing entries of requests to `baseUrl` from now on, as the network layer's figures. */
function recordEntries(baseUrl: string) {
  const figures = new Map<string, number[]>();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceResourceTiming[]) {
      if (e.initiatorType !== 'fetch' || !e.name.startsWith(baseUrl) || e.name.includes('/__sim/')) continue;
      const path = e.name.slice(baseUrl.length).split('?')[0]!;
      figures.set(path, [...(figures.get(path) ?? []), e.responseStart - e.requestStart]);
    }
  });
  observer.observe({ type: 'resource' });
  return {
    figures,
    /** Waits until `count` entries were seen (entries arrive a little after the answers). */
    async seen(count: number) {
      await waitUntil(() => [...figures.values()].flat().length >= count, `${count} Resource Timing entries`, { timeout: 10_000 });
    },
    stop: () => observer.disconnect(),
  };
}

describe('latency that is the backend’s', () => {
  it('the module cards and the performance panel show the network layer’s figures for their own requests', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/', latencyMs: DELAY_MS });
    const entries = recordEntries(sim.baseUrl);
    const { el, source, clock, fetched } = await mountOnClock(
      sim.baseUrl,
      html`<pharos-module-grid lang="en"></pharos-module-grid><pharos-performance lang="en"></pharos-performance>`,
      { intervalMs: INTERVAL },
    );
    const idle = () => waitUntil(() => !source.fetching.get(), 'requests settle', { timeout: 20_000 });
    // The clock starts on a whole minute: the polls at once and one interval later fall in one
    // of the panel's one-minute buckets.
    expect(clock.now() % 60_000).to.equal(0);
    await clock.advance(0);
    await idle();
    await clock.advance(INTERVAL);
    await idle();
    await entries.seen(fetched.length);
    entries.stop();

    // Every request has its entry, and every resource's history holds exactly the figures of
    // its own requests, in order: the network layer's, not the page's.
    const backend = source.activeResources();
    expect(backend.length).to.be.greaterThan(15);
    const shownByResource: number[] = [];
    for (const r of backend) {
      expect(r.latencyMethod.get(), r.key).to.equal('server');
      const { columns } = r.history.window(-Infinity, Infinity, ['latency_ms']);
      shownByResource.push(...columns.latency_ms!);
    }
    const all = [...entries.figures.values()].flat();
    expect(all.length, 'one entry per request').to.equal(fetched.length);
    expect([...shownByResource].sort((a, b) => a - b), 'history rows ↔ Resource Timing entries').to.deep.equal([...all].sort((a, b) => a - b));

    // Each module card: its latest probe's figure, as shown (1 decimal under 100 ms, else whole ms).
    const grid = el.querySelector('pharos-module-grid')!;
    await grid.updateComplete;
    const cards = [...grid.shadowRoot!.querySelectorAll<HTMLElement>('[part~=card]')];
    expect(cards).to.have.length(16);
    for (const card of cards) {
      const probes = entries.figures.get(`/api/monitoring/health/module/${card.dataset.name}`)!;
      expect(probes, card.dataset.name).to.have.length(2);
      const shown = Number.parseFloat(card.querySelector('.latency')!.textContent!.replace(/[^\d.]/g, ''));
      const figure = probes.at(-1)!;
      expect(shown, `${card.dataset.name}: shown, against the entry's ${figure} ms`).to.be.closeTo(figure, figure < 100 ? 0.05 : 0.5);
    }
    expect(shadow(grid, '[part=timing]')?.textContent).to.contain('network timing');

    // The panel's P50 and P95 of the minute: the percentiles of exactly those figures.
    const performance = el.querySelector('pharos-performance')!;
    await waitUntil(() => shadow(performance, '[data-chart="Response time"] pharos-timeseries'), 'the response-time chart renders');
    // Renders land on animation frames: the chart may still hold the data of a render made
    // before the last answers arrived.
    await performance.updateComplete;
    const chart = shadow(performance, '[data-chart="Response time"] pharos-timeseries') as HTMLElement & { data: Float64Array[] };
    const [times, p50, p95] = chart.data;
    const buckets = [...times!.keys()].filter((i) => Number.isFinite(p50![i]!));
    expect(buckets.map((i) => times![i]), 'one bucket: the minute').to.deep.equal([clock.now() - INTERVAL]);
    const sorted = [...all].sort((a, b) => a - b);
    expect(p50![buckets[0]!]).to.be.closeTo(linearQuantile(sorted, 0.5), 1e-9);
    expect(p95![buckets[0]!]).to.be.closeTo(linearQuantile(sorted, 0.95), 1e-9);
    expect(shadow(performance, '[part=timing]')?.textContent).to.contain('network timing');
  });

  it('sends at most 6 requests at a time to one backend, and times each from the network layer', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/', latencyMs: DELAY_MS });
    let inFlight = 0;
    let most = 0;
    // The real fetch, instrumented to count what is in flight.
    const counting: typeof fetch = (...args) => {
      most = Math.max(most, ++inFlight);
      return fetch(...args).finally(() => inFlight--);
    };
    const entries = recordEntries(sim.baseUrl);
    const timings: RequestTiming[] = [];
    const config = { baseUrl: sim.baseUrl, fetch: counting, onTiming: (t: RequestTiming) => timings.push(t) };
    await Promise.all(Array.from({ length: 18 }, () => getHealth(config)));
    await entries.seen(18);
    entries.stop();
    expect(most, 'what HTTP/1.1 browsers open per host').to.equal(6);
    expect(timings).to.have.length(18);
    for (const t of timings) expect(t.method).to.equal('server');
    // Three rounds of six: a continuation-based figure would include the wait for a slot; the
    // network layer's is a request's own responseStart − requestStart. The 18 requests share
    // one URL, and an entry is told apart only by URL and start time, so each figure is checked
    // to be one of those entries', not matched to its own.
    const figures = entries.figures.get('/api/monitoring/health')!;
    expect(figures).to.have.length(18);
    for (const t of timings) expect(figures, 'a Resource Timing figure').to.include(t.ms);
  });
});
