/**
 * Request timings from the browser's network layer (Resource Timing), not from JavaScript
 * continuations: a continuation also counts this page's rendering and the browser's queue
 * of requests waiting for one of the six connections per host, which is the page's load,
 * not the backend's. Also the per-backend cap on concurrent requests that keeps that queue
 * short.
 */
import { translatable } from '../util/translatable.js';
import { inEnglish, type Sentence } from './errors.js';

/**
 * How a request's duration was measured, best first:
 * - `server`: `responseStart − requestStart` of its Resource Timing entry: from the request
 *   leaving the browser to the first byte of the answer (the backend's time plus one round
 *   trip). Needs a same-origin request or a `Timing-Allow-Origin` header.
 * - `network`: `responseEnd − startTime` of the entry: the whole request as the network layer
 *   saw it, connection set-up and download included (cross-origin without `Timing-Allow-Origin`).
 * - `page`: no entry was found (no Resource Timing, an instrumented fetch): from the call to
 *   when this page read the answer, so it includes the page's own delays.
 */
export type TimingMethod = 'server' | 'network' | 'page';

/** The measured duration of one request. */
export interface RequestTiming {
  /** Duration in milliseconds. */
  ms: number;
  /** How {@link RequestTiming.ms} was measured. */
  method: TimingMethod;
}

/** Numeric codes of the methods, for history series (`NaN` = unknown). */
export const TIMING_METHOD_CODE: Record<TimingMethod, number> = { page: 0, network: 1, server: 2 };

/** The method for a code of {@link TIMING_METHOD_CODE}, or null. */
export function timingMethodOf(code: number | null | undefined): TimingMethod | null {
  return code === 2 ? 'server' : code === 1 ? 'network' : code === 0 ? 'page' : null;
}

/** Requests in flight per backend origin at most: what HTTP/1.1 browsers open per host. */
export const MAX_CONCURRENT_PER_ORIGIN = 6;
/** How long to wait for a Resource Timing entry after the body was read (entries come a little later). */
const ENTRY_WAIT_MS = 250;
/** Entries the observer has seen and no request has claimed yet, kept at most. */
const MAX_UNCLAIMED = 200;

type Entry = PerformanceResourceTiming;
type Waiter = { url: string; since: number; resolve: (entry: Entry) => void };

const hasPerformance = () => typeof performance !== 'undefined' && typeof performance.now === 'function';
const waiters: Waiter[] = [];
const unclaimed: Entry[] = [];
let observing = false;

/**
 * Watches new entries with a PerformanceObserver instead of reading the page's timing
 * buffer alone: the buffer is bounded (250 entries by default) and belongs to the host page,
 * which may clear it; observers get every entry either way.
 */
function observe(): void {
  if (observing || typeof PerformanceObserver === 'undefined') return;
  if (!PerformanceObserver.supportedEntryTypes?.includes('resource')) return;
  observing = true;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Entry[]) {
      if (entry.initiatorType !== 'fetch') continue;
      const i = waiters.findIndex((w) => w.url === entry.name && entry.startTime >= w.since - 1);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(entry);
      else {
        unclaimed.push(entry);
        if (unclaimed.length > MAX_UNCLAIMED) unclaimed.shift();
      }
    }
  }).observe({ type: 'resource' });
}

function claim(url: string, since: number): Entry | undefined {
  const i = unclaimed.findIndex((e) => e.name === url && e.startTime >= since - 1);
  if (i >= 0) return unclaimed.splice(i, 1)[0];
  // Not seen by the observer yet: the page's buffer may already hold it.
  const buffered = performance.getEntriesByName(url, 'resource') as Entry[];
  return buffered.find((e) => e.initiatorType === 'fetch' && e.startTime >= since - 1 && e.responseEnd > 0);
}

function fromEntry(entry: Entry): RequestTiming {
  // requestStart/responseStart are 0 for a cross-origin answer without Timing-Allow-Origin.
  if (entry.requestStart > 0 && entry.responseStart >= entry.requestStart) {
    return { ms: entry.responseStart - entry.requestStart, method: 'server' };
  }
  return { ms: entry.responseEnd - entry.startTime, method: 'network' };
}

/**
 * Starts timing one request to `url`; call before `fetch`. `finish()`, called once the
 * answer was read, resolves with the network layer's figure when the browser records one,
 * else with the page-observed duration (honestly labelled `page`).
 */
export function startTiming(url: string): { finish(): Promise<RequestTiming> } {
  const started = hasPerformance() ? performance.now() : Date.now();
  if (!hasPerformance() || typeof performance.getEntriesByName !== 'function') {
    return { finish: async () => ({ ms: Date.now() - started, method: 'page' }) };
  }
  observe();
  const absolute = new URL(url, globalThis.location?.href).href;
  return {
    async finish() {
      const page: RequestTiming = { ms: performance.now() - started, method: 'page' };
      const found = claim(absolute, started);
      if (found) return fromEntry(found);
      if (!observing) return page;
      let waiter!: Waiter;
      const entry = await new Promise<Entry | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), ENTRY_WAIT_MS);
        waiter = {
          url: absolute,
          since: started,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        };
        waiters.push(waiter);
      });
      const i = waiters.indexOf(waiter);
      if (i >= 0) waiters.splice(i, 1);
      return entry ? fromEntry(entry) : page;
    },
  };
}

/** A counting semaphore: at most `size` holders, the rest wait in order. */
class Slots {
  private used = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.used++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.used--;
          this.queue.shift()?.();
        });
      };
      const onAbort = () => {
        const i = this.queue.indexOf(grant);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal!.reason);
      };
      if (this.used < this.size) return grant();
      this.queue.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

const slotsByOrigin = new Map<string, Slots>();

/**
 * Waits for one of the {@link MAX_CONCURRENT_PER_ORIGIN} request slots of the URL's origin
 * (shared by every source of this page), so a cycle of 30+ polls never bursts into the
 * browser's own connection queue. Resolves with the function that frees the slot.
 */
export function requestSlot(url: string, signal?: AbortSignal): Promise<() => void> {
  let origin: string;
  try {
    origin = new URL(url, globalThis.location?.href).origin;
  } catch {
    origin = url;
  }
  let slots = slotsByOrigin.get(origin);
  if (!slots) slotsByOrigin.set(origin, (slots = new Slots(MAX_CONCURRENT_PER_ORIGIN)));
  return slots.acquire(signal);
}

/**
 * How a set of latency figures was measured, for a note beside them (null when there are
 * none): `counts` holds how many figures each method produced. The UI words it with `inLanguage`.
 */
export function timingSentence(counts: Partial<Record<TimingMethod, number>>): Sentence | null {
  const network = (counts.server ?? 0) + (counts.network ?? 0);
  const page = counts.page ?? 0;
  if (network + page === 0) return null;
  if (page === 0) return [translatable('network timing (the browser’s Resource Timing)')];
  if (network === 0) return [translatable('page-observed (includes this page’s own delays)')];
  return [translatable('network timing for {0} of {1} requests, the rest page-observed'), String(network), String(network + page)];
}

/** {@link timingSentence} in English ('' when there are no figures). */
export function timingNote(counts: Partial<Record<TimingMethod, number>>): string {
  const sentence = timingSentence(counts);
  return sentence ? inEnglish(sentence) : '';
}
