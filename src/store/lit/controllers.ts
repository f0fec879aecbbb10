import type { ReactiveController } from 'lit';
import { ResourceListController } from './resource-list-controller.js';
import type { Resource, ResourceDefinition } from '../resource.js';
import type { PharosSource } from '../source.js';
import type { SourceHost } from './source-host.js';

export type { SourceHost } from './source-host.js';

/**
 * Subscribes its host to one resource while connected: the shared poll starts with the
 * first subscriber anywhere on the page and stops with the last. Follows changes of source
 * (a new `<pharos-source>`, a new `base-url`) and of parameters (e.g. the time range).
 *
 * @example
 * private health = new ResourceController(this, healthResource);
 * render() { const report = this.health.resource.value.get(); … }
 */
export class ResourceController<T, P = void> {
  private readonly list: ResourceListController<T, P>;

  constructor(
    host: SourceHost,
    definition: ResourceDefinition<T, P>,
    /** Parameters, re-read before each update; may read signals. */
    params?: () => P,
  ) {
    this.list = new ResourceListController(host, definition, () => [params?.() as P]);
  }

  /** The resource for the host's current source and parameters. */
  get resource(): Resource<T, P> {
    return this.list.resources[0]!;
  }
}

/**
 * Keeps the source's one-second tick running while the host is connected, for live
 * "N s ago" labels and countdowns. Read `source.now.get()` in render.
 */
export class TickController implements ReactiveController {
  private unsubscribe?: () => void;
  private source?: PharosSource;

  constructor(private readonly host: SourceHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.source = undefined;
  }

  private sync(): void {
    // A disconnected host still updates when a signal it read changes: a tick started then
    // would never stop, on a source that may have been disposed of.
    if (!this.host.isConnected) return;
    if (this.source === this.host.source && this.unsubscribe) return;
    this.unsubscribe?.();
    this.source = this.host.source;
    this.unsubscribe = this.source.subscribeTicks();
  }
}
