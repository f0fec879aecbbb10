import type { Severity } from '../alerts/types.js';

/** What a `pharos-alert` event says about the alert that started firing. */
export interface AlertFiredDetail {
  /** Unique id of this occurrence. */
  readonly id: string;
  /** The rule that fired, e.g. `db-pool-usage`. */
  readonly ruleId: string;
  /** The rule's label, e.g. "Connection pool nearly full", in the element's language. */
  readonly label: string;
  readonly severity: Severity;
  /** What is wrong, in plain words, in the element's language (its `lang`). */
  readonly message: string;
  /** When the condition started to hold, ms since the epoch. */
  readonly since: number;
  /** The reading that fired it: a number (fractions for percentages) or a status word. */
  readonly value: number | string | null;
  /** The backend it concerns. */
  readonly baseUrl: string;
}

/**
 * Fired (bubbling, composed) by `<pharos-alerts>` when an alert starts firing: once per
 * alert per page, by the first connected `<pharos-alerts>` of the backend, whatever the
 * minimum severity shown (filter on `detail.severity`).
 *
 * @example
 * document.addEventListener('pharos-alert', (e) => pager.send(e.detail.severity, e.detail.message));
 */
export class PharosAlertEvent extends Event {
  /** The event's type. */
  static readonly type = 'pharos-alert';
  /** The alert. */
  readonly detail: AlertFiredDetail;

  constructor(detail: AlertFiredDetail) {
    super(PharosAlertEvent.type, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pharos-alert': PharosAlertEvent;
  }
}
