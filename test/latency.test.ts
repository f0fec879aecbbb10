/**
 * Latency that is the backend's: with the simulator answering every endpoint 80 ms late
 * (its latency fault), the whole dashboard polls for a minute and must report about 80 ms:
 * the performance panel's P50 within 10 % and P95 within 25 %, and each module card's
 * response time within 10 %. The injected clock makes "a minute" of scheduling take a few
 * seconds; the requests, and so their latencies, are real.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PharosSourceElement } from '../src/index.js';
import '../src/index.js';
import { PharosSource } from '../src/store/source.js';
import { ManualClock, ManualVisibility } from './support/manual-clock.js';
import { startSim } from './support/sim.js';

const DELAY_MS = 80;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shadow = (root: Element | null | undefined, selector: string): Element | null => root?.shadowRoot?.querySelector(selector) ?? null;

describe('latency that is the backend’s', () => {
  it('with an 80 ms server-side delay, the dashboard reports P50, P95 and module response times near 80 ms', async function () {
    this.timeout(120_000);
    const sim = await startSim('production-like');
    await sim.fault({ path: '/', latencyMs: DELAY_MS });
    const clock = new ManualClock(Date.now());
    const el = await fixture<PharosSourceElement>(html`<pharos-source base-url=${sim.baseUrl}><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source>`);
    // The same backend, on the injected clock (alone: this test is about timing, not sharing).
    el.source!.dispose();
    const source = new PharosSource({ baseUrl: sim.baseUrl, clock, visibility: new ManualVisibility(), share: false });
    el.source = source;

    const idle = () => waitUntil(() => !source.fetching.get(), 'requests settle', { timeout: 20_000 });
    for (let t = 0; t <= 60_000; t += 1000) {
      await clock.advance(1000);
      await pause(10);
      await idle();
    }

    const backend = source.activeResources();
    console.log(backend.map((r) => `${r.key} ${r.latencyMethod.get()} ${r.history.window().columns.latency_ms?.join(',')}`).join('\n'));
    expect(backend.length).to.be.greaterThan(20);
    expect(backend.every((r) => r.latencyMethod.get() === 'server' || r.latencyMs.get() === null || r.status.get() === 'error')).to.equal(true);

    const dashboard = el.querySelector('pharos-ops-dashboard');
    const performance = shadow(dashboard, 'pharos-performance');
    await waitUntil(() => shadow(performance, '[data-chart="Response time"] pharos-timeseries'), 'the response-time chart renders');
    const chart = shadow(performance, '[data-chart="Response time"] pharos-timeseries') as HTMLElement & { data: Float64Array[] };
    const [times, p50, p95] = chart.data;
    const buckets = [...times!.keys()].filter((i) => Number.isFinite(p50![i]!));
    expect(buckets.length).to.be.greaterThan(0);
    for (const i of buckets) {
      expect(p50![i]!, `P50 of bucket ${i}`).to.be.within(DELAY_MS * 0.9, DELAY_MS * 1.1);
      expect(p95![i]!, `P95 of bucket ${i}`).to.be.within(DELAY_MS * 0.75, DELAY_MS * 1.25);
    }
    expect(shadow(performance, '[part=timing]')?.textContent).to.contain('network timing');

    const grid = shadow(dashboard, 'pharos-module-grid');
    const shown = [...(grid?.shadowRoot?.querySelectorAll('.latency') ?? [])].map((e) => e.textContent!.trim());
    expect(shown.length).to.be.greaterThan(5);
    for (const text of shown) {
      const ms = Number.parseFloat(text.replace(/[^\d.]/g, ''));
      expect(ms, `module response "${text}"`).to.be.within(DELAY_MS * 0.9, DELAY_MS * 1.1);
    }
    expect(shadow(grid, '[part=timing]')?.textContent).to.contain('network timing');
    console.log(`[latency] P50 ${buckets.map((i) => p50![i]!.toFixed(1)).join('/')} ms, P95 ${buckets.map((i) => p95![i]!.toFixed(1)).join('/')} ms, modules ${shown.join(', ')}`);
  });
});
