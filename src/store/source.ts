import { Signal } from 'signal-polyfill';
import { DEFAULT_TIMEOUT_MS, type ClientConfig, type TokenSource } from '../api/http.js';
import { systemClock, type Clock } from './clock.js';
import { Resource, resourceKey, type ResourceDefinition, type ResourceHost } from './resource.js';
import { canShare, type Sharing, type SharingHost } from './sharing/sharing.js';
import { SoloShare } from './sharing/solo-share.js';
import { isTimeRange, type TimeRange } from './time-range.js';
import { documentVisibility, type Visibility } from './visibility.js';

/** How to build a {@link PharosSource}. */
export interface SourceOptions {
  /** Backend origin (and optional prefix). `''` = this page's origin. */
  baseUrl: string;
  /** Bearer token or provider; never exposed by the source. */
  token?: TokenSource;
  /** Poll interval in ms. Default 30 000. */
  intervalMs?: number;
  /** Whether polling runs on its own. Default true. */
  autoRefresh?: boolean;
  /** Keep polling while the page is hidden (wall displays). Default false. */
  pollWhenHidden?: boolean;
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs?: number;
  /** Initial time range. Default `1h`. */
  timeRange?: TimeRange;
  /** Prometheus-compatible history endpoint, when the team has one. */
  prometheusUrl?: string;
  /** fetch implementation (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Clock and timers (tests). */
  clock?: Clock;
  /** Page visibility (tests). */
  visibility?: Visibility;
  /** Random numbers in [0, 1) for backoff jitter (tests). */
  random?: () => number;
  /** Keeps history across page loads (e.g. `new IndexedDbHistory()`). Default: none. */
  persistence?: HistoryPersistence;
  /**
   * Share one poller with the other pages of this browser that show the same backend with
   * the same token and interval (see `cross-tab.ts`). Default true; ignored where the
   * browser cannot (no Web Locks or BroadcastChannel, not a secure context).
   */
  share?: boolean;
  /**
   * Spread polls over the interval, each resource at its own stable offset. Default true;
   * false polls exactly one interval after each answer.
   */
  spreadPolls?: boolean;
}

/**
 * Saves and restores a source's history (see `IndexedDbHistory`). The source calls
 * `open` once, `attach` for each resource it creates, and `close` when disposed.
 */
export interface HistoryPersistence {
  /** Starts loading the source's saved history. */
  open(source: PharosSource): void;
  /** Restores the resource's saved rows into its history, then records its new rows. */
  attach(resource: Resource<any, any>): void;
  /** Deletes everything saved for the source. */
  clear(): Promise<void>;
  /** Writes what is pending and stops. */
  close(): void;
}

/** Default poll interval: 30 s. */
export const DEFAULT_INTERVAL_MS = 30_000;
const WEEK_MS = 7 * 24 * 3_600_000;
/** History rows kept per resource at most, whatever the interval (memory bound). */
export const MAX_HISTORY_ROWS = 60_480;

/**
 * One backend and everything polled from it: a resource per endpoint and parameters, one
 * timer per resource, shared by every element that shows it. Also holds the dashboard-wide
 * state (time range, auto-refresh, a ticking clock for "N s ago").
 *
 * @example
 * const source = new PharosSource({ baseUrl: 'https://pharos.onrender.com', token: () => getToken() });
 * const health = source.resource(healthResource);
 * const stop = health.subscribe();
 * health.value.get(); // HealthReport | undefined
 */
export class PharosSource implements ResourceHost, SharingHost {
  /** What the API client needs; the token stays inside. */
  readonly config: ClientConfig;
  /** Default poll interval of this source. */
  readonly intervalMs: number;
  /** Keep polling while hidden. */
  readonly pollWhenHidden: boolean;
  /** Prometheus-compatible history endpoint, if any. */
  readonly prometheusUrl: string | null;
  /** Clock used for timers and ages. */
  readonly clock: Clock;
  /** Random source for jitter. */
  readonly random: () => number;
  /** Selected time range, shared by every element of the source. */
  readonly timeRange: Signal.State<TimeRange>;
  /** The current time, ticking each second while someone subscribes to ticks. */
  readonly now: Signal.State<number>;
  /** Where history is saved across page loads, if anywhere. */
  readonly persistence: HistoryPersistence | null;
  /**
   * The sharing with other pages of this browser, or null when this page polls alone.
   * Starts as a `SoloShare` and becomes a `CrossTabShare` when another page of the group appears.
   */
  get sharing(): Sharing | null {
    return this.share;
  }
  /** Whether polls are spread over the interval (see {@link SourceOptions.spreadPolls}). */
  readonly spreadPolls: boolean;
  /**
   * True once an answer came from a read-only view of the backend (a Pharos relay): elements
   * that act (queue, re-index, generate) then show a read-only state instead of their forms.
   */
  readonly readOnly = new Signal.State(false);

  private share: Sharing | null;
  private readonly auto: Signal.State<boolean>;
  private readonly visible: Signal.State<boolean>;
  private readonly resources = new Map<string, Resource<any, any>>();
  private readonly resourceCount = new Signal.State(0);
  private readonly stopVisibility: () => void;
  private tickers = 0;
  private tickTimer: unknown = undefined;

  constructor(options: SourceOptions) {
    this.config = {
      baseUrl: options.baseUrl,
      token: options.token,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: options.fetch,
      onReadOnly: () => this.readOnly.set(true),
    };
    this.intervalMs = options.intervalMs && options.intervalMs > 0 ? options.intervalMs : DEFAULT_INTERVAL_MS;
    this.pollWhenHidden = options.pollWhenHidden ?? false;
    this.prometheusUrl = options.prometheusUrl || null;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.timeRange = new Signal.State<TimeRange>(isTimeRange(options.timeRange) ? options.timeRange : '1h');
    this.now = new Signal.State(this.clock.now());
    this.auto = new Signal.State(options.autoRefresh ?? true);
    const visibility = options.visibility ?? documentVisibility;
    this.visible = new Signal.State(visibility.isVisible());
    this.stopVisibility = visibility.subscribe((visible) => {
      this.visible.set(visible);
      this.resumeAll();
      this.sharing?.visibilityChanged();
    });
    this.spreadPolls = options.spreadPolls ?? true;
    this.persistence = options.persistence ?? null;
    this.share = (options.share ?? true) && canShare() ? new SoloShare(this, options.token, (next) => (this.share = next)) : null;
    this.persistence?.open(this);
  }

  /** The backend this source talks to. */
  get baseUrl(): string {
    return this.config.baseUrl;
  }

  /** Whether auto-refresh is on (a signal read). */
  get autoRefresh(): boolean {
    return this.auto.get();
  }

  /**
   * Turns auto-refresh on (catching up on anything overdue) or off (timers stop), in every
   * page that shares this source's poller.
   */
  setAutoRefresh(on: boolean): void {
    if (this.auto.get() === on) return;
    this.applyAutoRefresh(on);
    this.sharing?.announceAutoRefresh(on);
  }

  /** Sets auto-refresh as another page of the group switched it (no broadcast). @internal */
  applyAutoRefresh(on: boolean): void {
    if (this.auto.get() === on) return;
    this.auto.set(on);
    this.resumeAll();
  }

  /** Selects the time range every element of this source shows. */
  setTimeRange(range: TimeRange): void {
    this.timeRange.set(range);
  }

  /** True when timers should run now: auto-refresh on and this page or another of its group watched. */
  shouldPoll(): boolean {
    return this.auto.get() && (this.wantsPolling() || (this.sharing?.peersWantPolling() ?? false));
  }

  /** True when this page wants polling: visible, or asked to poll while hidden. */
  wantsPolling(): boolean {
    return this.visible.get() || this.pollWhenHidden;
  }

  /** History rows to keep for a given interval: 7 days' worth, bounded. */
  historyCapacity(intervalMs: number): number {
    return Math.min(MAX_HISTORY_ROWS, Math.ceil(WEEK_MS / intervalMs) + 1);
  }

  /** The shared resource for a definition and parameters, created on first use. */
  resource<T, P>(definition: ResourceDefinition<T, P>, ...params: P extends void ? [] : [P]): Resource<T, P> {
    const p = params[0] as P;
    const key = resourceKey(definition.name, p);
    let resource = this.resources.get(key) as Resource<T, P> | undefined;
    if (!resource) {
      resource = new Resource(this, definition, p, key);
      this.resources.set(key, resource);
      this.resourceCount.set(this.resources.size);
      this.persistence?.attach(resource);
    }
    return resource;
  }

  /** Every resource created so far (a signal read: changes when one is added). */
  allResources(): Resource<any, any>[] {
    this.resourceCount.get();
    return [...this.resources.values()];
  }

  /** Resources with at least one subscriber. */
  activeResources(): Resource<any, any>[] {
    return this.allResources().filter((r) => r.subscriberCount > 0);
  }

  /** Refreshes every watched resource now (the header's refresh button). */
  async refresh(): Promise<void> {
    await Promise.all(this.activeResources().map((r) => r.refresh()));
  }

  /** When the next poll is due across all watched resources, or null. */
  readonly nextRefreshAt = new Signal.Computed(() => {
    let next: number | null = null;
    for (const r of this.allResources()) {
      const at = r.nextRefreshAt.get();
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  });

  /** When any watched resource last succeeded, or null. */
  readonly lastUpdatedAt = new Signal.Computed(() => {
    let last: number | null = null;
    for (const r of this.allResources()) {
      const at = r.lastSuccessAt.get();
      if (at !== null && (last === null || at > last)) last = at;
    }
    return last;
  });

  /** True while any request of this source is in flight. */
  readonly fetching = new Signal.Computed(() => this.allResources().some((r) => r.fetching.get()));

  /**
   * Starts the one-second tick that drives {@link PharosSource.now} ("12 s ago",
   * countdowns). Counted like resources: the last unsubscribe stops it.
   */
  subscribeTicks(): () => void {
    this.tickers++;
    if (this.tickers === 1) this.tick();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.tickers--;
      if (this.tickers === 0 && this.tickTimer !== undefined) {
        this.clock.clearTimeout(this.tickTimer);
        this.tickTimer = undefined;
      }
    };
  }

  private tick(): void {
    const now = this.clock.now();
    this.now.set(now);
    // Align to whole seconds so every "N s ago" on the page changes together.
    this.tickTimer = this.clock.setTimeout(() => this.tick(), 1000 - (now % 1000));
  }

  /** Reschedules every resource after a change of state (visibility, auto-refresh, peers). @internal */
  resumeAll(): void {
    for (const r of this.resources.values()) r.resume();
  }

  /** The page's role in its sharing group changed: start what is due, stop what another page now polls. @internal */
  roleChanged(): void {
    for (const r of this.resources.values()) r.start();
  }

  /** Stops every timer and request; the source cannot be used afterwards. */
  dispose(): void {
    this.stopVisibility();
    for (const r of this.resources.values()) r.dispose();
    this.sharing?.dispose();
    if (this.tickTimer !== undefined) this.clock.clearTimeout(this.tickTimer);
    this.tickers = 0;
    this.persistence?.close();
  }
}
