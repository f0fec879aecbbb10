import type { AlertFiredDetail } from './alert-fired.js';

/** What a `pharos-alert-acknowledge` event says: the alert, and who acknowledged it when. */
export interface AlertAcknowledgeDetail extends AlertFiredDetail {
  /** When it was acknowledged, ms since the epoch. */
  readonly acknowledgedAt: number;
  /** The note given with the acknowledgement ("checking the pool"); empty when none. */
  readonly comment: string;
}

/**
 * Fired (bubbling, composed, cancelable) by `<pharos-alerts>` when someone acknowledges an
 * alert, before it is marked acknowledged. Call `preventDefault()` to keep it firing.
 *
 * @example
 * alerts.addEventListener('pharos-alert-acknowledge', (e) => audit.log('ack', e.detail.ruleId));
 */
export class PharosAlertAcknowledgeEvent extends Event {
  /** The event's type. */
  static readonly type = 'pharos-alert-acknowledge';
  /** The acknowledged alert. */
  readonly detail: AlertAcknowledgeDetail;

  constructor(detail: AlertAcknowledgeDetail) {
    super(PharosAlertAcknowledgeEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pharos-alert-acknowledge': PharosAlertAcknowledgeEvent;
  }
}
