/**
 * One poller per browser, over real HTTP against the simulator. Each "page" is a
 * same-origin iframe: a separate document with its own store, sharing BroadcastChannel and
 * Web Locks with the others, as tabs of one browser profile do. One injected clock drives
 * every page's timers (scheduling is deterministic); requests are real and counted by the
 * simulator.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PharosSourceElement } from '../src/components/source/source.component.js';
import '../src/components/source/source.js';
import { ManualClock, ManualVisibility, settle } from './support/manual-clock.js';
import { openPage, type FramePage } from './support/frames.js';
import { startSim, type SimHandle } from './support/sim.js';
import type { PharosSource } from '../src/store/source.js';
import type { SourceOptions } from '../src/store/source.js';

const INTERVAL = 30_000;
const HEALTH = '/api/monitoring/health';
const DATABASE = '/api/monitoring/database';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Page extends FramePage {
  source: PharosSource;
  visibility: ManualVisibility;
  watch(...names: ('health' | 'database')[]): void;
}

describe('one poller per browser (pages in iframes)', () => {
  let sim: SimHandle;
  let clock: ManualClock;
  let pages: Page[];

  beforeEach(async () => {
    sim = await startSim('healthy');
    // On an interval boundary: polls land on wall-clock slots, so a start anywhere else would
    // move them against the runs below from one test run to the next.
    clock = new ManualClock(Math.floor(Date.now() / INTERVAL) * INTERVAL);
    pages = [];
  });

  afterEach(() => {
    for (const page of pages) {
      page.source.dispose();
      page.close();
    }
  });

  /** Opens a page; `prepare` sees its document before the store starts there. */
  async function open(options: Partial<SourceOptions> = {}, prepare?: (frame: FramePage) => void): Promise<Page> {
    const frame = await openPage();
    prepare?.(frame);
    const visibility = new ManualVisibility();
    const source = new frame.pharos.PharosSource({ baseUrl: sim.baseUrl, intervalMs: INTERVAL, clock, visibility, random: () => 0.5, ...options });
    const page: Page = {
      ...frame,
      source,
      visibility,
      watch: (...names) => {
        for (const name of names) (name === 'health' ? source.resource(frame.pharos.healthResource) : source.resource(frame.pharos.databaseResource)).subscribe();
      },
    };
    pages.push(page);
    await waitUntil(() => source.sharing?.role !== 'pending', 'the page finds its role');
    return page;
  }

  const health = (page: Page) => page.source.resource(page.pharos.healthResource);

  /** A page that polls health, then a second page that shows it too (and so follows). */
  async function leaderAndFollower(): Promise<[Page, Page]> {
    const a = await open();
    a.watch('health');
    await run(0);
    const b = await open();
    b.watch('health');
    return [a, b];
  }
  const idle = () => waitUntil(() => pages.every((p) => !p.source.fetching.get()), 'requests settle', { timeout: 10_000 });

  /** Moves every page's time forward in one-second steps, letting messages and requests through. */
  async function run(ms: number): Promise<void> {
    for (let t = 0; t === 0 || t < ms; t += 1000) {
      await clock.advance(Math.min(1000, ms - t));
      await pause(15);
      await idle();
    }
  }

  async function requests(): Promise<Record<string, number>> {
    return (await sim.requests()).byPath;
  }

  const resetCounts = () => fetch(`${sim.baseUrl}/__sim/requests`, { method: 'DELETE' });

  it('two pages share one poll; a leader that is hidden hands over to the visible page', async () => {
    const a = await open();
    a.watch('health');
    await run(0);
    const b = await open();
    b.watch('health', 'database');
    expect([a.source.sharing!.role, b.source.sharing!.role]).to.deep.equal(['leader', 'follower']);
    await waitUntil(() => health(b).value.get() !== undefined && b.source.resource(b.pharos.databaseResource).value.get() !== undefined, 'the follower shows both');

    await resetCounts();
    a.visibility.set(false); // the leader is hidden; the follower is visible
    await waitUntil(() => b.source.sharing!.role === 'leader' && a.source.sharing!.role === 'follower', 'the visible page leads');
    await run(3 * INTERVAL);
    const counts = await requests();
    expect(counts[HEALTH], 'health: once per interval for both pages').to.equal(3);
    expect(counts[DATABASE], 'database: polled by the leader, shown by the follower').to.equal(3);
    expect(health(b).history.length).to.equal(health(a).history.length);
    expect(health(b).latencyMethod.get()).to.equal('server');
  });

  it('closing the leader hands over without a gap in the history', async () => {
    const [a, b] = await leaderAndFollower();
    b.visibility.set(false); // a hidden follower still keeps every row
    await run(2 * INTERVAL);
    const before = health(b).history.length;
    expect(before).to.equal(health(a).history.length);
    b.visibility.set(true); // alone, a hidden page would not poll

    a.close(); // the leader's document goes away, as a closed tab's does
    pages = pages.filter((p) => p !== a);
    await waitUntil(() => b.source.sharing!.role === 'leader', 'the follower takes over');
    await run(2 * INTERVAL);

    const { times } = health(b).history.window();
    expect(times.length).to.equal(before + 2);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, `gap before row ${i}`).to.be.at.most(INTERVAL + 1000);
    expect((await requests())[HEALTH], 'one request per row: no double polls at the handover').to.equal(times.length);
  });

  it('pages whose lock requests are refused stop asking for the lock', async () => {
    // WebKit refuses every lock request of a document that is going away (a removed iframe),
    // at once, with InvalidStateError: a page that asked again on each refusal looped without
    // end and froze the page around it. The refusals are made here, in every engine: what is
    // pending is refused, and so is every later request, at once. The loop, if there were one,
    // would run on promise callbacks alone, so letting those run (no clock, no sleep) shows it.
    const refuse = (frame: FramePage) => new (frame.frame.contentWindow as unknown as typeof globalThis).DOMException('the document is going away', 'InvalidStateError');
    let refusing = false;
    let asked = 0;
    /** Requests not yet settled: each refuses its request when called. */
    const pending = new Set<() => void>();
    const instrument = (frame: FramePage) => {
      const locks = frame.frame.contentWindow!.navigator.locks;
      const request = locks.request.bind(locks) as (...args: unknown[]) => Promise<unknown>;
      Object.assign(locks, {
        request: (...args: unknown[]) => {
          if (refusing) {
            // Past 50 it stops answering, so a loop ends as a failed count here.
            if (++asked > 50) return new Promise(() => {});
            return Promise.reject(refuse(frame));
          }
          return new Promise((resolve, reject) => {
            const refused = () => reject(refuse(frame));
            pending.add(refused);
            request(...args).then(resolve, reject).finally(() => pending.delete(refused));
          });
        },
      });
    };
    const a = await open({}, instrument);
    a.watch('health');
    await run(0);
    const b = await open({}, instrument);
    b.watch('health');
    await waitUntil(() => health(b).value.get() !== undefined, 'the follower shows the leader\'s poll');
    expect([a.source.sharing!.role, b.source.sharing!.role]).to.deep.equal(['leader', 'follower']);
    expect(pending.size, 'the leader holds the lock, the follower waits in its queue').to.equal(2);
    refusing = true;
    for (const refused of [...pending]) refused();
    await settle(100);
    expect(asked, 'lock requests after the refusals').to.equal(0);
    expect([a.source.sharing!.role, b.source.sharing!.role], 'each polls alone').to.deep.equal(['leader', 'leader']);
    a.close();
    b.close();
    pages = pages.filter((p) => p !== a && p !== b);
  });

  it('a page alone does not load the protocol; a second page brings it to both', async () => {
    const loadedProtocol = (page: Page) =>
      page.frame.contentWindow!.performance.getEntriesByType('resource').some((entry) => /\/cross-tab\.[jt]s/.test(entry.name));
    const a = await open();
    a.watch('health');
    await run(INTERVAL);
    expect(a.source.sharing!.role).to.equal('leader');
    expect(loadedProtocol(a), 'a page alone').to.equal(false);

    const b = await open();
    b.watch('health');
    await waitUntil(() => health(b).value.get() !== undefined, 'the second page shows the first page\'s poll');
    expect([loadedProtocol(a), loadedProtocol(b)]).to.deep.equal([true, true]);
    expect([a.source.sharing!.role, b.source.sharing!.role]).to.deep.equal(['leader', 'follower']);
    expect(health(b).history.length, 'the history the first page polled alone').to.equal(health(a).history.length);
    await resetCounts();
    await run(2 * INTERVAL);
    expect((await requests())[HEALTH], 'one poll per interval for both').to.equal(2);
  });

  it('pages that open at the same moment elect one leader', async () => {
    const [a, b, c] = await Promise.all([open(), open(), open()]);
    for (const page of [a, b, c]) page.watch('health');
    await waitUntil(() => [a, b, c].every((p) => health(p).value.get() !== undefined), 'every page shows health');
    expect([a, b, c].map((p) => p.source.sharing!.role).sort()).to.deep.equal(['follower', 'follower', 'leader']);
    await resetCounts();
    await run(2 * INTERVAL);
    expect((await requests())[HEALTH], 'one poll per interval for the three').to.equal(2);
  });

  it('a visible page that joins a hidden leader takes over', async () => {
    const a = await open();
    a.watch('health');
    a.visibility.set(false);
    await run(0);
    const b = await open();
    b.watch('health');
    await waitUntil(() => b.source.sharing!.role === 'leader' && a.source.sharing!.role === 'follower', 'the visible page leads');
  });

  it('a page opened later shows current data and history without a request of its own', async () => {
    // Every request of either page is counted when its fetch is called, so no wait for one to arrive.
    const fetched: string[] = [];
    const counting = (frame: FramePage) => {
      const win = frame.frame.contentWindow as unknown as typeof globalThis;
      const real = win.fetch.bind(win);
      win.fetch = (input, init) => {
        fetched.push(String(input instanceof Request ? input.url : input));
        return real(input, init);
      };
    };
    const a = await open({}, counting);
    a.watch('health', 'database');
    await run(2 * INTERVAL);
    await resetCounts();
    fetched.length = 0;

    const b = await open({}, counting);
    b.watch('health', 'database');
    await clock.advance(0); // a page polling on its own would start now
    await waitUntil(() => health(b).value.get() !== undefined, 'the late page shows health');
    await waitUntil(() => b.source.resource(b.pharos.databaseResource).value.get() !== undefined, 'and the database');
    expect(health(b).value.get()).to.deep.equal(health(a).value.get());
    expect(health(b).history.length).to.equal(health(a).history.length);
    await clock.advance(0);
    expect(fetched, 'no request from either page').to.deep.equal([]);
    expect([a.source.fetching.get(), b.source.fetching.get()]).to.deep.equal([false, false]);
    expect((await sim.requests()).total).to.equal(0);
  });

  it('a follower learns from the leader that the backend is a read-only view (a relay)', async () => {
    const [a, b] = await leaderAndFollower();
    await run(INTERVAL);
    expect(b.source.readOnly.get(), 'not before the relay says so').to.equal(false);
    await sim.fault({ path: '/api', headers: { 'X-Pharos-Relay': 'read-only' } });
    await run(INTERVAL);
    expect(a.source.readOnly.get(), 'the leader heard it').to.equal(true);
    expect(b.source.readOnly.get(), 'the follower, from the leader').to.equal(true);
  });

  it('a page that shows what the leader has no code for polls that itself, and only that', async () => {
    const a = await open();
    a.watch('health');
    await run(0);
    const b = await open();
    // Defined only in this page's modules, as when the leading page is a one-tag, tree-shaken build.
    const onlyHere = b.pharos.shareDefinition({ ...b.pharos.databaseResource, name: 'test/database-only-in-b' });
    b.watch('health');
    const database = b.source.resource(onlyHere);
    database.subscribe();
    await resetCounts();
    await run(2 * INTERVAL);
    expect(database.value.get(), 'the follower polled it itself').not.to.equal(undefined);
    expect(b.source.sharing!.role).to.equal('follower');
    const counts = await requests();
    expect(counts[HEALTH], 'health is still polled once for both pages').to.equal(2);
    expect(counts[DATABASE], 'the database by the follower alone: at once, then once per interval').to.equal(3);
  });

  it('pages with different tokens do not share, and no token is broadcast', async () => {
    const heard: unknown[] = [];
    const a = await open({ token: 'alpha-secret-token' });
    const b = await open({ token: () => 'beta-secret-token' });
    const c = await open({ token: 'alpha-secret-token' });
    for (const page of [a, b, c]) {
      const name = (page.source.sharing as unknown as { channel: BroadcastChannel }).channel.name;
      expect(name).not.to.include('secret');
      const listener = new BroadcastChannel(name);
      listener.onmessage = (e) => heard.push(e.data);
      setTimeout(() => listener.close(), 5_000);
    }
    expect([a, b, c].map((p) => p.source.sharing!.role)).to.deep.equal(['leader', 'leader', 'follower']);
    a.watch('health');
    b.watch('health');
    c.watch('health');
    await run(INTERVAL + 2000); // the first polls, then each on its slot within the interval after
    await waitUntil(() => health(c).value.get() !== undefined, 'the page with the same token shows the shared poll');
    expect((await requests())[HEALTH], 'two groups, two polls each').to.equal(4);
    expect(heard.length).to.be.greaterThan(0);
    expect(JSON.stringify(heard)).not.to.include('secret');
  });

  it('saves history once, from the leader', async () => {
    const dbName = `pharos-share-${Math.random().toString(36).slice(2)}`;
    const persist = (page: FramePage) => new page.pharos.IndexedDbHistory({ dbName, batchRows: 1 });
    const frameA = await openPage();
    const frameB = await openPage();
    const pa = persist(frameA);
    const pb = persist(frameB);
    for (const [frame, persistence] of [[frameA, pa], [frameB, pb]] as const) {
      const visibility = new ManualVisibility();
      const source = new frame.pharos.PharosSource({ baseUrl: sim.baseUrl, intervalMs: INTERVAL, clock, visibility, persistence });
      pages.push({ ...frame, source, visibility, watch: () => {} });
      await waitUntil(() => source.sharing?.role !== 'pending');
      source.resource(frame.pharos.healthResource).subscribe();
    }
    await run(3 * INTERVAL);
    await Promise.all([pa.flush(), pb.flush()]);
    const polled = health(pages[0]!).history.length;
    expect(health(pages[1]!).history.length).to.equal(polled);

    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const chunks = await new Promise<{ resource: string; times: Float64Array }[]>((resolve) => {
      const request = db.transaction('chunks').objectStore('chunks').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const times = chunks.filter((c) => c.resource === 'monitoring/health').flatMap((c) => [...c.times]);
    expect(times.length, 'each polled row saved once').to.equal(polled);
    expect(new Set(times).size).to.equal(times.length);
  });

  it('refresh and auto-refresh work from a follower', async () => {
    const [a, b] = await leaderAndFollower();
    await waitUntil(() => health(b).value.get() !== undefined);
    await resetCounts();
    const before = health(b).fetchedAt.get();
    await clock.advance(5_000);
    await b.source.refresh();
    expect((await requests())[HEALTH], 'the leader fetched it').to.equal(1);
    expect(health(b).fetchedAt.get()).to.be.greaterThan(before!);

    b.source.setAutoRefresh(false);
    await waitUntil(() => !a.source.autoRefresh, 'the leader turns auto-refresh off too');
    await run(3 * INTERVAL);
    expect((await requests())[HEALTH]).to.equal(1);
    b.source.setAutoRefresh(true);
    await waitUntil(() => a.source.autoRefresh);
    await run(INTERVAL + 2000);
    expect((await requests())[HEALTH]).to.equal(3); // overdue at once, then the next slot
  });

  it('a follower takes over from a frozen leader within one interval', async () => {
    const [a, b] = await leaderAndFollower();
    await run(INTERVAL);
    // Frozen: the page holds its lock but neither beats nor answers.
    const frozen = a.source.sharing as unknown as { stopBeat(): void; channel: BroadcastChannel; beat(): void };
    frozen.stopBeat();
    frozen.beat = () => {};
    frozen.channel.onmessage = null;
    a.source.setAutoRefresh(false);
    await run(INTERVAL);
    expect(b.source.sharing!.role).to.equal('leader');
    const { times } = health(b).history.window();
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).to.be.at.most(INTERVAL + 1000);
    await waitUntil(() => a.source.sharing!.role === 'follower', 'the frozen page learns it lost the lock');
  });

  it('polls alone with share off', async () => {
    const a = await open({ share: false });
    const b = await open({ share: false });
    expect(a.source.sharing).to.equal(null);
    a.watch('health');
    b.watch('health');
    await run(0);
    expect((await requests())[HEALTH]).to.equal(2);
  });

  it('<pharos-source no-share> polls alone; without it the source shares', async () => {
    const alone = await fixture<PharosSourceElement>(html`<pharos-source base-url=${sim.baseUrl} no-share></pharos-source>`);
    const shared = await fixture<PharosSourceElement>(html`<pharos-source base-url=${sim.baseUrl}></pharos-source>`);
    expect(alone.source!.sharing).to.equal(null);
    expect(shared.source!.sharing).to.not.equal(null);
  });
});
