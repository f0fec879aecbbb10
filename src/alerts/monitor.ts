/**
 * Binds an {@link AlertEngine} to a source: subscribes to the resources its rules watch
 * (through the store, so polling is shared with every element showing them) and feeds the
 * engine each new attempt as soon as it lands, in a microtask. No timer of its own.
 */
import { Signal } from 'signal-polyfill';
import type { Resource } from '../store/resource.js';
import type { PharosSource } from '../store/source.js';
import { DEFAULT_RULES } from './default-rules.js';
import { AlertEngine, targetKey } from './engine.js';
import { browserStorage, loadAlerts, saveAlerts, alertStorageKey, type AlertStorage } from './persistence.js';
import type { AlertRule, AlertTarget } from './types.js';

/** How to build an {@link AlertMonitor}. */
export interface AlertMonitorOptions {
  /** Rules to evaluate. Default {@link DEFAULT_RULES}. */
  rules?: readonly AlertRule[];
  /** Where history and preferences persist. Default `localStorage`; null keeps them in memory. */
  storage?: AlertStorage | null;
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
 * monitor.engine.onFire((alert) => notify(alert.message));
 */
export class AlertMonitor {
  /** The rules engine with this source's alerts. */
  readonly engine: AlertEngine;

  private readonly storage: AlertStorage | null;
  private readonly key: string;
  private consumers = 0;
  private watched = new Map<string, Watched>();
  private readonly list = new Signal.State<readonly Watched[]>([]);
  private readonly seen = new WeakMap<Resource, number>();
  /** Reads what should trigger a new pass: the preferences and each resource's latest attempt. */
  private readonly probe = new Signal.Computed(() => {
    this.engine.preferences.get();
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
    const saved = loadAlerts(this.storage, this.key);
    this.engine = new AlertEngine({
      rules: options.rules ?? DEFAULT_RULES,
      preferences: saved.preferences,
      history: saved.history,
      active: saved.active,
      onChange: () =>
        saveAlerts(this.storage, this.key, {
          preferences: this.engine.preferences.get(),
          history: [...this.engine.history.get()],
          active: [...this.engine.active.get()],
        }),
    });
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
    this.probe.get();
    this.watcher?.watch();
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
    this.watcher?.unwatch(this.probe);
    this.watcher = undefined;
    for (const w of this.watched.values()) w.unsubscribe();
    this.watched.clear();
    this.list.set([]);
  }
}
