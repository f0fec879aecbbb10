import type { ReactiveController } from 'lit';
import type { TabBadgeHost } from '../alerts/tab-badge.js';

/**
 * Loads the tab badge (`../alerts/tab-badge.ts`) the first time `host.tabBadge` is on: it is
 * off by default, so a dashboard that never turns it on carries none of its code. Once
 * loaded, the badge's own controller follows the property (off, on, the element leaving).
 */
export class TabBadgeLoader implements ReactiveController {
  private loading = false;

  constructor(private readonly host: TabBadgeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.load();
  }

  hostUpdated(): void {
    this.load();
  }

  private load(): void {
    if (this.loading || !this.host.tabBadge) return;
    this.loading = true;
    import('../alerts/tab-badge.js').then(
      // Added to a connected host, the controller starts at once.
      ({ TabBadgeController }) => new TabBadgeController(this.host),
      (cause: unknown) => console.warn('<pharos-ops-dashboard>: the tab badge could not be loaded', cause),
    );
  }
}
