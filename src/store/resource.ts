/**
 * One pollable endpoint: its definition (`ResourceDefinition`), its poll schedule and
 * backoff, and `Resource`, which holds its signals and history and runs its polls. It
 * stays one file over 400 lines because `Resource` is one small state machine (idle, due,
 * in flight, backing off, following another page) whose schedule, fetch and answer read
 * and set the same few fields; split, each part would reach into the others' state. What
 * it needs of the source and of the sharing is behind two narrow interfaces here
 * (`ResourceHost`, `ResourceSharing`).
 */
import { Signal } from 'signal-polyfill';
import { isAbortError, toPharosError, type PharosError } from '../api/errors.js';
import type { ClientConfig } from '../api/http.js';
import { TIMING_METHOD_CODE, type RequestTiming, type TimingMethod } from '../api/timing.js';
import { HistoryBuffer, type Sample } from './history.js';
import type { Clock } from './clock.js';

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
  /**
   * True when its requests go elsewhere than the Pharos backend (e.g. to Prometheus): its
   * history is not saved with the backend's, nor its latency counted as the backend's.
   */
  readonly external?: boolean;
  /**
   * Polled once per browser when pages share (see `cross-tab.ts`): the leading page polls it
   * for every page that shows it. Such a definition must be registered with
   * {@link shareDefinition}, so a leading page that does not show it can still poll it.
   */
  readonly shared?: boolean;
}

const sharedDefinitions = new Map<string, ResourceDefinition<any, any>>();

/**
 * Marks a definition as pollable for other pages and registers it by name. Definitions
 * whose params are JSON and whose values are structured-cloneable only.
 */
export function shareDefinition<T, P>(definition: ResourceDefinition<T, P>): ResourceDefinition<T, P> {
  const shared = { ...definition, shared: true };
  sharedDefinitions.set(definition.name, shared);
  return shared;
}

/** The shared definition registered under `name`, if any. */
export function sharedDefinition(name: string): ResourceDefinition<any, any> | undefined {
  return sharedDefinitions.get(name);
}

/** The key of a resource within its source: the definition's name, then the parameters as JSON. */
export function resourceKey(name: string, params: unknown): string {
  return params === undefined ? name : `${name}?${JSON.stringify(params)}`;
}

/** A number in [0, 1) fixed by `text` (FNV-1a), to place a resource's polls in the interval. */
export function stableFraction(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** Polls of one resource never come closer than this after an off-slot refresh. */
const MIN_SLOT_GAP_MS = 1_000;

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

/**
 * Name of the history series holding each request's latency: the network layer's figure
 * when the browser records one (see `TimingMethod`); {@link TIMING_SERIES} says which.
 */
export const LATENCY_SERIES = 'latency_ms';
/** History series with the `TIMING_METHOD_CODE` of each row's latency (2 server, 1 network, 0 page). */
export const TIMING_SERIES = 'latency_method';
/** History series that is 1 for a failed attempt and 0 for a success (sum = failures in a window). */
export const FAILED_SERIES = 'failed';

/** What a page does in its sharing group: still electing, polling for all, or rendering the leader's broadcasts. */
export type ShareRole = 'pending' | 'leader' | 'follower';

/** What a resource asks of the sharing with other pages (see `sharing/`). @internal */
export interface ResourceSharing {
  /** This page's part in the group. */
  readonly role: ShareRole;
  /** True when this following page polls `key` itself, because the leader cannot. */
  pollsHere(key: string): boolean;
  /** The resources this page shows (or its polling wish) changed. */
  interestChanged(): void;
  /** Broadcasts an answer this (leading) page fetched. */
  publish(resource: Resource<any, any>, answer: ResourceAnswer<unknown>, row: readonly [number, Sample]): void;
  /** Asks the leader to fetch `resource` now; resolves when its answer arrives. */
  requestRefresh(resource: Resource<any, any>): Promise<void>;
}

/**
 * What a resource needs of the source that owns it (`PharosSource` implements it): the
 * client settings, the clock, and the source-wide state that decides whether to poll.
 */
export interface ResourceHost {
  /** What the API client needs. */
  readonly config: ClientConfig;
  /** The source's poll interval, for definitions without their own. */
  readonly intervalMs: number;
  /** Timers and the time. */
  readonly clock: Clock;
  /** Random numbers in [0, 1), for backoff jitter. */
  readonly random: () => number;
  /** Whether polls are spread over the interval. */
  readonly spreadPolls: boolean;
  /** Set once an answer came from a read-only view of the backend. */
  readonly readOnly: { set(value: boolean): void };
  /** The sharing with other pages, or null when this page polls alone. */
  readonly sharing: ResourceSharing | null;
  /** True when timers should run now. */
  shouldPoll(): boolean;
  /** History rows to keep for a given interval. */
  historyCapacity(intervalMs: number): number;
}

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
  /** Duration of the latest completed request in ms (see {@link Resource.latencyMethod}). */
  readonly latencyMs = new Signal.State<number | null>(null);
  /** How {@link Resource.latencyMs} was measured, or null before the first answer. */
  readonly latencyMethod = new Signal.State<TimingMethod | null>(null);
  /** When the next poll is due, or null when none is scheduled (paused, off, no subscribers). */
  readonly nextRefreshAt = new Signal.State<number | null>(null);
  /** Consecutive failures since the last success. */
  readonly failures = new Signal.State(0);
  /** True when the value shown is not from the latest attempt (it failed). */
  readonly stale = new Signal.Computed(() => this.value.get() !== undefined && this.error.get() !== null);
  /** Numeric history of this endpoint, plus each request's latency. */
  readonly history: HistoryBuffer;

  /** Where in each interval this resource polls, as a fraction (stable per key, so polls spread out). */
  readonly phase: number;

  private subscribers = 0;
  private timer: unknown = undefined;
  private inflight: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private disposed = false;

  constructor(
    /** The source this resource belongs to, as far as the resource needs it. */
    private readonly source: ResourceHost,
    /** The endpoint definition. */
    readonly definition: ResourceDefinition<T, P>,
    /** Parameters passed to the fetcher. */
    readonly params: P,
    /** Unique key within the source. */
    readonly key: string,
  ) {
    this.history = new HistoryBuffer(source.historyCapacity(this.intervalMs));
    this.phase = stableFraction(key);
  }

  /** True when another page polls this resource and this one renders its broadcasts. */
  get following(): boolean {
    return this.definition.shared === true && this.source.sharing?.role === 'follower' && !this.source.sharing.pollsHere(this.key);
  }

  /** True while the source is still finding out whether another page polls for it. */
  private get waiting(): boolean {
    return this.definition.shared === true && this.source.sharing?.role === 'pending';
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
    if (this.subscribers === 1) {
      this.resume();
      this.source.sharing?.interestChanged();
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.subscribers--;
      if (this.subscribers === 0) {
        this.cancelTimer();
        this.source.sharing?.interestChanged();
      }
    };
  }

  /**
   * Fetches now, sharing a request already in flight. Resolves when it settles. In a page
   * that follows, the leading page fetches and this resolves when its answer arrives.
   */
  refresh(): Promise<void> {
    if (this.inflight) return this.inflight;
    this.cancelTimer();
    const sharing = this.source.sharing;
    const work = this.following && sharing ? () => this.viaLeader(sharing.requestRefresh(this)) : () => this.run();
    this.inflight = (async () => {
      try {
        await work();
      } finally {
        this.inflight = null;
      }
      this.resume();
    })();
    return this.inflight;
  }

  private async viaLeader(answered: Promise<void>): Promise<void> {
    this.fetching.set(true);
    try {
      await answered;
    } finally {
      this.fetching.set(false);
    }
  }

  /**
   * (Re)schedules according to the source's state: nothing when paused or unwatched,
   * at once when the data is older than the interval, else at this resource's next slot.
   * A page that follows only shows when the leader's next poll is due.
   */
  resume(): void {
    if (this.disposed || this.subscribers === 0 || this.inflight || this.waiting) return;
    const due = this.dueAt();
    if (this.following) {
      this.cancelTimer();
      this.nextRefreshAt.set(due);
      return;
    }
    if (due === null) this.cancelTimer();
    else this.schedule(Math.max(0, due - this.source.clock.now()));
  }

  /** Starts at once when due now (the first poll after the source found its role), else schedules. */
  start(): void {
    if (this.disposed || this.subscribers === 0 || this.inflight || this.waiting || this.following) return this.resume();
    const due = this.dueAt();
    if (due !== null && due <= this.source.clock.now()) void this.refresh();
    else this.resume();
  }

  /**
   * When the next poll is due, or null when none should run. Polls land on slots
   * `phase × interval + k × interval` (wall-clock time, the same in every page), so the
   * resources of a source spread over the interval instead of firing together, and a page
   * taking over from another polls when the other would have. The first poll is at once.
   */
  private dueAt(): number | null {
    const last = this.fetchedAt.get();
    const now = this.source.clock.now();
    if (!this.source.shouldPoll()) {
      // Still load once so a newly shown element is never empty, even with auto-refresh off.
      return this.lastSuccessAt.get() === null && last === null ? now : null;
    }
    if (last === null) return now;
    if (this.failures.get() > 0) return last + this.retryDelay();
    const interval = this.intervalMs;
    if (!this.source.spreadPolls) return last + interval;
    const offset = this.phase * interval;
    // The latest slot at most one interval after the last answer.
    let slot = last + interval - ((((last + interval - offset) % interval) + interval) % interval);
    if (slot - last < Math.min(MIN_SLOT_GAP_MS, interval / 2)) slot += interval;
    return slot;
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
    const timings: RequestTiming[] = [];
    let readOnly = false;
    const marked = (answer: ResourceAnswer<T>): ResourceAnswer<T> => (readOnly ? { ...answer, readOnly } : answer);
    const config: ClientConfig = {
      ...this.source.config,
      onTiming: (t) => timings.push(t),
      onReadOnly: () => {
        readOnly = true;
        this.source.config.onReadOnly?.();
      },
    };
    // The network layer's figure when every request of the fetch has one; else what the page saw.
    const latency = (now: number): RequestTiming =>
      timings.length === 0
        ? { ms: now - started, method: 'page' }
        : {
            ms: timings.reduce((sum, t) => sum + t.ms, 0),
            method: timings.reduce<TimingMethod>((worst, t) => (TIMING_METHOD_CODE[t.method] < TIMING_METHOD_CODE[worst] ? t.method : worst), 'server'),
          };
    try {
      const value = await this.definition.fetch(config, this.params, abort.signal);
      if (this.disposed) return;
      const now = clock.now();
      const timing = latency(now);
      let sample: Sample = {};
      try {
        sample = this.definition.sample?.(value, this.params) ?? {};
      } catch (error) {
        console.warn(`[pharos] could not sample ${this.key} for history`, error);
      }
      this.apply(
        marked({ value, error: null, fetchedAt: now, latencyMs: timing.ms, latencyMethod: timing.method }),
        [now, { ...sample, [LATENCY_SERIES]: timing.ms, [TIMING_SERIES]: TIMING_METHOD_CODE[timing.method], [FAILED_SERIES]: 0 }],
      );
    } catch (error) {
      if (this.disposed || isAbortError(error)) return;
      const now = clock.now();
      const timing = latency(now);
      // A failure row: every value series is a gap here, so charts break the line instead
      // of bridging an outage, and `failed` counts the failures in any window.
      this.apply(
        marked({ error: toPharosError(error), fetchedAt: now, latencyMs: timing.ms, latencyMethod: timing.method }),
        [now, { [FAILED_SERIES]: 1 }],
      );
    } finally {
      if (this.abort === abort) this.abort = null;
      this.fetching.set(false);
    }
  }

  /** Sets the signals for one answer, appends its history row, and lets other pages know. */
  private apply(answer: ResourceAnswer<T>, row: readonly [number, Sample] | null, replicated = false): void {
    if (answer.error === null) {
      this.value.set(answer.value);
      this.error.set(null);
      this.failures.set(0);
      this.status.set('ok');
      this.lastSuccessAt.set(answer.fetchedAt);
    } else {
      this.error.set(answer.error);
      this.failures.set(this.failures.get() + 1);
      this.status.set('error');
    }
    this.latencyMs.set(answer.latencyMs);
    this.latencyMethod.set(answer.latencyMethod);
    this.fetchedAt.set(answer.fetchedAt);
    if (row) this.history.append(row[0], row[1], replicated);
    if (!replicated && row && this.definition.shared) this.source.sharing?.publish(this, answer, row);
  }

  /**
   * Shows an answer the leading page broadcast: the same signals and history row as if
   * this page had fetched it (the row is marked replicated, so it is not saved twice).
   * `row` is null when this page already holds it (restored from saved history).
   */
  applyShared(answer: ResourceAnswer<T>, row: readonly [number, Sample] | null): void {
    if (this.disposed) return;
    const last = this.fetchedAt.get();
    // An answer this page already shows (a snapshot after a broadcast, two leaders for a moment).
    if (last !== null && answer.fetchedAt <= last) return;
    this.apply(answer, row, true);
    // The leading page heard it from the relay; this page's action elements must know too.
    if (answer.readOnly) this.source.readOnly.set(true);
    if (answer.error === null) this.failures.set(0);
    else this.failures.set(answer.failures ?? this.failures.get());
    this.resume();
  }
}

/** One answer of a resource, as applied here and broadcast to other pages. */
export type ResourceAnswer<T> = {
  /** When the answer arrived (ms since the epoch). */
  fetchedAt: number;
  /** The request's duration. */
  latencyMs: number;
  /** How `latencyMs` was measured. */
  latencyMethod: TimingMethod;
  /** Consecutive failures at the leading page, for its followers' display. */
  failures?: number;
  /** Set when the answer came from a read-only view of the backend (a Pharos relay). */
  readOnly?: boolean;
} & ({ value: T; error: null } | { value?: undefined; error: PharosError });
