/**
 * Binds an {@link AlertEngine} to a source: subscribes to the resources its rules watch
 * (through the store, so polling is shared with every element showing them) and feeds the
 * engine each new attempt as soon as it lands, in a microtask. Its only timer ends
 * silences on time (on the source's clock). It also keeps the tabs of the browser in step
 * ({@link CrossTab}): what one saves, the others adopt at once.
 */
import { Signal } from 'signal-polyfill';
import type { Resource } from '../store/resource.js';
import type { PharosSource } from '../store/source.js';
import { documentVisibility, type Visibility } from '../store/visibility.js';
import { CrossTab, type CrossTabOptions } from './cross-tab.js';
import { DEFAULT_RULES } from './default-rules.js';
import { mergeHistory } from './alert-history.js';
import { AlertEngine, targetKey } from './engine.js';
import { browserStorage, loadAlerts, saveAlerts, alertStorageKey, type AlertStorage } from './persistence.js';
import type { Alert, AlertRule, AlertTarget } from './types.js';

/** How to build an {@link AlertMonitor}. */
export interface AlertMonitorOptions {
  /** Rules to evaluate. Default {@link DEFAULT_RULES}. */
  rules?: readonly AlertRule[];
  /** Where history and preferences persist. Default `localStorage`; null keeps them in memory. */
  storage?: AlertStorage | null;
  /** Whether the page is visible (desktop notifications only go out while it is hidden). Default: the document's. */
  visibility?: Visibility;
  /** How tabs of the browser stay in step; false: this page alone. Default: BroadcastChannel and Web Locks where available. */
  crossTab?: CrossTabOptions | false;
}

interface Watched {
  readonly target: AlertTarget;
  readonly resource: Resource;
  readonly unsubscribe: () => void;
}

/**
 * The alerts of one source. Evaluates while at least one consumer is connected (ref-counted
 * like resources); the engine's alerts, history and preferences are signals.
 *
 * @example
 * const monitor = alertMonitorFor(source);
 * const release = monitor.connect();
 * monitor.engine.onFire((alert) => notify(alertMessage(alert))); // in English
 */
export class AlertMonitor {
  /** The rules engine with this source's alerts. */
  readonly engine: AlertEngine;
  /** Whether the page is visible. */
  readonly visibility: Visibility;
  /**
   * The link to the other tabs of this backend while anything is connected; null before,
   * after, or without storage or cross-tab sync. Closed with the last consumer, because an
   * open channel keeps the monitor (and its source) alive.
   */
  tabs: CrossTab | null = null;
  private readonly crossTab: CrossTabOptions | false;

  private readonly storage: AlertStorage | null;
  private silenceTimer: unknown = undefined;
  private silenceTimerAt: number | null = null;
  private readonly key: string;
  private consumers = 0;
  private watched = new Map<string, Watched>();
  private readonly list = new Signal.State<readonly Watched[]>([]);
  private readonly seen = new WeakMap<Resource, number>();
  /** Reads what should trigger a new pass: the preferences and each resource's latest attempt. */
  private readonly probe = new Signal.Computed(() => {
    this.engine.preferences.get();
    this.engine.silences.get();
    return this.list.get().map((w) => w.resource.fetchedAt.get());
  });
  private watcher?: InstanceType<typeof Signal.subtle.Watcher>;
  private queued = false;
  private readonly leads: object[] = [];

  constructor(
    /** The source whose resources are watched. */
    readonly source: PharosSource,
    options: AlertMonitorOptions = {},
  ) {
    this.storage = options.storage === undefined ? browserStorage() : options.storage;
    this.key = alertStorageKey(source.baseUrl);
    this.visibility = options.visibility ?? documentVisibility;
    const saved = loadAlerts(this.storage, this.key);
    this.engine = new AlertEngine({
      rules: options.rules ?? DEFAULT_RULES,
      preferences: saved.preferences,
      history: saved.history,
      active: saved.active,
      silences: saved.silences,
      shared: (ruleId) => this.sharedAlert(ruleId),
      onChange: () => this.save(),
    });
    this.crossTab = options.crossTab ?? {};
  }

  /** Takes in what the other tabs saved. */
  private adoptSaved(): void {
    this.engine.adopt(loadAlerts(this.storage, this.key), this.source.clock.now());
  }

  /**
   * True when this tab should speak (beep, notify, announce) for a newly firing alert: it
   * is not silenced, and no other tab of the browser has spoken for it.
   */
  async speaks(alert: Alert): Promise<boolean> {
    if (this.engine.silenceFor(alert, this.source.clock.now())) return false;
    return this.tabs ? this.tabs.claim(alert.id, this.source.clock.now()) : true;
  }

  /** Saves the engine's state, keeping what other tabs saved meanwhile in the history, and tells them. */
  private save(): void {
    const stored = this.storage ? loadAlerts(this.storage, this.key).history : [];
    saveAlerts(this.storage, this.key, {
      preferences: this.engine.preferences.get(),
      history: mergeHistory(this.engine.history.get(), stored, this.source.clock.now()),
      active: [...this.engine.active.get()],
      silences: [...this.engine.silences.get()],
    });
    this.tabs?.changed();
  }

  /** Another tab's active alert of a rule, from storage. */
  private sharedAlert(ruleId: string): Alert | undefined {
    if (!this.tabs) return undefined;
    return loadAlerts(this.storage, this.key).active.find((a) => a.ruleId === ruleId);
  }

  /** The resources being watched now (for "checked N s ago" and retries). A signal read. */
  get resources(): Resource[] {
    return this.list.get().map((w) => w.resource);
  }

  /** Each watched target with its resource. A signal read. */
  get watching(): { target: AlertTarget; resource: Resource }[] {
    return this.list.get().map(({ target, resource }) => ({ target, resource }));
  }

  /**
   * Starts watching with the first consumer. `lead` is an identity (an element) for
   * {@link AlertMonitor.isLead}. Returns the release function.
   */
  connect(lead?: object): () => void {
    this.consumers++;
    if (lead) this.leads.push(lead);
    if (this.consumers === 1) {
      if (this.storage && this.crossTab !== false) {
        this.tabs = new CrossTab(this.key, this.storage, this.crossTab);
        this.tabs.listen(() => this.adoptSaved());
        this.adoptSaved(); // what other tabs did while this one was not listening
      }
      this.watcher = new Signal.subtle.Watcher(() => this.schedule());
      this.watcher.watch(this.probe);
      this.process();
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.consumers--;
      if (lead) this.leads.splice(this.leads.indexOf(lead), 1);
      if (this.consumers === 0) this.stop();
    };
  }

  /**
   * True for the first connected consumer still connected: only it announces, beeps and
   * fires `pharos-alert`, so two alert views on one page do not say everything twice.
   */
  isLead(consumer: object): boolean {
    return this.leads[0] === consumer;
  }

  /** Refreshes every watched resource now. */
  async refresh(): Promise<void> {
    await Promise.all(this.resources.map((r) => r.refresh()));
  }

  private schedule(): void {
    // Called while a signal is being set: no reads or writes here, only a microtask.
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => this.process());
  }

  private process(): void {
    this.queued = false;
    if (this.consumers === 0) return;
    this.sync();
    for (const { target, resource } of this.list.get()) {
      const at = resource.fetchedAt.get();
      if (at === null || this.seen.get(resource) === at) continue;
      this.seen.set(resource, at);
      const error = resource.error.get();
      this.engine.update(target, {
        value: resource.value.get(),
        ok: error === null,
        at,
        failures: resource.failures.get(),
        error,
        history: resource.history,
        intervalMs: resource.intervalMs,
      });
    }
    this.scheduleSilenceEnd();
    this.probe.get();
    this.watcher?.watch();
  }

  /** One timer, on the source's clock, for the next silence to end by itself. */
  private scheduleSilenceEnd(): void {
    const now = this.source.clock.now();
    this.engine.expireSilences(now);
    const next = this.engine.nextSilenceEnd();
    if (next === this.silenceTimerAt) return;
    if (this.silenceTimer !== undefined) this.source.clock.clearTimeout(this.silenceTimer);
    this.silenceTimer = undefined;
    this.silenceTimerAt = next;
    if (next === null) return;
    this.silenceTimer = this.source.clock.setTimeout(() => {
      this.silenceTimer = undefined;
      this.silenceTimerAt = null;
      this.engine.expireSilences(this.source.clock.now());
      this.schedule();
    }, next - now);
  }

  /** Subscribes to the targets of enabled rules, and lets go of the others. */
  private sync(): void {
    const next = new Map<string, Watched>();
    for (const target of this.engine.targets()) {
      const key = targetKey(target);
      const resource = (this.source.resource as (d: unknown, p?: unknown) => Resource).call(this.source, target.definition, target.params);
      const existing = this.watched.get(key);
      if (existing && existing.resource === resource) next.set(key, existing);
      else next.set(key, { target, resource, unsubscribe: resource.subscribe() });
    }
    for (const [key, w] of this.watched) if (next.get(key) !== w) w.unsubscribe();
    const changed = next.size !== this.watched.size || [...next.values()].some((w) => this.watched.get(targetKey(w.target)) !== w);
    this.watched = next;
    if (changed) this.list.set([...next.values()]);
  }

  private stop(): void {
    this.tabs?.close();
    this.tabs = null;
    if (this.silenceTimer !== undefined) this.source.clock.clearTimeout(this.silenceTimer);
    this.silenceTimer = undefined;
    this.silenceTimerAt = null;
    this.watcher?.unwatch(this.probe);
    this.watcher = undefined;
    for (const w of this.watched.values()) w.unsubscribe();
    this.watched.clear();
    this.list.set([]);
  }
}
