/**
 * Keeps a source's in-browser history across page loads, in IndexedDB: one database per
 * origin, rows saved per source (its base URL) and resource, bounded to 7 days.
 *
 * Appends are only queued in memory on the hot path; they are written in columnar chunks
 * (typed arrays, one record per resource per batch) every N rows or when the browser is
 * idle, and when the page is hidden. Saved rows are merged back into each resource's
 * history as soon as it is created. A database that is corrupt, of another version or
 * unusable is discarded with a console warning; persistence never breaks the dashboard.
 */
import { pageStorage } from '../util/page-storage.js';
import type { HistoryEvent, HistoryWindow, Sample } from '../store/history.js';
import type { Resource } from '../store/resource.js';
import type { HistoryPersistence, PharosSource } from '../store/source.js';
import { isExternalResource } from './prometheus-resource.js';

/** Options for {@link IndexedDbHistory}. */
export interface IndexedDbHistoryOptions {
  /** Database name. Default `pharos-history`. */
  dbName?: string;
  /** How long rows are kept, in ms. Default 7 days. */
  retentionMs?: number;
  /** Write as soon as this many rows are waiting. Default 100. */
  batchRows?: number;
  /** Otherwise write when idle, at the latest after this long (ms). Default 5 000. */
  maxDelayMs?: number;
  /** IndexedDB implementation. Default the page's, where it may use it. */
  indexedDB?: IDBFactory;
}

/** Version of the database layout; a database of any other version is discarded. */
export const HISTORY_DB_VERSION = 1;
/** Default database name. */
export const HISTORY_DB_NAME = 'pharos-history';
const STORE = 'chunks';
const BY_SOURCE_LAST = 'bySourceLast';
const WEEK_MS = 7 * 24 * 3_600_000;

/** One saved batch of one resource's rows: columnar, like the history itself. */
interface ChunkRecord {
  source: string;
  resource: string;
  first: number;
  last: number;
  times: Float64Array;
  columns: Record<string, Float64Array>;
}

class CorruptHistory extends Error {}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const completion = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

/** Every key of one source: `[source, …]` sorts between `[source]` and `[source, []]`. */
const sourceRange = (source: string) => IDBKeyRange.bound([source], [source, []]);
const resourceRange = (source: string, resource: string) => IDBKeyRange.bound([source, resource], [source, resource, []]);

function checkChunk(value: unknown, source: string): ChunkRecord {
  const c = value as Partial<ChunkRecord> | null;
  const ok =
    !!c &&
    c.source === source &&
    typeof c.resource === 'string' &&
    typeof c.first === 'number' &&
    typeof c.last === 'number' &&
    c.times instanceof Float64Array &&
    !!c.columns &&
    typeof c.columns === 'object' &&
    Object.values(c.columns).every((col) => col instanceof Float64Array && col.length === c.times!.length);
  if (!ok) throw new CorruptHistory('a saved chunk has an unexpected shape');
  return c as ChunkRecord;
}

/**
 * IndexedDB persistence for one {@link PharosSource}: pass a new instance as its
 * `persistence` option (or set `persist-history` on `<pharos-source>`).
 *
 * @example
 * const source = new PharosSource({ baseUrl, persistence: new IndexedDbHistory() });
 */
export class IndexedDbHistory implements HistoryPersistence {
  /** Resolves once the saved history has been read (or found unusable). */
  ready: Promise<void> = Promise.resolve();

  private readonly dbName: string;
  private readonly retentionMs: number;
  private readonly batchRows: number;
  private readonly maxDelayMs: number;
  private readonly factory: IDBFactory | undefined;
  private source?: PharosSource;
  private db: Promise<IDBDatabase | null> = Promise.resolve(null);
  private saved = new Map<string, ChunkRecord[]>();
  private pending = new Map<string, { times: number[]; samples: Sample[] }>();
  private pendingRows = 0;
  private flushHandle: { cancel(): void } | null = null;
  private restoring = false;
  private loaded = false;
  private closed = false;
  private readonly stops: (() => void)[] = [];
  private writes: Promise<void> = Promise.resolve();

  constructor(options: IndexedDbHistoryOptions = {}) {
    this.dbName = options.dbName ?? HISTORY_DB_NAME;
    this.retentionMs = options.retentionMs ?? WEEK_MS;
    this.batchRows = options.batchRows ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 5_000;
    this.factory = options.indexedDB ?? pageStorage('indexedDB') ?? undefined;
  }

  private get key(): string {
    return this.source!.baseUrl;
  }

  private now(): number {
    return this.source!.clock.now();
  }

  open(source: PharosSource): void {
    if (this.source) throw new Error('IndexedDbHistory serves one source; create one per source');
    this.source = source;
    if (!this.factory) {
      console.warn('[pharos] IndexedDB is not available: history will not survive a reload.');
      return;
    }
    this.db = this.openDatabase();
    this.ready = this.load().finally(() => (this.loaded = true));
    if (typeof document !== 'undefined') {
      // A reload or a closed tab: write what is waiting while the page can still do it.
      const onHidden = () => {
        if (document.visibilityState === 'hidden') void this.flush();
      };
      const onPageHide = () => void this.flush();
      document.addEventListener('visibilitychange', onHidden);
      globalThis.addEventListener?.('pagehide', onPageHide);
      this.stops.push(() => {
        document.removeEventListener('visibilitychange', onHidden);
        globalThis.removeEventListener?.('pagehide', onPageHide);
      });
    }
  }

  /**
   * @param earlier what the resource's history reported before this persistence existed
   * (see `DeferredIndexedDbHistory` in `deferred-persistence.ts`), recorded as if it had been listening.
   */
  attach(resource: Resource<any, any>, earlier: readonly HistoryEvent[] = []): void {
    if (!this.source || isExternalResource(resource)) return;
    this.stops.push(resource.history.listen((event) => this.onEvent(resource, event)));
    for (const event of earlier) this.onEvent(resource, event);
    // Once loaded, restore at once: an element created later sees its history on first render.
    if (this.loaded) this.restore(resource);
    else void this.ready.then(() => this.restore(resource));
  }

  /** Writes the waiting rows now. Resolves when they are stored. */
  flush(): Promise<void> {
    this.flushHandle?.cancel();
    this.flushHandle = null;
    if (this.pending.size === 0) return this.writes;
    const batch = this.pending;
    this.pending = new Map();
    this.pendingRows = 0;
    const source = this.key;
    const chunks: ChunkRecord[] = [];
    for (const [resource, { times, samples }] of batch) {
      const names = new Set<string>();
      for (const s of samples) for (const name of Object.keys(s)) names.add(name);
      const columns: Record<string, Float64Array> = {};
      for (const name of names) {
        const col = new Float64Array(times.length);
        samples.forEach((s, i) => {
          const v = s[name];
          col[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
        });
        columns[name] = col;
      }
      chunks.push({ source, resource, first: times[0]!, last: times[times.length - 1]!, times: Float64Array.from(times), columns });
    }
    const cutoff = this.now() - this.retentionMs;
    this.writes = this.writes.then(() =>
      this.transact(async (store) => {
        for (const chunk of chunks) store.put(chunk);
        // Bounded: drop whole chunks older than the retention, oldest first.
        const old = store.index(BY_SOURCE_LAST).openKeyCursor(IDBKeyRange.bound([source, -Infinity], [source, cutoff], false, true));
        await new Promise<void>((resolve, reject) => {
          old.onsuccess = () => {
            const cursor = old.result;
            if (!cursor) return resolve();
            store.delete(cursor.primaryKey);
            cursor.continue();
          };
          old.onerror = () => reject(old.error);
        });
      }),
    );
    return this.writes;
  }

  async clear(): Promise<void> {
    this.pending.clear();
    this.pendingRows = 0;
    this.saved.clear();
    if (!this.source) return;
    const source = this.key;
    this.writes = this.writes.then(() => this.transact((store) => void store.delete(sourceRange(source))));
    await this.writes;
  }

  close(): void {
    if (this.closed) return;
    const last = this.source ? this.flush() : Promise.resolve();
    this.closed = true;
    for (const stop of this.stops.splice(0)) stop();
    void last.then(() => this.db).then((db) => db?.close());
  }

  private onEvent(resource: Resource<any, any>, event: HistoryEvent): void {
    if (this.closed || this.restoring) return;
    // Another page polled this row and saves it: writing it here too would duplicate it.
    if (event.type === 'append' && event.replicated) return;
    if (event.type === 'clear') {
      this.pending.delete(resource.key);
      this.saved.delete(resource.key);
      const source = this.key;
      this.writes = this.writes.then(() => this.transact((store) => void store.delete(resourceRange(source, resource.key))));
      return;
    }
    let rows = this.pending.get(resource.key);
    if (!rows) this.pending.set(resource.key, (rows = { times: [], samples: [] }));
    rows.times.push(event.time);
    rows.samples.push(event.sample);
    this.pendingRows++;
    if (this.pendingRows >= this.batchRows) void this.flush();
    else this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushHandle) return;
    const run = () => {
      this.flushHandle = null;
      void this.flush();
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: this.maxDelayMs });
      this.flushHandle = { cancel: () => cancelIdleCallback(id) };
    } else {
      const id = setTimeout(run, Math.min(1_000, this.maxDelayMs));
      this.flushHandle = { cancel: () => clearTimeout(id) };
    }
  }

  /** Runs `work` in a read-write transaction; failures are warned about, never thrown. */
  private async transact(work: (store: IDBObjectStore) => void | Promise<void>): Promise<void> {
    const db = await this.db;
    if (!db) return;
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const done = completion(tx);
      await work(tx.objectStore(STORE));
      await done;
    } catch (error) {
      console.warn('[pharos] could not save history', error);
    }
  }

  private openOnce(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const open = this.factory!.open(this.dbName, HISTORY_DB_VERSION);
      open.onupgradeneeded = (event) => {
        const db = open.result;
        if (event.oldVersion > 0) {
          console.warn(`[pharos] saved history is from an older version (${event.oldVersion}); discarding it.`);
          for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
        }
        const store = db.createObjectStore(STORE, { keyPath: ['source', 'resource', 'first'] });
        store.createIndex(BY_SOURCE_LAST, ['source', 'last']);
      };
      open.onsuccess = () => {
        const db = open.result;
        // Let another tab (or a newer version) upgrade or delete the database.
        db.onversionchange = () => db.close();
        resolve(db);
      };
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error('blocked by another open connection'));
    });
  }

  private deleteDatabase(): Promise<void> {
    return new Promise((resolve) => {
      const del = this.factory!.deleteDatabase(this.dbName);
      del.onsuccess = del.onerror = del.onblocked = () => resolve();
    });
  }

  private async openDatabase(): Promise<IDBDatabase | null> {
    try {
      const db = await this.openOnce();
      if (db.objectStoreNames.contains(STORE) && db.transaction(STORE).objectStore(STORE).indexNames.contains(BY_SOURCE_LAST)) return db;
      db.close();
      throw new CorruptHistory('the database has an unexpected layout');
    } catch (error) {
      // A newer version (VersionError), a foreign layout, a broken file: start afresh, once.
      console.warn('[pharos] saved history is unusable; discarding it.', error);
      await this.deleteDatabase();
      try {
        return await this.openOnce();
      } catch (again) {
        console.warn('[pharos] IndexedDB is unusable: history will not survive a reload.', again);
        return null;
      }
    }
  }

  private async load(): Promise<void> {
    const db = await this.db;
    if (!db) return;
    const source = this.key;
    try {
      const tx = db.transaction(STORE, 'readonly');
      const values = await request(tx.objectStore(STORE).getAll(sourceRange(source)));
      const byResource = new Map<string, ChunkRecord[]>();
      for (const value of values) {
        const chunk = checkChunk(value, source);
        let list = byResource.get(chunk.resource);
        if (!list) byResource.set(chunk.resource, (list = []));
        list.push(chunk);
      }
      // Resources created before the load finished merge at once; the rest when created.
      for (const [key, chunks] of byResource) if (!this.saved.has(key)) this.saved.set(key, chunks);
    } catch (error) {
      console.warn('[pharos] saved history is corrupt; discarding it.', error);
      this.saved.clear();
      this.writes = this.writes.then(() => this.transact((store) => void store.clear()));
      await this.writes;
    }
  }

  /** Merges the saved rows of `resource` (older than anything it holds) into its history. */
  private restore(resource: Resource<any, any>): void {
    const chunks = this.saved.get(resource.key);
    this.saved.delete(resource.key);
    if (!chunks || this.closed) return;
    const history = resource.history;
    const oldest = history.firstTime ?? Infinity;
    const cutoff = this.now() - this.retentionMs;
    const rows: [number, Sample][] = [];
    for (const chunk of chunks) {
      const names = Object.keys(chunk.columns);
      for (let i = 0; i < chunk.times.length; i++) {
        const time = chunk.times[i]!;
        if (!(time >= cutoff && time < oldest)) continue;
        const sample: Sample = {};
        for (const name of names) sample[name] = chunk.columns[name]![i]!;
        rows.push([time, sample]);
      }
    }
    if (rows.length === 0) return;
    rows.sort((a, b) => a[0] - b[0]);
    const current: HistoryWindow = history.window();
    for (let i = 0; i < current.times.length; i++) {
      const sample: Sample = {};
      for (const [name, col] of Object.entries(current.columns)) sample[name] = col[i]!;
      rows.push([current.times[i]!, sample]);
    }
    // Rebuild in time order; the buffer's capacity keeps the newest rows (oldest dropped first).
    this.restoring = true;
    try {
      history.clear();
      history.appendMany(rows);
    } finally {
      this.restoring = false;
    }
  }
}
