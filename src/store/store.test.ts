import { expect } from '@open-wc/testing';
import { ErrorKind, PharosError } from '../api/errors.js';
import { ManualClock, ManualVisibility } from '../../test/support/manual-clock.js';
import { HistoryBuffer } from './history.js';
import { backoffDelay, type ResourceDefinition } from './resource.js';
import { PharosSource } from './source.js';

/** A resource definition whose fetch is scripted by the test and counted. */
function scripted() {
  const state = { calls: 0, fail: false as false | PharosError, value: 1 };
  const definition: ResourceDefinition<number> = {
    name: 'test/counter',
    fetch: async () => {
      state.calls++;
      if (state.fail) throw state.fail;
      return state.value;
    },
    sample: (v) => ({ value: v }),
  };
  return { state, definition };
}

function setup(options: Partial<ConstructorParameters<typeof PharosSource>[0]> = {}) {
  const clock = new ManualClock();
  const visibility = new ManualVisibility();
  // Alone and on exact intervals: sharing and spreading have their own tests.
  const source = new PharosSource({ baseUrl: '', clock, visibility, random: () => 0.5, share: false, spreadPolls: false, ...options });
  return { clock, visibility, source };
}

const INTERVAL = 30_000;
const outage = new PharosError(ErrorKind.network, 'Request blocked or unreachable: test.');

describe('PharosSource polling', () => {
  it('spreads polls over the interval, each resource on its own stable slot, the first at once', async () => {
    const { clock, source } = setup({ spreadPolls: true });
    const calls: Record<string, number[]> = { alpha: [], beta: [], gamma: [] };
    const stops = Object.keys(calls).map((name) =>
      source.resource({ name, fetch: async () => void calls[name]!.push(clock.now()) } as ResourceDefinition<void>).subscribe(),
    );
    const start = clock.now();
    await clock.advance(0);
    for (const times of Object.values(calls)) expect(times).to.deep.equal([start]);
    await clock.advance(INTERVAL * 3);
    const offsets = new Set<number>();
    for (const [name, times] of Object.entries(calls)) {
      expect(times, name).to.have.length(4);
      const phase = source.resource({ name } as ResourceDefinition<void>).phase;
      for (const t of times.slice(1)) expect(((t - phase * INTERVAL) % INTERVAL + INTERVAL) % INTERVAL, `${name} on its slot`).to.be.closeTo(0, 1e-6);
      expect(times[2]! - times[1]!).to.equal(INTERVAL);
      offsets.add(times[1]! % INTERVAL);
    }
    expect(offsets.size, 'different resources, different slots').to.equal(3);
    // No request, so no network timing: the figure is labelled page-observed.
    expect(source.resource({ name: 'alpha' } as ResourceDefinition<void>).latencyMethod.get()).to.equal('page');
    stops.forEach((s) => s());
  });

  it('makes one request per interval however many subscribe', async () => {
    const { clock, source } = setup();
    const { state, definition } = scripted();
    const resource = source.resource(definition);
    const unsubscribes = Array.from({ length: 50 }, () => source.resource(definition).subscribe());
    await clock.advance(0);
    expect(state.calls).to.equal(1);
    expect(resource.value.get()).to.equal(1);
    await clock.advance(INTERVAL);
    expect(state.calls).to.equal(2);
    await clock.advance(INTERVAL * 3);
    expect(state.calls).to.equal(5);
    expect(clock.pending).to.equal(1); // one timer for fifty subscribers
    unsubscribes.forEach((u) => u());
  });

  it('shares a request in flight', async () => {
    const { source } = setup();
    let resolve!: (v: number) => void;
    let calls = 0;
    const definition: ResourceDefinition<number> = { name: 'slow', fetch: () => (calls++, new Promise((r) => (resolve = r))) };
    const resource = source.resource(definition);
    const a = resource.refresh();
    const b = resource.refresh();
    expect(a).to.equal(b);
    resolve(7);
    await a;
    expect(calls).to.equal(1);
    expect(resource.value.get()).to.equal(7);
  });

  it('stops the timer when the last subscriber leaves', async () => {
    const { clock, source } = setup();
    const { state, definition } = scripted();
    const first = source.resource(definition).subscribe();
    const second = source.resource(definition).subscribe();
    await clock.advance(0);
    first();
    await clock.advance(INTERVAL);
    expect(state.calls).to.equal(2);
    second();
    expect(clock.pending).to.equal(0);
    await clock.advance(INTERVAL * 10);
    expect(state.calls).to.equal(2);
    expect(source.resource(definition).nextRefreshAt.get()).to.equal(null);
  });

  it('does not refetch fresh data for a new subscriber, and catches up on stale data', async () => {
    const { clock, source } = setup();
    const { state, definition } = scripted();
    const stop = source.resource(definition).subscribe();
    await clock.advance(0);
    stop();
    await clock.advance(10_000);
    const again = source.resource(definition).subscribe();
    await clock.advance(0);
    expect(state.calls).to.equal(1); // still fresh: next poll when due
    await clock.advance(20_000);
    expect(state.calls).to.equal(2);
    again();
  });

  it('pauses while hidden and catches up at once when visible with old data', async () => {
    const { clock, source, visibility } = setup();
    const { state, definition } = scripted();
    const stop = source.resource(definition).subscribe();
    await clock.advance(0);
    visibility.set(false);
    await clock.advance(INTERVAL * 5);
    expect(state.calls).to.equal(1);
    expect(clock.pending).to.equal(0);
    visibility.set(true);
    await clock.advance(0);
    expect(state.calls).to.equal(2);
    stop();
  });

  it('on visible with fresh data, waits for the rest of the interval', async () => {
    const { clock, source, visibility } = setup();
    const { state, definition } = scripted();
    const stop = source.resource(definition).subscribe();
    await clock.advance(0);
    visibility.set(false);
    await clock.advance(5_000);
    visibility.set(true);
    await clock.advance(0);
    expect(state.calls).to.equal(1);
    await clock.advance(25_000);
    expect(state.calls).to.equal(2);
    stop();
  });

  it('keeps polling while hidden when asked (wall displays)', async () => {
    const { clock, source, visibility } = setup({ pollWhenHidden: true });
    const { state, definition } = scripted();
    const stop = source.resource(definition).subscribe();
    await clock.advance(0);
    visibility.set(false);
    await clock.advance(INTERVAL * 2);
    expect(state.calls).to.equal(3);
    stop();
  });

  it('backs off exponentially on failure, keeps the last good value, and resets on success', async () => {
    const { clock, source } = setup();
    const { state, definition } = scripted();
    const resource = source.resource(definition);
    const stop = resource.subscribe();
    await clock.advance(0);
    expect(resource.value.get()).to.equal(1);

    state.fail = outage;
    await clock.advance(INTERVAL);
    expect(state.calls).to.equal(2);
    expect(resource.status.get()).to.equal('error');
    expect(resource.error.get()?.kind).to.equal('network');
    expect(resource.value.get()).to.equal(1);
    expect(resource.stale.get()).to.equal(true);

    // With random 0.5 there is no jitter: 2 s, 4 s, 8 s.
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = clock.now();
      const due = resource.nextRefreshAt.get()!;
      gaps.push(due - before);
      await clock.advance(due - before);
    }
    expect(gaps).to.deep.equal([2_000, 4_000, 8_000]);
    expect(resource.failures.get()).to.equal(4);

    state.fail = false;
    state.value = 2;
    await clock.advance(resource.nextRefreshAt.get()! - clock.now());
    expect(resource.value.get()).to.equal(2);
    expect(resource.error.get()).to.equal(null);
    expect(resource.failures.get()).to.equal(0);
    expect(resource.nextRefreshAt.get()! - clock.now()).to.equal(INTERVAL);
    stop();
  });

  it('caps backoff, applies jitter and honours Retry-After', () => {
    expect(backoffDelay(1, 0.5)).to.equal(2_000);
    expect(backoffDelay(30, 0.5), 'the 5-minute ceiling').to.equal(300_000);
    expect(backoffDelay(1, 0)).to.equal(1_600);
    expect(backoffDelay(1, 0.999)).to.be.closeTo(2_400, 1);
    expect(backoffDelay(1, 0.5, 60_000)).to.equal(60_000);
  });

  it('auto-refresh off stops timers; on catches up; refresh() still works', async () => {
    const { clock, source } = setup();
    const { state, definition } = scripted();
    const stop = source.resource(definition).subscribe();
    await clock.advance(0);
    source.setAutoRefresh(false);
    expect(source.nextRefreshAt.get()).to.equal(null);
    await clock.advance(INTERVAL * 3);
    expect(state.calls).to.equal(1);
    await source.refresh();
    expect(state.calls).to.equal(2);
    source.setAutoRefresh(true);
    await clock.advance(0);
    expect(state.calls).to.equal(2); // just refreshed: not due yet
    await clock.advance(INTERVAL);
    expect(state.calls).to.equal(3);
    stop();
  });

  it('exposes the countdown to the next refresh and the last update time', async () => {
    const { clock, source } = setup();
    const { definition } = scripted();
    const stop = source.resource(definition).subscribe();
    await clock.advance(0);
    expect(source.lastUpdatedAt.get()).to.equal(clock.now());
    expect(source.nextRefreshAt.get()! - clock.now()).to.equal(INTERVAL);
    await clock.advance(10_000);
    expect(source.nextRefreshAt.get()! - clock.now()).to.equal(20_000);
    stop();
  });

  it('honours a per-resource interval', async () => {
    const { clock, source } = setup({ intervalMs: 10_000 });
    const { state, definition } = scripted();
    const fast = { ...definition, name: 'fast', intervalMs: 5_000 };
    const stop = source.resource(fast).subscribe();
    await clock.advance(0);
    await clock.advance(20_000);
    expect(state.calls).to.equal(5);
    stop();
  });

  it('ticks once a second only while someone watches', async () => {
    const { clock, source } = setup();
    const stop = source.subscribeTicks();
    const start = source.now.get();
    await clock.advance(3_000);
    expect(source.now.get() - start).to.equal(3_000);
    stop();
    expect(clock.pending).to.equal(0);
  });

  it('records numeric samples, request latency, and each failure as a gap row in history', async () => {
    const { clock, source } = setup();
    const { state, definition } = scripted();
    const resource = source.resource(definition);
    const stop = resource.subscribe();
    await clock.advance(0);
    await clock.advance(INTERVAL);
    state.fail = outage;
    await clock.advance(INTERVAL);
    await clock.advance(2_000);
    await clock.advance(4_000);
    const window = resource.history.window();
    expect(window.times.length).to.equal(5); // two samples + three failures
    expect([...window.columns.value!].slice(0, 2)).to.deep.equal([1, 1]);
    expect(Number.isNaN(window.columns.value![2]!)).to.equal(true);
    expect(window.columns.latency_ms![0]).to.equal(0);
    expect(resource.history.sum('failed')).to.equal(3);
    expect(resource.history.sum('failed', clock.now() - 5_000)).to.equal(2); // at -4 s and now
    stop();
  });

  it('dispose stops everything', async () => {
    const { clock, source } = setup();
    const { state, definition } = scripted();
    source.resource(definition).subscribe();
    await clock.advance(0);
    source.dispose();
    await clock.advance(INTERVAL * 3);
    expect(state.calls).to.equal(1);
  });
});

describe('HistoryBuffer', () => {
  it('is a bounded ring: the oldest rows are overwritten', () => {
    const buffer = new HistoryBuffer(4);
    for (let t = 1; t <= 10; t++) buffer.append(t, { a: t * 10 });
    expect(buffer.length).to.equal(4);
    const w = buffer.window();
    expect([...w.times]).to.deep.equal([7, 8, 9, 10]);
    expect([...w.columns.a!]).to.deep.equal([70, 80, 90, 100]);
    expect(buffer.byteLength).to.equal(4 * 8 * 2);
  });

  it('slices a time window, columnar and in order', () => {
    const buffer = new HistoryBuffer(100);
    for (let t = 0; t < 50; t++) buffer.append(t * 1000, { a: t, b: t % 2 ? null : t });
    const w = buffer.window(10_000, 12_000);
    expect([...w.times]).to.deep.equal([10_000, 11_000, 12_000]);
    expect([...w.columns.a!]).to.deep.equal([10, 11, 12]);
    expect(Number.isNaN(w.columns.b![1]!)).to.equal(true);
    expect(buffer.latest('a')).to.equal(49);
  });

  it('adds a series that appears later, with gaps before it', () => {
    const buffer = new HistoryBuffer(10);
    buffer.append(1, { a: 1 });
    buffer.append(2, { a: 2, b: 5 });
    const w = buffer.window();
    expect(Number.isNaN(w.columns.b![0]!)).to.equal(true);
    expect(w.columns.b![1]).to.equal(5);
  });

  it('takes room as rows come, not its whole capacity at once, and wraps only when full', () => {
    const buffer = new HistoryBuffer(300);
    buffer.append(0, { a: 0 });
    // 64 rows of room at first: 64 × 8 bytes for the times and 64 × 8 for column a.
    expect(buffer.byteLength).to.equal(64 * 8 * 2);
    for (let t = 1; t < 200; t++) buffer.append(t, { a: t, ...(t >= 100 ? { b: -t } : {}) });
    // 200 rows: grown 64 → 128 → 256, each of the three arrays.
    expect(buffer.byteLength).to.equal(256 * 8 * 3);
    let w = buffer.window(62, 66);
    expect([...w.times]).to.deep.equal([62, 63, 64, 65, 66]);
    expect([...w.columns.a!]).to.deep.equal([62, 63, 64, 65, 66]);
    expect(Number.isNaN(w.columns.b![0]!)).to.equal(true);
    for (let t = 200; t < 450; t++) buffer.append(t, { a: t, b: -t });
    expect(buffer.length).to.equal(300);
    expect(buffer.byteLength).to.equal(300 * 8 * 3);
    w = buffer.window();
    expect(w.times[0]).to.equal(150);
    expect(w.times[299]).to.equal(449);
    expect(w.columns.b![0]).to.equal(-150);
    expect(buffer.latest('a')).to.equal(449);
  });

  it('ignores rows older than the newest', () => {
    const buffer = new HistoryBuffer(10);
    buffer.append(5, { a: 1 });
    buffer.append(3, { a: 2 });
    expect(buffer.length).to.equal(1);
  });
});

