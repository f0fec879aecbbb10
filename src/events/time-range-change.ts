import type { TimeRange } from '../store/time-range.js';

/** What a `pharos-time-range-change` event says. */
export interface TimeRangeChangeDetail {
  /** The range chosen. */
  readonly range: TimeRange;
  /** The range before. */
  readonly previous: TimeRange;
}

/**
 * Fired (bubbling, composed, cancelable) by `<pharos-dashboard-header>` when someone picks
 * a time range, before the source switches. Call `preventDefault()` to keep the old range.
 *
 * @example
 * header.addEventListener('pharos-time-range-change', (e) => history.replaceState(null, '', `?range=${e.detail.range}`));
 */
export class PharosTimeRangeChangeEvent extends Event {
  /** The event's type. */
  static readonly type = 'pharos-time-range-change';
  /** The new and previous range. */
  readonly detail: TimeRangeChangeDetail;

  constructor(detail: TimeRangeChangeDetail) {
    super(PharosTimeRangeChangeEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pharos-time-range-change': PharosTimeRangeChangeEvent;
  }
}
