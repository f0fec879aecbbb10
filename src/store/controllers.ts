import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Resource, ResourceDefinition } from './resource.js';
import type { PharosSource } from './source.js';

/** An element that knows which source it reads from (see `PharosElement`). */
export interface SourceHost extends ReactiveControllerHost {
  readonly source: PharosSource;
}

/**
 * Subscribes its host to one resource while connected: the shared poll starts with the
 * first subscriber anywhere on the page and stops with the last. Follows changes of source
 * (a new `<pharos-source>`, a new `base-url`) and of parameters (e.g. the time range).
 *
 * @example
 * private health = new ResourceController(this, healthResource);
 * render() { const report = this.health.resource.value.get(); … }
 */
export class ResourceController<T, P = void> implements ReactiveController {
  private current?: Resource<T, P>;
  private unsubscribe?: () => void;
  private connected = false;

  constructor(
    private readonly host: SourceHost,
    private readonly definition: ResourceDefinition<T, P>,
    /** Parameters, re-read before each update; may read signals. */
    private readonly params?: () => P,
  ) {
    host.addController(this);
  }

  /** The resource for the host's current source and parameters. */
  get resource(): Resource<T, P> {
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
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private sync(): Resource<T, P> {
    const params = this.params?.() as P;
    const next = (this.host.source.resource as (d: ResourceDefinition<T, P>, p?: P) => Resource<T, P>).call(
      this.host.source,
      this.definition,
      params,
    );
    if (next !== this.current) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.current = next;
    }
    if (this.connected && !this.unsubscribe) this.unsubscribe = next.subscribe();
    return next;
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
    if (this.source === this.host.source && this.unsubscribe) return;
    this.unsubscribe?.();
    this.source = this.host.source;
    this.unsubscribe = this.source.subscribeTicks();
  }
}
