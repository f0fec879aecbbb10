/** What a `pharos-refresh` event says. */
export interface RefreshDetail {
  /** The backend being refreshed. */
  readonly baseUrl: string;
}

/**
 * Fired (bubbling, composed, cancelable) by `<pharos-dashboard-header>` when someone asks
 * for a refresh, before the source refreshes. Call `preventDefault()` to refresh your own way.
 *
 * @example
 * header.addEventListener('pharos-refresh', () => analytics.track('manual-refresh'));
 */
export class PharosRefreshEvent extends Event {
  /** The event's type. */
  static readonly type = 'pharos-refresh';
  /** Which backend. */
  readonly detail: RefreshDetail;

  constructor(detail: RefreshDetail) {
    super(PharosRefreshEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pharos-refresh': PharosRefreshEvent;
  }
}
