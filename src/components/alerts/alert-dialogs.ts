import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { AlertMonitor } from '../../alerts/monitor.js';
import type { Alert } from '../../alerts/types.js';
import type { PharosSource } from '../../store/source.js';
import { t, translatable } from '../../i18n/translate.js';
import { langOf } from '../../util/format.js';
import { describeAlert } from './alert-text.js';
import { SILENCE_DURATIONS } from './silence-durations.js';

/**
 * `<pharos-alerts>`' two dialogs, acknowledge and silence, loaded when one is first opened:
 * most views never open one. What is typed is kept as typed, also across a failed submit,
 * and focus goes back where it came from when a dialog closes.
 */

/** What the dialogs need of their element. */
export interface AlertDialogsHost extends HTMLElement {
  readonly monitor: AlertMonitor;
  readonly source: PharosSource;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  /** Acknowledges an alert (see `PharosAlerts.acknowledge`). */
  acknowledge(id: string, comment?: string): boolean;
}

/** The open dialog, if any, and the alert it is about. */
type DialogState = { kind: 'acknowledge' | 'silence'; alertId: string } | null;

/** What is typed into the silence dialog, kept as typed (also across a failed submit). */
interface SilenceDraft {
  scope: 'alert' | 'rule';
  duration: string;
  /** `datetime-local` text for the custom end. */
  until: string;
  reason: string;
}

const EMPTY_SILENCE: SilenceDraft = { scope: 'alert', duration: '1h', until: '', reason: '' };

/** `datetime-local` text for a time, in the viewer's time zone. */
function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The acknowledge and silence dialogs of one `<pharos-alerts>`, with what is typed in them. */
export class AlertDialogs implements ReactiveController {
  private dialog: DialogState = null;
  private ackComment = '';
  private silenceDraft: SilenceDraft = EMPTY_SILENCE;
  /** Why the silence was refused, in English (shown with `t()`), or empty. */
  private dialogError = '';
  /** What had focus when a dialog opened: it gets focus back when the dialog closes. */
  private returnFocus: HTMLElement | null = null;
  private closingAlertId: string | null = null;

  constructor(private readonly host: AlertDialogsHost) {
    host.addController(this);
  }

  /** Sets some of the dialogs' state and re-renders the element. */
  private update(patch: Partial<{ dialog: DialogState; ackComment: string; silenceDraft: SilenceDraft; dialogError: string }>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Opens a dialog about an alert; focus goes back to `opener` when it closes. */
  open(dialog: NonNullable<DialogState>, opener: HTMLElement): void {
    this.returnFocus = opener;
    if (this.dialog?.alertId !== dialog.alertId || this.dialog.kind !== dialog.kind) {
      this.ackComment = '';
      this.silenceDraft = EMPTY_SILENCE;
      this.dialogError = '';
    }
    this.update({ dialog });
  }

  /** Closes the open dialog, if any. */
  readonly close = (): void => {
    // Forget it first: an update before the `close` event must not open it again.
    this.closingAlertId = this.dialog?.alertId ?? null;
    this.dialog = null;
    this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part=dialog]')?.close();
    this.host.requestUpdate();
  };

  /** The dialog closed (a button, Escape or a submit): forget it, and give focus back. */
  private readonly onClose = (): void => {
    const alertId = this.dialog?.alertId ?? this.closingAlertId;
    this.closingAlertId = null;
    this.dialog = null;
    this.dialogError = '';
    this.host.requestUpdate();
    const back = this.returnFocus;
    this.returnFocus = null;
    void this.host.updateComplete.then(() => {
      if (back?.isConnected) return back.focus();
      // The button was replaced ("Silence…" became "Lift silence"): its successor in the row, else the row.
      const row = [...this.host.renderRoot.querySelectorAll<HTMLElement>('[part~=alert]')].find((li) => li.dataset.id === alertId);
      const next = ['lift', 'silence', 'acknowledge'].map((name) => row?.querySelector<HTMLElement>(`[part=${name}]`)).find(Boolean) ?? row;
      (next ?? this.host.renderRoot.querySelector<HTMLElement>('[part~=alert], [part=empty], #title'))?.focus();
    });
  };

  /** After each update of the element: shows the dialog modally when one was opened. */
  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part=dialog]');
    if (!dialog) return;
    if (this.dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
    }
  }

  /** The `<dialog>`, with the open dialog's contents. */
  render(): TemplateResult {
    const current = this.dialog;
    const alert = current ? this.host.monitor.engine.active.get().find((a) => a.id === current.alertId) : undefined;
    const lang = langOf(this.host);
    let body: TemplateResult | typeof nothing = nothing;
    if (current && alert) body = current.kind === 'acknowledge' ? this.renderAckDialog(lang, alert) : this.renderSilenceDialog(lang, alert);
    else if (current) {
      body = html`<h3 id="dialog-title">${t(lang, 'Alert resolved')}</h3>
        <p>${t(lang, 'That alert is no longer active.')}</p>
        <div class="row"><button type="button" autofocus @click=${this.close}>${t(lang, 'Close')}</button></div>`;
    }
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onClose}>${body}</dialog>`;
  }

  private renderAckDialog(lang: string, alert: Alert) {
    return html`<form novalidate @submit=${(e: Event) => this.submitAck(e, alert)}>
      <h3 id="dialog-title">${t(lang, 'Acknowledge: {0}', t(lang, alert.label))}</h3>
      <p class="meta">${describeAlert(lang, alert)}</p>
      <label for="ack-comment">${t(lang, 'Comment (optional)')}</label>
      <textarea
        id="ack-comment"
        part="ack-comment"
        rows="3"
        maxlength="500"
        autofocus
        placeholder=${t(lang, 'e.g. checking the pool')}
        .value=${this.ackComment}
        @input=${(e: Event) => (this.update({ ackComment: (e.target as HTMLTextAreaElement).value }))}
      ></textarea>
      ${this.renderDialogActions(lang, t(lang, 'Acknowledge'))}
    </form>`;
  }

  /** A dialog's confirm (submits its form) and cancel buttons. */
  private renderDialogActions(lang: string, confirm: string) {
    return html`<div class="row">
      <button type="submit" part="dialog-confirm">${confirm}</button>
      <button type="button" part="dialog-cancel" @click=${this.close}>${t(lang, 'Cancel')}</button>
    </div>`;
  }

  private submitAck(event: Event, alert: Alert) {
    event.preventDefault();
    this.host.acknowledge(alert.id, this.ackComment);
    this.ackComment = '';
    this.close();
  }

  private renderSilenceDialog(lang: string, alert: Alert) {
    const d = this.silenceDraft;
    const set = (patch: Partial<SilenceDraft>) => this.update({ silenceDraft: { ...this.silenceDraft, ...patch } });
    const error = this.dialogError;
    const label = t(lang, alert.label);
    return html`<form novalidate @submit=${(e: Event) => this.submitSilence(e, alert)}>
      <h3 id="dialog-title">${t(lang, 'Silence: {0}', label)}</h3>
      <p class="meta">${t(lang, 'No sound, notification or announcement while it lasts; the alert is still checked and shown.')}</p>
      <fieldset>
        <legend>${t(lang, 'Mute')}</legend>
        <label
          ><input type="radio" name="silence-scope" value="alert" .checked=${d.scope === 'alert'} @change=${() => set({ scope: 'alert' })} />
          ${t(lang, 'This alert only')}</label
        >
        <label
          ><input type="radio" name="silence-scope" value="rule" .checked=${d.scope === 'rule'} @change=${() => set({ scope: 'rule' })} />
          ${t(lang, 'Every alert of the rule “{0}”', label)}</label
        >
      </fieldset>
      <div class="row">
        <label for="silence-duration">${t(lang, 'For')}</label>
        <select id="silence-duration" part="silence-duration" .value=${d.duration} @change=${(e: Event) => set({ duration: (e.target as HTMLSelectElement).value })}>
          ${SILENCE_DURATIONS.map((o) => html`<option value=${o.value} ?selected=${o.value === d.duration}>${t(lang, o.label)}</option>`)}
        </select>
      </div>
      ${d.duration === 'custom'
        ? html`<div class="row">
            <label for="silence-until">${t(lang, 'Until')}</label>
            <input
              id="silence-until"
              part="silence-until"
              type="datetime-local"
              .value=${d.until || localInputValue(this.host.source.clock.now() + 3_600_000)}
              @input=${(e: Event) => set({ until: (e.target as HTMLInputElement).value })}
            />
          </div>`
        : nothing}
      <label for="silence-reason">${t(lang, 'Reason (required)')}</label>
      <textarea
        id="silence-reason"
        part="silence-reason"
        rows="3"
        maxlength="500"
        required
        autofocus
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'silence-error' : nothing}
        .value=${d.reason}
        @input=${(e: Event) => set({ reason: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${error ? html`<p part="field-error" class="field-error" id="silence-error" role="alert">${t(lang, error)}</p>` : nothing}
      ${this.renderDialogActions(lang, t(lang, 'Silence'))}
    </form>`;
  }

  private submitSilence(event: Event, alert: Alert) {
    event.preventDefault();
    const d = this.silenceDraft;
    const now = this.host.source.clock.now();
    let until: number | null;
    const choice = SILENCE_DURATIONS.find((o) => o.value === d.duration);
    if (d.duration === 'resolve') until = null;
    else if (d.duration === 'custom') {
      const typed = d.until || localInputValue(now + 3_600_000);
      until = new Date(typed).getTime();
      if (!Number.isFinite(until)) {
        this.update({ dialogError: translatable('Enter the date and time the silence should end.') });
        return;
      }
    } else until = now + (choice?.ms ?? 3_600_000);
    const result = this.host.monitor.engine.silence({ scope: d.scope, alertId: alert.id, reason: d.reason, until }, now);
    if ('refused' in result) {
      // The typed reason and choices stay as they are; only the message is new.
      this.update({ dialogError: result.message });
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(result.field === 'reason' ? '#silence-reason' : '#silence-duration')?.focus());
      return;
    }
    this.silenceDraft = EMPTY_SILENCE;
    this.dialogError = '';
    this.close();
  }
}
