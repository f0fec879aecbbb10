import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ManualClock, ManualVisibility, settle } from '../../test/support/manual-clock.js';
import type { PharosSourceElement } from '../components/source/source.js';
import '../components/source/source.js';
import { startSim } from '../../test/support/sim.js';
import { healthResource } from '../store/resources/health.js';
import { cacheStatsResource } from '../store/resources/monitoring.js';
import { PharosSource } from '../store/source.js';
import '../components/performance/performance.js';
import { DeferredIndexedDbHistory } from './deferred-persistence.js';
import { HISTORY_DB_VERSION, IndexedDbHistory } from './persistence.js';
import { prometheusPerformanceResource } from './prometheus-resource.js';

const MIN = 60_000;
let dbCounter = 0;

/** A fresh database name per test, so tests never see each other's history. */
function freshDb(): string {
  return `pharos-history-test-${Date.now()}-${dbCounter++}`;
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}

function openRaw(name: string, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, version);
    r.onupgradeneeded = () => upgrade(r.result);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** A source whose resources never poll (auto-refresh off, nothing subscribed): rows are appended by hand. */
function makeSource(dbName: string, clock: ManualClock, baseUrl = 'http://pharos.test') {
  const persistence = new IndexedDbHistory({ dbName, batchRows: 1000 });
  const source = new PharosSource({ baseUrl, clock, visibility: new ManualVisibility(), autoRefresh: false, persistence });
  return { source, persistence };
}

/** Captures console.warn while `fn` runs. */
async function warnings(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** A `<pharos-source persist-history>` that keeps polling in a background tab (tests run in parallel tabs). */
function mountPersisted(baseUrl: string, content: unknown, interval: number): Promise<PharosSourceElement> {
  return fixture<PharosSourceElement>(
    html`<pharos-source base-url=${baseUrl} interval=${interval} poll-when-hidden persist-history>${content}</pharos-source>`,
  );
}

describe('IndexedDB history persistence', () => {
  it('writes history in batches and restores it into a new source for the same base URL', async () => {
    const dbName = freshDb();
    const clock = new ManualClock();
    const t0 = clock.now();
    const a = makeSource(dbName, clock);
    const health = a.source.resource(healthResource).history;
    for (let i = 0; i < 5; i++) health.append(t0 + i * MIN, { status_score: i % 3, latency_ms: 10 + i, failed: 0 });
    a.source.resource(cacheStatsResource).history.append(t0, { hit_rate: 0.9, latency_ms: 7, failed: 0 });
    await a.persistence.flush();
    a.source.dispose();

    await clock.advance(10 * MIN);
    const b = makeSource(dbName, clock);
    // Polls may already have added a newer row: restored rows go before it.
    b.source.resource(healthResource).history.append(clock.now(), { status_score: 2, latency_ms: 99, failed: 0 });
    await b.persistence.ready;
    await settle();
    const restored = b.source.resource(healthResource).history.window();
    expect([...restored.times]).to.deep.equal([0, 1, 2, 3, 4].map((i) => t0 + i * MIN).concat(clock.now()));
    expect([...restored.columns.status_score!]).to.deep.equal([0, 1, 2, 0, 1, 2]);
    expect([...restored.columns.latency_ms!]).to.deep.equal([10, 11, 12, 13, 14, 99]);
    expect(b.source.resource(cacheStatsResource).history.latest('hit_rate')).to.equal(0.9);

    // Another base URL sees nothing.
    const other = makeSource(dbName, clock, 'http://elsewhere.test');
    await other.persistence.ready;
    await settle();
    expect(other.source.resource(healthResource).history.length).to.equal(0);
    b.source.dispose();
    other.source.dispose();
    await deleteDb(dbName);
  });

  it('deferred (as <pharos-source persist-history> uses it): rows polled before its code loaded are saved too', async () => {
    const dbName = freshDb();
    const clock = new ManualClock();
    const t0 = clock.now();
    const persistence = new DeferredIndexedDbHistory({ dbName, batchRows: 1000 });
    const a = new PharosSource({ baseUrl: 'http://pharos.test', clock, visibility: new ManualVisibility(), autoRefresh: false, persistence });
    // Synchronously after the source is made: the IndexedDB code is still being loaded.
    const health = a.resource(healthResource).history;
    for (let i = 0; i < 3; i++) health.append(t0 + i * MIN, { status_score: 2, latency_ms: 20 + i, failed: 0 });
    await persistence.ready;
    health.append(t0 + 3 * MIN, { status_score: 2, latency_ms: 23, failed: 0 });
    await persistence.flush();
    a.dispose();

    const b = makeSource(dbName, clock);
    await b.persistence.ready;
    await settle();
    expect([...b.source.resource(healthResource).history.window().columns.latency_ms!]).to.deep.equal([20, 21, 22, 23]);
    b.source.dispose();
    await deleteDb(dbName);
  });

  it('writes on its own after enough appends, keeps 7 days, and never saves Prometheus answers', async () => {
    const dbName = freshDb();
    const clock = new ManualClock();
    const persistence = new IndexedDbHistory({ dbName, batchRows: 3 });
    const source = new PharosSource({ baseUrl: 'http://pharos.test', clock, visibility: new ManualVisibility(), autoRefresh: false, persistence });
    const t0 = clock.now();
    const h = source.resource(healthResource).history;
    h.append(t0 - 8 * 24 * 60 * MIN, { status_score: 0 });
    h.append(t0 - 8 * 24 * 60 * MIN + MIN, { status_score: 0 });
    h.append(t0 - MIN, { status_score: 1 }); // third append: a batch is written
    const prom = source.resource(prometheusPerformanceResource, { url: 'http://prom.test', range: '1h' });
    prom.history.append(t0, { latency_ms: 5, failed: 0 });
    await persistence.flush();
    source.dispose();

    const b = makeSource(dbName, clock);
    await b.persistence.ready;
    await settle();
    const restored = b.source.resource(healthResource).history;
    // The 8-day-old rows are gone; the recent one is back.
    expect([...restored.window().times]).to.deep.equal([t0 - MIN]);
    expect(b.source.resource(prometheusPerformanceResource, { url: 'http://prom.test', range: '1h' }).history.length).to.equal(0);
    b.source.dispose();
    await deleteDb(dbName);
  });

  it('clears saved history', async () => {
    const dbName = freshDb();
    const clock = new ManualClock();
    const a = makeSource(dbName, clock);
    a.source.resource(healthResource).history.append(clock.now(), { status_score: 2 });
    await a.persistence.flush();
    await a.persistence.clear();
    a.source.dispose();
    const b = makeSource(dbName, clock);
    await b.persistence.ready;
    await settle();
    expect(b.source.resource(healthResource).history.length).to.equal(0);
    b.source.dispose();
    await deleteDb(dbName);
  });

  it('discards a corrupt database with a warning, and keeps working', async () => {
    const dbName = freshDb();
    const clock = new ManualClock();
    const a = makeSource(dbName, clock);
    a.source.resource(healthResource).history.append(clock.now(), { status_score: 2 });
    await a.persistence.flush();
    a.source.dispose();
    // Corrupt it: a record whose columns are not typed arrays.
    const db = await openRaw(dbName, HISTORY_DB_VERSION, () => {});
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('chunks', 'readwrite');
      tx.objectStore('chunks').put({ source: 'http://pharos.test', resource: 'monitoring/health', first: 1, last: 2, times: 'garbage', columns: 5 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();

    let b!: ReturnType<typeof makeSource>;
    const warned = await warnings(async () => {
      b = makeSource(dbName, clock);
      await b.persistence.ready;
      await settle();
    });
    expect(warned.join('\n')).to.contain('corrupt');
    expect(b.source.resource(healthResource).history.length).to.equal(0);
    // Still saves and restores afterwards.
    b.source.resource(healthResource).history.append(clock.now() + MIN, { status_score: 1 });
    await b.persistence.flush();
    b.source.dispose();
    const c = makeSource(dbName, clock);
    await c.persistence.ready;
    await settle();
    expect(c.source.resource(healthResource).history.latest('status_score')).to.equal(1);
    c.source.dispose();
    await deleteDb(dbName);
  });

  it('discards a database of another layout or version with a warning', async () => {
    for (const [version, label] of [
      [HISTORY_DB_VERSION, 'foreign layout'],
      [HISTORY_DB_VERSION + 5, 'newer version'],
    ] as const) {
      const dbName = freshDb();
      const db = await openRaw(dbName, version, (d) => d.createObjectStore('rows'));
      db.close();
      const clock = new ManualClock();
      let a!: ReturnType<typeof makeSource>;
      const warned = await warnings(async () => {
        a = makeSource(dbName, clock);
        await a.persistence.ready;
      });
      expect(warned.join('\n'), label).to.contain('discarding');
      a.source.resource(healthResource).history.append(clock.now(), { status_score: 2 });
      await a.persistence.flush();
      a.source.dispose();
      const b = makeSource(dbName, clock);
      await b.persistence.ready;
      await settle();
      expect(b.source.resource(healthResource).history.length, label).to.equal(1);
      b.source.dispose();
      await deleteDb(dbName);
    }
  });

  it('survives a reload of <pharos-source persist-history>: the performance view shows the earlier history', async () => {
    const sim = await startSim('healthy');
    const first = await mountPersisted(sim.baseUrl, html`<pharos-performance></pharos-performance>`, 1);
    const el1 = first.querySelector('pharos-performance')!;
    await waitUntil(() => el1.source.allResources().reduce((n, r) => n + r.history.length, 0) >= 4, 'polls recorded', {
      timeout: 10000,
    });
    const recorded = el1.source.allResources().reduce((n, r) => n + r.history.length, 0);
    const since = Math.min(...el1.source.allResources().map((r) => r.history.firstTime ?? Infinity));
    const persistence = el1.source.persistence as DeferredIndexedDbHistory;
    await persistence.flush();
    first.remove(); // the page goes away: the source is disposed

    const second = await mountPersisted(sim.baseUrl, html`<pharos-performance></pharos-performance>`, 30);
    const el2 = second.querySelector('pharos-performance')!;
    await (el2.source.persistence as DeferredIndexedDbHistory).ready;
    await waitUntil(() => el2.source.allResources().reduce((n, r) => n + r.history.length, 0) >= recorded, 'history restored', { timeout: 10000 });
    expect(Math.min(...el2.source.allResources().map((r) => r.history.firstTime ?? Infinity))).to.equal(since);
    // The clear button empties the saved copy too.
    await el2.clearHistory();
    second.remove();
    const third = await mountPersisted(sim.baseUrl, html`<div></div>`, 30);
    const p3 = third.source!.persistence as DeferredIndexedDbHistory;
    await p3.ready;
    await settle();
    expect(third.source!.resource(healthResource).history.length).to.equal(0);
  });
});
