import type { ReactiveController } from 'lit';
import type { SourceHost } from './source-host.js';
import type { Resource, ResourceDefinition } from '../resource.js';
import type { PharosSource } from '../source.js';

/**
 * Subscribes its host to one resource per parameter of a list, for a definition with a
 * parameter (e.g. one `/health/module/{name}` per module), and follows changes of the list
 * and of the source: resources that leave the list are unsubscribed, new ones subscribed.
 *
 * @example
 * private probes = new ResourceListController(this, moduleHealthResource, () => this.modules);
 * render() { for (const r of this.probes.resources) r.value.get(); … }
 */
export class ResourceListController<T, P> implements ReactiveController {
  private source?: PharosSource;
  /** Unsubscribe functions by resource key. */
  private readonly subscriptions = new Map<string, () => void>();
  private connected = false;

  constructor(
    private readonly host: SourceHost,
    private readonly definition: ResourceDefinition<T, P>,
    /** The parameters, re-read before each update; may read signals. An empty list subscribes to nothing. */
    private readonly params: () => readonly P[],
  ) {
    host.addController(this);
  }

  /** The resources, in the order of the parameters. */
  get resources(): readonly Resource<T, P>[] {
    return this.sync();
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribeAll();
  }

  private unsubscribeAll(): void {
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
  }

  private sync(): Resource<T, P>[] {
    const source = this.host.source;
    if (source !== this.source) {
      this.unsubscribeAll();
      this.source = source;
    }
    const resource = source.resource as (d: ResourceDefinition<T, P>, p: P) => Resource<T, P>;
    const next = this.params().map((p) => resource.call(source, this.definition, p));
    const keep = new Set(next.map((r) => r.key));
    for (const [key, unsubscribe] of this.subscriptions) {
      if (!keep.has(key)) {
        unsubscribe();
        this.subscriptions.delete(key);
      }
    }
    if (this.connected) {
      for (const r of next) if (!this.subscriptions.has(r.key)) this.subscriptions.set(r.key, r.subscribe());
    }
    return next;
  }
}
