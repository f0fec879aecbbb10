import { provide } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenSource } from '../../api/http.js';
import { DeferredIndexedDbHistory } from '../../history/deferred-persistence.js';
import { sourceContext } from '../../store/lit/context.js';
import { PharosSource } from '../../store/source.js';
import { isTimeRange, type TimeRange } from '../../store/time-range.js';
import { VERSION } from '../../version.js';

/**
 * Connects the Pharos elements inside it to one backend: they share its polling, time
 * range and auto-refresh. Without it, elements use their own `base-url` or the page
 * default (`configure()`).
 *
 * @tag pharos-source
 * @summary The backend (and its polling) for the elements inside.
 *
 * @slot - Pharos elements, in any layout.
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com" interval="30">
 *   <pharos-health></pharos-health>
 * </pharos-source>
 */
export class PharosSourceElement extends LitElement {
  /** The library version that defines this class; compared when the tag is registered twice. */
  static readonly version: string = VERSION;

  static override styles = css`
    :host {
      display: contents;
    }
    :host([theme='light']) {
      --pharos-color-scheme: light;
    }
    :host([theme='dark']) {
      --pharos-color-scheme: dark;
    }
  `;

  /** Backend base URL; empty means this page's origin. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** Bearer token as an attribute. For production prefer the `tokenProvider` property. */
  @property() token?: string;

  /** Supplies a fresh bearer token per request (JavaScript only). Takes precedence over `token`. */
  @property({ attribute: false }) tokenProvider?: TokenSource;

  /** Poll interval in seconds. Default 30. */
  @property({ type: Number }) interval = 30;

  /** Keep polling while the page is hidden (wall displays). */
  @property({ type: Boolean, attribute: 'poll-when-hidden' }) pollWhenHidden = false;

  /** Start with auto-refresh off. */
  @property({ type: Boolean, attribute: 'no-auto-refresh' }) noAutoRefresh = false;

  /** Request timeout in seconds. Default 10. */
  @property({ type: Number }) timeout = 10;

  /** Initial time range: `1h`, `6h`, `24h` or `7d`. */
  @property({ attribute: 'time-range' }) timeRange: TimeRange = '1h';

  /** Prometheus-compatible base URL for long history (Prometheus, Thanos, Mimir, VictoriaMetrics). */
  @property({ attribute: 'prometheus-url' }) prometheusUrl?: string;

  /**
   * Keep the in-browser history in IndexedDB (per base URL, 7 days), so charts survive a
   * reload. `<pharos-performance>`'s "Clear history" button (or `source.persistence.clear()`) deletes it.
   */
  @property({ type: Boolean, attribute: 'persist-history' }) persistHistory = false;

  /**
   * Poll alone: do not share one poller with the other tabs and windows of this browser
   * that show the same backend with the same token (sharing is on by default where the
   * browser supports it).
   */
  @property({ type: Boolean, attribute: 'no-share' }) noShare = false;

  /** `light` or `dark` for every element inside; unset follows the page. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The source the elements inside share. Replaced when a connection attribute changes. */
  @provide({ context: sourceContext })
  source?: PharosSource;

  private static readonly connectionProps = ['baseUrl', 'token', 'tokenProvider', 'interval', 'pollWhenHidden', 'timeout', 'prometheusUrl', 'persistHistory', 'noShare'];

  override connectedCallback(): void {
    super.connectedCallback();
    const moved = this.source !== undefined && this.leaving === this.source;
    this.leaving = undefined; // a move: the disposal queued on disconnect does nothing
    if (!this.source) this.source = this.createSource();
    // A source given from outside is kept until a connection property changes after this.
    else if (!moved) this.sourceMadeFrom = this.connectionValues();
    // Changed while away (willUpdate leaves connections alone then): a source for the new values.
    else if (this.connectionValues().some((value, i) => value !== this.sourceMadeFrom[i])) this.replaceSource();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (React re-parenting, a drag-and-drop layout) disconnects and reconnects in one
    // go: keep the source, its history and timers, and dispose only of one left disconnected.
    const source = this.source;
    if (!source) return;
    this.leaving = source;
    queueMicrotask(() => {
      if (this.leaving !== source || this.isConnected) return;
      this.leaving = undefined;
      source.dispose();
      if (this.source === source) this.source = undefined;
    });
  }

  /** The source whose disposal waits for the end of the current task's microtasks (see disconnectedCallback). */
  private leaving?: PharosSource;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) {
      // Disconnected, perhaps being moved: a new time range still applies to the kept source;
      // connection properties are compared when it connects again.
      if (changed.has('timeRange') && isTimeRange(this.timeRange)) this.source?.setTimeRange(this.timeRange);
      return;
    }
    // Compared with what the source was made from, not only after the first update: a
    // framework (React 18 through @lit/react, or plain JS) may set properties after the
    // element connected but before it first rendered.
    const reconnect =
      PharosSourceElement.connectionProps.some((p) => changed.has(p as keyof PharosSourceElement)) &&
      this.connectionValues().some((value, i) => value !== this.sourceMadeFrom[i]);
    if (reconnect) {
      this.replaceSource();
    } else if (changed.has('timeRange') && isTimeRange(this.timeRange)) {
      this.source?.setTimeRange(this.timeRange);
    }
  }

  /** The connection properties' values the current source was made from. */
  private sourceMadeFrom: unknown[] = [];

  /** A new source for the current connection properties; the previous one is disposed of. */
  private replaceSource(): void {
    const previous = this.source;
    this.source = this.createSource();
    previous?.dispose();
  }

  private connectionValues(): unknown[] {
    return PharosSourceElement.connectionProps.map((p) => this[p as keyof PharosSourceElement]);
  }

  private createSource(): PharosSource {
    this.sourceMadeFrom = this.connectionValues();
    return new PharosSource({
      baseUrl: this.baseUrl ?? '',
      token: this.tokenProvider ?? this.token,
      intervalMs: this.interval > 0 ? this.interval * 1000 : undefined,
      pollWhenHidden: this.pollWhenHidden,
      autoRefresh: !this.noAutoRefresh,
      timeoutMs: this.timeout > 0 ? this.timeout * 1000 : undefined,
      timeRange: this.timeRange,
      prometheusUrl: this.prometheusUrl,
      persistence: this.persistHistory ? new DeferredIndexedDbHistory() : undefined,
      share: !this.noShare,
    });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
