import { Signal } from 'signal-polyfill';
import { isAbortError, toPharosError, type PharosError } from '../api/errors.js';
import type { ClientConfig } from '../api/http.js';
import { HistoryBuffer, type Sample } from './history.js';
import type { PharosSource } from './source.js';

/**
 * Describes one pollable endpoint: how to fetch it and which numbers to keep in history.
 * Definitions are plain constants (see `resources.ts`); a source makes one
 * {@link Resource} per definition and parameters.
 */
export interface ResourceDefinition<T, P = void> {
  /** Stable name, e.g. `monitoring/health`; with the parameters it keys the resource. */
  readonly name: string;
  /** Fetches and checks the value. Must honour `signal`. */
  fetch(config: ClientConfig, params: P, signal: AbortSignal): Promise<T>;
  /** The numbers to append to history after each successful poll. */
  sample?(value: T, params: P): Sample;
  /** Poll interval for this endpoint, overriding the source's. */
  readonly intervalMs?: number;
}

/** Lifecycle of a resource: `loading` only before the first answer; later polls keep `ok`/`error`. */
export type ResourceStatus = 'idle' | 'loading' | 'ok' | 'error';

/** Backoff after consecutive failures: 2 s, 4 s, 8 s … capped at 5 min, ±20 % jitter. */
export const BACKOFF = { baseMs: 2_000, maxMs: 300_000, jitter: 0.2 } as const;

/** Delay before retry number `failures` (1-based), given a random number in [0, 1). */
export function backoffDelay(failures: number, random: number, retryAfterMs = 0): number {
  const exp = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = exp * (1 - BACKOFF.jitter + 2 * BACKOFF.jitter * random);
  return Math.max(Math.round(jittered), retryAfterMs);
}

/** Name of the history series holding each request's client-observed latency. */
export const LATENCY_SERIES = 'latency_ms';
/** History series that is 1 for a failed attempt and 0 for a success (sum = failures in a window). */
export const FAILED_SERIES = 'failed';

/**
 * The shared, polled state of one endpoint in one source. Everything an element shows is
 * a signal here, so elements re-render on change without their own timers or fetches.
 */
export class Resource<T = unknown, P = unknown> {
  /** Last good value; kept through later failures. */
  readonly value = new Signal.State<T | undefined>(undefined);
  /** Error of the latest attempt, or null once an attempt succeeds. */
  readonly error = new Signal.State<PharosError | null>(null);
  /** See {@link ResourceStatus}. */
  readonly status = new Signal.State<ResourceStatus>('idle');
  /** True while a request is in flight. */
  readonly fetching = new Signal.State(false);
  /** When the latest attempt finished (success or failure), ms since epoch. */
  readonly fetchedAt = new Signal.State<number | null>(null);
  /** When the latest success finished. */
  readonly lastSuccessAt = new Signal.State<number | null>(null);
  /** Duration of the latest completed request in ms, as this browser saw it. */
  readonly latencyMs = new Signal.State<number | null>(null);
  /** When the next poll is due, or null when none is scheduled (paused, off, no subscribers). */
  readonly nextRefreshAt = new Signal.State<number | null>(null);
  /** Consecutive failures since the last success. */
  readonly failures = new Signal.State(0);
  /** True when the value shown is not from the latest attempt (it failed). */
  readonly stale = new Signal.Computed(() => this.value.get() !== undefined && this.error.get() !== null);
  /** Numeric history of this endpoint, plus each request's latency. */
  readonly history: HistoryBuffer;

  private subscribers = 0;
  private timer: unknown = undefined;
  private inflight: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private disposed = false;

  constructor(
    /** The source this resource belongs to. */
    readonly source: PharosSource,
    /** The endpoint definition. */
    readonly definition: ResourceDefinition<T, P>,
    /** Parameters passed to the fetcher. */
    readonly params: P,
    /** Unique key within the source. */
    readonly key: string,
  ) {
    this.history = new HistoryBuffer(source.historyCapacity(this.intervalMs));
  }

  /** This resource's poll interval. */
  get intervalMs(): number {
    return this.definition.intervalMs ?? this.source.intervalMs;
  }

  /** Number of current subscribers. */
  get subscriberCount(): number {
    return this.subscribers;
  }

  /**
   * Starts polling with the first subscriber; the returned function unsubscribes, and the
   * last one to leave stops the timer. Call it once per consumer.
   */
  subscribe(): () => void {
    this.subscribers++;
    if (this.subscribers === 1) this.resume();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.subscribers--;
      if (this.subscribers === 0) this.cancelTimer();
    };
  }

  /** Fetches now, sharing a request already in flight. Resolves when it settles. */
  refresh(): Promise<void> {
    if (this.inflight) return this.inflight;
    this.cancelTimer();
    this.inflight = (async () => {
      try {
        await this.run();
      } finally {
        this.inflight = null;
      }
      this.resume();
    })();
    return this.inflight;
  }

  /**
   * (Re)schedules according to the source's state: nothing when paused or unwatched,
   * at once when the data is older than the interval, else when it comes due.
   */
  resume(): void {
    if (this.disposed || this.subscribers === 0 || this.inflight) return;
    if (!this.source.shouldPoll()) {
      // Still load once so a newly shown element is never empty, even with auto-refresh off.
      if (this.lastSuccessAt.get() === null && this.fetchedAt.get() === null) this.schedule(0);
      else this.cancelTimer();
      return;
    }
    const last = this.fetchedAt.get();
    const failures = this.failures.get();
    const due =
      last === null ? 0 : failures > 0 ? this.retryDelay() - (this.source.clock.now() - last) : this.intervalMs - (this.source.clock.now() - last);
    this.schedule(Math.max(0, due));
  }

  /** Stops timers and aborts an in-flight request for good. */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.abort?.abort();
  }

  private retryDelay(): number {
    return backoffDelay(this.failures.get(), this.source.random(), this.error.get()?.retryAfterMs ?? 0);
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    const clock = this.source.clock;
    this.nextRefreshAt.set(clock.now() + delayMs);
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.source.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextRefreshAt.set(null);
  }

  private async run(): Promise<void> {
    const clock = this.source.clock;
    const started = clock.now();
    if (this.status.get() === 'idle') this.status.set('loading');
    this.fetching.set(true);
    const abort = new AbortController();
    this.abort = abort;
    try {
      const value = await this.definition.fetch(this.source.config, this.params, abort.signal);
      if (this.disposed) return;
      const now = clock.now();
      const latency = now - started;
      this.value.set(value);
      this.error.set(null);
      this.failures.set(0);
      this.status.set('ok');
      this.latencyMs.set(latency);
      this.fetchedAt.set(now);
      this.lastSuccessAt.set(now);
      let sample: Sample = {};
      try {
        sample = this.definition.sample?.(value, this.params) ?? {};
      } catch (error) {
        console.warn(`[pharos] could not sample ${this.key} for history`, error);
      }
      this.history.append(now, { ...sample, [LATENCY_SERIES]: latency, [FAILED_SERIES]: 0 });
    } catch (error) {
      if (this.disposed || isAbortError(error)) return;
      const now = clock.now();
      this.error.set(toPharosError(error));
      this.failures.set(this.failures.get() + 1);
      this.status.set('error');
      this.fetchedAt.set(now);
      this.latencyMs.set(now - started);
      // A failure row: every value series is a gap here, so charts break the line instead
      // of bridging an outage, and `failed` counts the failures in any window.
      this.history.append(now, { [FAILED_SERIES]: 1 });
    } finally {
      if (this.abort === abort) this.abort = null;
      this.fetching.set(false);
    }
  }
}
