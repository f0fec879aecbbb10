/**
 * The tab badge: the number of unacknowledged alerts in the page's title ("(3) Pharos
 * operations") and favicon. Only for an element that owns its page (the dashboard) and
 * only when asked: an element embedded in someone else's page never touches their title or
 * favicon. Everything is put back when the badge is turned off or the element leaves.
 * A page whose Content-Security-Policy forbids `data:` images (`img-src 'self'`) keeps its
 * own favicon: the first refusal puts it back, and the title alone counts from then on.
 */
import type { ReactiveController } from 'lit';
import { Signal } from 'signal-polyfill';
import { alertMonitorFor } from '../../alerts/registry.js';
import { atLeast } from '../../alerts/types.js';
import type { SourceHost } from '../../store/lit/controllers.js';

/** A host with an opt-in switch for the badge. */
export interface TabBadgeHost extends SourceHost, HTMLElement {
  /** True when the badge is wanted. */
  readonly tabBadge: boolean;
}

/** The favicon for a count: a red disc with the number (99+ above 99), as an SVG data URL. */
export function badgeIcon(count: number): string {
  const text = count > 99 ? '99+' : String(count);
  const size = text.length > 2 ? 26 : text.length > 1 ? 34 : 44;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<circle cx="32" cy="32" r="30" fill="#cf222e"/>` +
    `<text x="32" y="33" fill="#fff" font-family="system-ui,sans-serif" font-weight="700" font-size="${size}" text-anchor="middle" dominant-baseline="central">${text}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * True once the page's policy refused the icon: no page changes its policy, so the badge
 * stays in the title for the page's life (any element's, any source's).
 */
let iconRefused = false;

/** Whether a policy violation is the refusal of a `data:` icon. */
const refusesIcon = (e: SecurityPolicyViolationEvent) => e.effectiveDirective === 'img-src' && e.blockedURI.startsWith('data');

/**
 * Keeps the page's title and favicon showing the host source's unacknowledged (firing, not
 * silenced, shown by the preferences) alerts while `host.tabBadge` is true.
 */
export class TabBadgeController implements ReactiveController {
  private release?: () => void;
  private source?: SourceHost['source'];
  private watcher?: InstanceType<typeof Signal.subtle.Watcher>;
  private count?: Signal.Computed<number>;
  private queued = false;
  /** The page's own title, and what this controller last set. */
  private ownTitle = '';
  private setTitle: string | null = null;
  /** The page's icons and their hrefs, or the icon this controller added. */
  private icons: { link: HTMLLinkElement; href: string | null }[] = [];
  private added: HTMLLinkElement | null = null;

  constructor(private readonly host: TabBadgeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private sync(): void {
    const wanted = this.host.tabBadge && this.host.isConnected;
    if (wanted && this.release && this.source !== this.host.source) this.stop();
    if (wanted && !this.release) this.start();
    else if (!wanted && this.release) this.stop();
  }

  private start(): void {
    this.source = this.host.source;
    const monitor = alertMonitorFor(this.source);
    const engine = monitor.engine;
    this.release = monitor.connect();
    this.count = new Signal.Computed(() => {
      const min = engine.preferences.get().minSeverity;
      engine.silences.get();
      const now = this.host.source.clock.now();
      return engine.active.get().filter((a) => a.state === 'firing' && atLeast(a.severity, min) && !engine.silenceFor(a, now)).length;
    });
    this.watcher = new Signal.subtle.Watcher(() => {
      // Called while a signal is being set: only a microtask here.
      if (this.queued) return;
      this.queued = true;
      queueMicrotask(() => this.apply());
    });
    this.watcher.watch(this.count);
    this.ownTitle = document.title;
    this.setTitle = null;
    document.addEventListener('securitypolicyviolation', this.onViolation);
    this.apply();
  }

  private readonly onViolation = (e: SecurityPolicyViolationEvent) => {
    if (!refusesIcon(e)) return;
    iconRefused = true;
    this.restoreIcons();
  };

  private apply(): void {
    this.queued = false;
    if (!this.count || !this.watcher) return;
    const n = this.count.get();
    this.watcher.watch();
    // The page changed its title meanwhile: that is its own title now.
    if (this.setTitle === null || document.title !== this.setTitle) this.ownTitle = document.title;
    const title = n > 0 ? `(${n > 99 ? '99+' : n}) ${this.ownTitle}` : this.ownTitle;
    if (document.title !== title) document.title = title;
    this.setTitle = title;
    if (n > 0 && !iconRefused) this.showIcon(badgeIcon(n));
    else this.restoreIcons();
  }

  private showIcon(href: string): void {
    if (this.icons.length === 0 && !this.added) {
      const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel~="icon" i]')];
      this.icons = links.map((link) => ({ link, href: link.getAttribute('href') }));
      if (this.icons.length === 0) {
        this.added = document.createElement('link');
        this.added.rel = 'icon';
        document.head.appendChild(this.added);
      }
    }
    for (const { link } of this.icons) link.href = href;
    if (this.added) this.added.href = href;
  }

  private restoreIcons(): void {
    for (const { link, href } of this.icons) {
      if (href === null) link.removeAttribute('href');
      else link.setAttribute('href', href);
    }
    this.icons = [];
    this.added?.remove();
    this.added = null;
  }

  private stop(): void {
    document.removeEventListener('securitypolicyviolation', this.onViolation);
    if (this.watcher && this.count) this.watcher.unwatch(this.count);
    this.watcher = undefined;
    this.count = undefined;
    this.release?.();
    this.release = undefined;
    if (this.setTitle !== null && document.title === this.setTitle) document.title = this.ownTitle;
    this.setTitle = null;
    this.restoreIcons();
  }
}
