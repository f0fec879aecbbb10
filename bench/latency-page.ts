// The latency benchmark's page (driven by bench/latency.mjs): the whole dashboard against the
// simulator mounted on this page's origin, with every endpoint answering `delayMs` late (its
// latency fault), for a simulated minute on a ManualClock (scheduling takes seconds; the
// requests, and so their latencies, are real). Returns what the dashboard shows and the true
// time of the same requests: what the simulator itself took, plus the network's round trip.
// Exposes `window.pharosLatency.run(options)` for the driver.
import '../src/index.js';
import type { PharosSourceElement } from '../src/components/source/source.component.js';
import { PharosSource } from '../src/store/source.js';
import { ManualClock, ManualVisibility } from '../test/support/manual-clock.js';
import { startSim } from '../test/support/sim.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shadow = (root: Element | null | undefined, selector: string): Element | null => root?.shadowRoot?.querySelector(selector) ?? null;
const ascending = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

/** Quantile of ascending values, linearly interpolated (NumPy's default). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

async function waitFor(condition: () => unknown, what: string, timeoutMs = 20_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await pause(10);
  }
}

export interface LatencyRun {
  delayMs: number;
  roundTripMs: number;
  roundTrips: number;
  requests: number;
  resources: number;
  methods: string[];
  firstPolls: { median: number; max: number };
  trueP50: number;
  trueP95: number;
  shownP50: number;
  shownP95: number;
  buckets: number;
  /** The module probes of the minute (every endpoint has the same delay: judged against the same truth). */
  modules: { shownP50: number; shownP95: number; probes: number };
  cards: { name: string; shown: string; trueMs: number; ratio: number }[];
  cardRatioMedian: number;
  cardRatioP95: number;
}

async function run({ delayMs = 80 }: { delayMs?: number } = {}): Promise<LatencyRun> {
  const sim = await startSim('production-like');
  await sim.fault({ path: '/', latencyMs: delayMs });
  // The measured minute starts on a whole minute: the panel's one-minute buckets then hold exactly it.
  const minute = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;
  const clock = new ManualClock(minute - 5_000);
  // Alone (no sharing between tabs): this is about timing.
  const source = new PharosSource({ baseUrl: sim.baseUrl, clock, visibility: new ManualVisibility(), share: false });
  const el = document.createElement('pharos-source') as PharosSourceElement;
  el.source = source;
  el.append(document.createElement('pharos-ops-dashboard'));
  document.body.replaceChildren(el);

  const idle = () => waitFor(() => !source.fetching.get(), 'requests settle');
  // The network's share of the true time: the round trip of an answer with no delay (the
  // simulator's state), timed the same way, throughout the minute.
  const roundTrips: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceResourceTiming[]) if (e.name.includes('/__sim/state?rtt')) roundTrips.push(e.responseStart - e.requestStart);
  });
  observer.observe({ type: 'resource' });
  let probes = 0;
  const runUntil = async (end: number) => {
    // Quarter-second steps: polls keep their spread over the interval instead of bunching per step.
    while (clock.now() < end) {
      await clock.advance(Math.min(250, end - clock.now()));
      if (probes++ % 4 === 0) await (await fetch(`${sim.baseUrl}/__sim/state?rtt=${probes}`)).text();
      await pause(5);
      await idle();
    }
  };
  // The page loads and draws everything first (its first polls, at once); then a minute of polling.
  await runUntil(minute);
  const firstPoll = ascending(source.activeResources().flatMap((r) => r.latencyMs.get() ?? []));
  for (const r of source.allResources()) r.history.clear();
  await fetch(`${sim.baseUrl}/__sim/requests`, { method: 'DELETE' });
  await runUntil(minute + 59_000);

  const backend = source.activeResources();
  const { serverMs, lastServerMs } = await sim.requests();
  observer.disconnect();
  const rtt = quantile(ascending(roundTrips), 0.5);
  const truth = ascending(serverMs);
  const [trueP50, trueP95] = [quantile(truth, 0.5) + rtt, quantile(truth, 0.95) + rtt];

  const dashboard = el.querySelector('pharos-ops-dashboard');
  const panel = shadow(dashboard, 'pharos-performance');
  await waitFor(() => shadow(panel, '[data-chart="Response time"] pharos-timeseries'), 'the response-time chart');
  const chart = shadow(panel, '[data-chart="Response time"] pharos-timeseries') as HTMLElement & { data: Float64Array[] };
  const [times, p50, p95] = chart.data;
  const buckets = [...times!.keys()].filter((i) => Number.isFinite(p50![i]!));

  const moduleProbes = ascending(
    backend
      .filter((r) => r.definition.name === 'monitoring/health/module')
      .flatMap((r) => [...r.history.window(minute, minute + 59_000, ['latency_ms']).columns.latency_ms!].filter((v) => Number.isFinite(v))),
  );

  // What each card shows (its latest probe) against the true time of that very probe.
  const grid = shadow(dashboard, 'pharos-module-grid');
  const cards = [...(grid?.shadowRoot?.querySelectorAll<HTMLElement>('[part~=card]') ?? [])].map((card) => {
    const shown = card.querySelector('.latency')!.textContent!.trim();
    const ms = Number.parseFloat(shown.replace(/[^\d.]/g, ''));
    const trueMs = lastServerMs[`/api/monitoring/health/module/${card.dataset.name}`]! + rtt;
    return { name: card.dataset.name!, shown, trueMs, ratio: ms / trueMs };
  });
  const ratios = ascending(cards.map((c) => c.ratio));
  const last = buckets.at(-1)!;
  const result: LatencyRun = {
    delayMs,
    roundTripMs: rtt,
    roundTrips: roundTrips.length,
    requests: serverMs.length,
    resources: backend.length,
    methods: [...new Set(backend.map((r) => r.latencyMethod.get() ?? 'none'))],
    firstPolls: { median: quantile(firstPoll, 0.5), max: firstPoll.at(-1) ?? NaN },
    trueP50,
    trueP95,
    shownP50: p50![last]!,
    shownP95: p95![last]!,
    buckets: buckets.length,
    modules: {
      shownP50: quantile(moduleProbes, 0.5),
      shownP95: quantile(moduleProbes, 0.95),
      probes: moduleProbes.length,
    },
    cards,
    cardRatioMedian: quantile(ratios, 0.5),
    cardRatioP95: quantile(ratios, 0.95),
  };
  el.remove();
  return result;
}

Object.assign(window, { pharosLatency: { run } });
document.body.dataset.ready = 'true';
