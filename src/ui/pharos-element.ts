import { SignalWatcher } from '@lit-labs/signals';
import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sourceContext } from '../store/lit/context.js';
import { defaultSource, sourceForUrl } from '../store/registry.js';
import type { PharosSource } from '../store/source.js';
import type { SourceHost } from '../store/lit/controllers.js';
import { VERSION } from '../version.js';
import { defineElement } from './define.js';
import type { FirstRenderTurns } from './first-render-turns.js';
import { renderFrame } from './render-frames.js';

/**
 * Base of every Pharos element: finds the element's source, re-renders when any signal it
 * read changes, emits typed events and registers itself safely.
 *
 * Source lookup, first match wins: a `<pharos-source>` ancestor; the element's own
 * `base-url` (elements naming the same backend share one source); the page default set
 * with `configure()`.
 */
export class PharosElement extends SignalWatcher(LitElement) implements SourceHost {
  /** Backend base URL for this element alone, when it is not inside a `<pharos-source>`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /**
   * Bearer token for this element's own `base-url`. Prefer a `<pharos-source>` or
   * `configure({ token })` with a token provider: an attribute is visible in the DOM.
   */
  @property() token?: string;

  /** `light`, `dark`, or unset to follow the page (and `prefers-color-scheme`). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  @consume({ context: sourceContext, subscribe: true })
  @state()
  private contextSource?: PharosSource;

  /** The source this element reads from. */
  get source(): PharosSource {
    if (this.contextSource) return this.contextSource;
    if (this.baseUrl !== undefined && this.baseUrl !== null) return sourceForUrl(this.baseUrl, this.token);
    return defaultSource();
  }

  /**
   * Shares first renders out over several tasks once set (see `first-render-turns.ts`):
   * `<pharos-ops-dashboard>` sets it, since it renders eighteen panels at once; a page with
   * a few elements neither needs nor loads it.
   */
  static firstRenderTurns?: FirstRenderTurns;

  /**
   * Later renders wait for the next animation frame (see `render-frames.ts`), so each element
   * renders at most once a frame however many of its signals change, except while it holds the
   * focus: what someone is doing in it (keys, dialogs, the focus that follows) renders at once.
   * The first render waits for its turn when turns are on.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return this.matches(':focus-within') ? super.scheduleUpdate() : renderFrame().then(() => super.scheduleUpdate());
    const turns = PharosElement.firstRenderTurns;
    return turns ? turns(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Dispatches a composed, bubbling event. */
  protected emit<T extends Event>(event: T): T {
    this.dispatchEvent(event);
    return event;
  }

  /** The library version that defines this class; compared when a tag is registered twice. */
  static readonly version: string = VERSION;

  /** Elements this one renders, registered with it (tag → class). */
  static dependencies: Record<string, typeof PharosElement> = {};

  /**
   * Registers the element under `tag`, and its dependencies, unless something already did.
   * Never throws for that: registering twice is harmless, and a tag already owned by another
   * version (or another library) is said once, in a console warning.
   */
  static define(tag: string): void {
    for (const [depTag, dep] of Object.entries(this.dependencies)) dep.define(depTag);
    defineElement(tag, this);
  }
}
