import { html, type TemplateResult } from 'lit';
import type { AlertMonitor } from '../../alerts/monitor.js';
import type { Alert } from '../../alerts/types.js';
import { langOf } from '../../util/format.js';
import { describeAlert } from './alert-text.js';
import { alertTitle } from './alert-views.js';

/** What the voice needs of its element. */
export interface AlertVoiceHost extends HTMLElement {
  readonly source: { readonly baseUrl: string };
  requestUpdate(): void;
  /** Scrolls to and focuses an alert (a notification was clicked). */
  focusAlert(id: string): Promise<boolean>;
}

/**
 * The voice of `<pharos-alerts>`: a new alert beeps, notifies while the page is hidden, and
 * is announced in a live region (polite; assertive when one is critical). The alerts of one
 * pass are announced together, as one message, rather than several racing.
 */
export class AlertVoice {
  private polite = '';
  private assertive = '';
  private pending: Alert[] = [];

  constructor(private readonly host: AlertVoiceHost) {}

  /** Speaks a new alert, as the preferences say. */
  speak(alert: Alert, monitor: AlertMonitor): void {
    const preferences = monitor.engine.preferences.get();
    const urgent = alert.severity !== 'info';
    // The sound and the notification load when first needed: most pages never play either.
    if (preferences.sound && urgent) void import('./beep.js').then(({ alertSound }) => alertSound.play(alert.severity));
    if (preferences.notifications && urgent && !monitor.visibility.isVisible()) {
      const lang = langOf(this.host);
      void import('./desktop-notification.js').then(({ notifyAlert }) =>
        notifyAlert(lang, alert, this.host.source.baseUrl, () => {
          globalThis.focus?.();
          void this.host.focusAlert(alert.id);
        }),
      );
    }
    if (this.pending.length === 0) queueMicrotask(() => this.announce());
    this.pending.push(alert);
  }

  private announce(): void {
    const batch = this.pending;
    this.pending = [];
    const lang = langOf(this.host);
    const text = batch.map((a) => `${alertTitle(lang, a)}. ${describeAlert(lang, a)}`).join(' ');
    if (batch.some((a) => a.severity === 'critical')) this.assertive = text;
    else this.polite = text;
    this.host.requestUpdate();
  }

  /** The two live regions the announcements are read from. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.polite}</div>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this.assertive}</div>`;
  }
}
