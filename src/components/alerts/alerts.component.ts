/**
 * `<pharos-alerts>`: the element, and its view of the active alerts (the list, the compact
 * summary and the tab strip around them). Its other jobs are in the rooms beside it: the
 * voice (`alert-voice.ts`), the two dialogs (`alert-dialogs.ts`) and the History and
 * Preferences tabs (`alert-panels.ts`), both loaded on first use, Alertmanager's lines
 * (`alertmanager-status.ts`) and the monitor's wiring (`alert-monitor-controller.ts`). It
 * stays one file over 400 lines because what is left is one view of one state: the list,
 * the compact summary and the silenced rules read the same alerts and hand focus to one
 * another (after a lift, a close, a notification click).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ruleEnabled } from '../../alerts/conditions.js';
import type { AlertMonitor } from '../../alerts/monitor.js';
import { atLeast, SEVERITIES, SEVERITY_RANK, type Alert, type Severity, type Silence } from '../../alerts/types.js';
import { PharosAlertAcknowledgeEvent } from '../../events/alert-acknowledge.js';
import { PharosAlertEvent, type AlertFiredDetail } from '../../events/alert-fired.js';
import { formatAgo, formatDateTime, formatNumber, formatSeconds, formatTime, langOf } from '../../util/format.js';
import { t, tp, translatable } from '../../i18n/translate.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderErrorNotice, renderSkeleton, renderUpdated } from '../../ui/resource-views.js';
import { panelStyles, pillStyles, themeStyles } from '../../ui/theme.js';
import { TickController } from '../../store/lit/controllers.js';
import { renderTabList } from '../../ui/tab-list.js';
import { AlertMonitorController } from './alert-monitor-controller.js';
import { AlertmanagerStatus } from './alertmanager-status.js';
import { alertsStyles } from './alerts.styles.js';
import { AlertVoice } from './alert-voice.js';
import type { AlertPanels } from './alert-panels.js';
import type { AlertDialogs } from './alert-dialogs.js';
import { describeAlert } from './alert-text.js';
import { acknowledgedText, renderSeverity, shortTime } from './alert-views.js';
import { SEVERITY_LOOK } from './severity.js';

export { SEVERITY_LOOK };

/** The views of the full element. */
export type AlertsTab = 'active' | 'history' | 'preferences';
const TABS: readonly AlertsTab[] = ['active', 'history', 'preferences'];

export { SILENCE_DURATIONS } from './silence-durations.js';

/** Most urgent first, then newest first. Acknowledging does not reorder (focus stays put). */
const byUrgency = (a: Alert, b: Alert) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.since - a.since;

/** What the events say of an alert: its words in `lang`, the label as the rule names it. */
function detailOf(lang: string, alert: Alert, baseUrl: string): AlertFiredDetail {
  const { id, ruleId, label, severity, since, value } = alert;
  return { id, ruleId, label: t(lang, label), severity, message: describeAlert(lang, alert), since, value, baseUrl };
}

/**
 * Smart alerts for a Pharos backend: threshold, status and anomaly rules evaluated as soon
 * as the shared store receives a value (no polling of its own), with the active alerts, a
 * history of resolved ones and per-backend preferences saved in `localStorage`.
 *
 * New alerts are announced in a live region (polite; assertive for critical ones), with a
 * short beep when sound is on, and with a desktop notification while the page is hidden
 * when notifications are on (permission is asked when the person turns them on). An alert
 * can be acknowledged with a comment, and a rule or one alert silenced (15 min, 1 h, 4 h,
 * until it resolves, or a chosen time) with a reason: silenced alerts stay shown, with the
 * time left, but make no sound, notification or announcement. The history (resolved
 * alerts and ended silences, 30 days or 1,000 entries) filters by severity and rule and
 * exports as CSV or JSON.
 *
 * Several `<pharos-alerts>` of one backend share the same alerts; the first one connected
 * fires `pharos-alert`. Across the tabs of a browser, acknowledgements, silences and
 * preferences show at once, and a new alert beeps, notifies and is announced once.
 *
 * @tag pharos-alerts
 * @summary Active alerts, their history and alert preferences.
 *
 * @fires pharos-alert - A new alert started firing (`detail`: id, ruleId, label, severity, message in the element's language, since, value, baseUrl).
 * @fires pharos-alert-acknowledge - Someone acknowledged an alert (cancelable; `detail` adds acknowledgedAt).
 *
 * @csspart base - The card (full mode).
 * @csspart header - Title row with the counts and the last check time.
 * @csspart counts - Counts of active alerts by severity.
 * @csspart tabs - The tab list (Active, History, Preferences).
 * @csspart tab - One tab; the selected one also has `tab-selected`.
 * @csspart list - The list of active alerts.
 * @csspart alert - One active alert (`data-severity`, `data-state`, `data-rule`).
 * @csspart severity - A severity icon and word.
 * @csspart label - An alert's rule label.
 * @csspart message - An alert's message.
 * @csspart since - When an alert started, with its live age.
 * @csspart acknowledge - The acknowledge button (opens the acknowledge dialog).
 * @csspart acknowledged - "Acknowledged 14:02 — comment" on an alert or history entry.
 * @csspart silence - The button that opens the silence dialog.
 * @csspart silenced - "Silenced … for 42 min more: reason" on a silenced alert.
 * @csspart alertmanager - Through a relay with Alertmanager: "Silenced in Alertmanager by … until …: comment", or inhibited (`data-state` silenced or inhibited).
 * @csspart lift - The button that ends a silence early.
 * @csspart silences - The list of silenced rules without an active alert.
 * @csspart dialog - The acknowledge and silence dialog (`<dialog>`, modal).
 * @csspart ack-comment - The optional comment of an acknowledgement.
 * @csspart silence-duration - How long a silence lasts.
 * @csspart silence-until - The chosen end of a silence.
 * @csspart silence-reason - The required reason of a silence.
 * @csspart dialog-confirm - The dialog's confirm button.
 * @csspart dialog-cancel - The dialog's cancel button.
 * @csspart retry - The retry button of a "backend not answering" alert and of the error notice.
 * @csspart empty - The "no active alerts" line.
 * @csspart history - The list of resolved alerts.
 * @csspart history-item - One resolved alert or ended silence (`data-kind` alert or silence).
 * @csspart history-filters - The history's severity and rule filters and export buttons.
 * @csspart export-csv - Downloads the (filtered) history as CSV.
 * @csspart export-json - Downloads the (filtered) history as JSON.
 * @csspart clear-history - The button that empties the history.
 * @csspart preferences - The preferences form.
 * @csspart rule - One rule's settings.
 * @csspart field-error - A validation message.
 * @csspart test-sound - The "Test sound" button.
 * @csspart summary - Compact mode: the counts button.
 * @csspart panel - Compact mode: the expandable list.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice when a watched endpoint fails, or a tab's code cannot be loaded.
 *
 * @cssprop --pharos-alerts-critical - Colour of critical alerts (default `--pharos-danger`).
 * @cssprop --pharos-alerts-warning - Colour of warnings (default `--pharos-warn`).
 * @cssprop --pharos-alerts-info - Colour of info alerts (default `--pharos-accent`).
 * @cssprop --pharos-alerts-panel-width - Compact mode: width of the expanded list.
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com">
 *   <pharos-alerts compact></pharos-alerts>   <!-- in the header -->
 *   <pharos-alerts></pharos-alerts>           <!-- full list, history, preferences -->
 * </pharos-source>
 */
export class PharosAlerts extends PharosElement {
  static override styles = [themeStyles, panelStyles, pillStyles, alertsStyles];

  /** Heading text (default: "Alerts" in the page's language). */
  @property() heading?: string;

  /** Compact mode for a header: counts by severity as a button that expands the list. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Compact mode: whether the list is expanded. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The view shown in full mode. */
  @property({ reflect: true }) tab: AlertsTab = 'active';

  /** The acknowledge and silence dialogs, once one has been opened (see `alert-dialogs.ts`). */
  private dialogs: AlertDialogs | null = null;
  private dialogsLoading: Promise<unknown> | null = null;
  /** The History and Preferences tabs, once one of them has been opened (see `alert-panels.ts`). */
  @state() private panels: AlertPanels | null = null;
  /** Why the panels' code could not be loaded, if it could not (English, shown with `t()`). */
  @state() private panelsError = '';
  private panelsLoading: Promise<unknown> | null = null;

  private readonly alerts = new AlertMonitorController(this);
  /** Silences and inhibitions in Alertmanager, when the source is a relay that has one. */
  private readonly alertmanager = new AlertmanagerStatus(this);
  private readonly voice = new AlertVoice(this);

  constructor() {
    super();
    new TickController(this);
  }

  /** The alert monitor of this element's source (rules engine, alerts, preferences). */
  get monitor(): AlertMonitor {
    return this.alerts.monitor;
  }

  /** Refreshes every resource the rules watch. */
  refresh(): Promise<void> {
    return this.monitor.refresh();
  }

  /**
   * Acknowledges an active alert, with an optional comment shown on the alert and in the
   * history, firing `pharos-alert-acknowledge` first (cancelable). Returns true when it
   * was acknowledged.
   */
  acknowledge(id: string, comment = ''): boolean {
    const engine = this.monitor.engine;
    const alert = engine.active.get().find((a) => a.id === id);
    if (!alert || alert.state !== 'firing') return false;
    const at = this.source.clock.now();
    const note = comment.trim();
    const event = this.emit(new PharosAlertAcknowledgeEvent({ ...detailOf(langOf(this), alert, this.source.baseUrl), acknowledgedAt: at, comment: note }));
    if (event.defaultPrevented) return false;
    engine.acknowledge(id, at, note);
    return true;
  }

  /**
   * Shows the alert `id` and moves focus to it (a desktop notification's click does this).
   * Returns false when it is no longer active.
   */
  async focusAlert(id: string): Promise<boolean> {
    if (!this.monitor.engine.active.get().some((a) => a.id === id)) return false;
    if (this.compact) this.open = true;
    else this.tab = 'active';
    await this.updateComplete;
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~=alert]')].find((li) => li.dataset.id === id);
    if (!row) return false;
    row.scrollIntoView?.({ block: 'nearest' });
    row.focus();
    return true;
  }

  /** @internal Called by the monitor controller for each newly firing alert. */
  alertFired(alert: Alert, monitor: AlertMonitor): void {
    if (!monitor.isLead(this)) return;
    this.emit(new PharosAlertEvent(detailOf(langOf(this), alert, this.source.baseUrl)));
    if (!atLeast(alert.severity, monitor.engine.preferences.get().minSeverity)) return;
    // One voice per browser: the tab that claims the alert speaks; silenced alerts say nothing.
    void monitor.speaks(alert).then((speak) => {
      if (speak && this.isConnected) this.voice.speak(alert, monitor);
    });
  }



  /**
   * The history as a file: `csv` or `json`, with the History tab's filters applied.
   */
  async historyFile(format: 'csv' | 'json'): Promise<{ name: string; type: string; text: string }> {
    return (await this.loadPanels()).historyFile(format);
  }

  /** Downloads {@link historyFile}. */
  async exportHistory(format: 'csv' | 'json'): Promise<void> {
    (await this.loadPanels()).exportHistory(format);
  }

  /** Loads the History and Preferences tabs' code, once. */
  private loadPanels(): Promise<AlertPanels> {
    if (this.panels) return Promise.resolve(this.panels);
    const loading = import('./alert-panels.js').then(
      ({ AlertPanels }) => (this.panels ??= new AlertPanels(this)),
      (error: unknown) => {
        this.panelsError = translatable('This view could not be loaded. Check the connection, then reload the page.');
        this.panelsLoading = null;
        throw error;
      },
    );
    this.panelsLoading = loading.catch(() => undefined);
    return loading;
  }

  /** Opens the acknowledge or silence dialog of an alert, loading the dialogs' code once. */
  private openDialog(dialog: { kind: 'acknowledge' | 'silence'; alertId: string }, event: Event): void {
    const opener = event.currentTarget as HTMLElement;
    if (this.dialogs) return this.dialogs.open(dialog, opener);
    const loading = import('./alert-dialogs.js').then(
      ({ AlertDialogs }) => (this.dialogs ??= new AlertDialogs(this)).open(dialog, opener),
      (cause: unknown) => {
        this.dialogsLoading = null;
        console.warn('<pharos-alerts>: the dialogs could not be loaded', cause);
      },
    );
    this.dialogsLoading = loading;
  }

  /** Waits for the tabs' and dialogs' code too, so that `updateComplete` means what was chosen is shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let loading = this.panelsLoading ?? this.dialogsLoading; loading; loading = this.panelsLoading ?? this.dialogsLoading) {
      await loading;
      if (this.panelsLoading === loading) this.panelsLoading = null;
      if (this.dialogsLoading === loading) this.dialogsLoading = null;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** The History or Preferences tab, or a placeholder while its code loads. */
  private renderPanel(tab: 'history' | 'preferences'): TemplateResult {
    if (this.panels) return tab === 'history' ? this.panels.renderHistory() : this.panels.renderPreferences();
    // A browser keeps a module that failed to load as failed: only a reload tries again.
    const lang = langOf(this);
    if (this.panelsError) return html`<p class="notice" data-tone="danger" part="error" role="alert">${t(lang, this.panelsError)}</p>`;
    if (!this.panelsLoading) void this.loadPanels().catch(() => undefined);
    return renderSkeleton(2, tab === 'history' ? t(lang, 'Loading the history') : t(lang, 'Loading the preferences'));
  }

  override render() {
    const engine = this.monitor.engine;
    const preferences = engine.preferences.get();
    const active = engine.active.get().filter((a) => atLeast(a.severity, preferences.minSeverity)).sort(byUrgency);
    const hidden = engine.active.get().length - active.length;
    const live = html`${this.voice.render()}${this.dialogs?.render() ?? nothing}`;
    return this.compact ? this.renderCompact(active, live) : this.renderFull(active, hidden, live);
  }

  private ctx() {
    return { lang: langOf(this), now: this.source.now.get() };
  }

  private renderCounts(active: readonly Alert[]): TemplateResult {
    const open = active.filter((a) => a.state === 'firing');
    const acked = active.length - open.length;
    const lang = langOf(this);
    const counts = SEVERITIES.map((s) => [s, open.filter((a) => a.severity === s).length] as const).filter(([, n]) => n > 0);
    if (active.length === 0) return html`<span class="pill count" data-severity="none"><span aria-hidden="true">✓</span> ${t(lang, 'No alerts')}</span>`;
    const count = (s: Severity, n: number) => {
      const figure = formatNumber(lang, n, 0);
      if (s === 'critical') return tp(lang, n, '{0} critical', '{0} critical', figure);
      return s === 'warning' ? tp(lang, n, '{0} warning', '{0} warnings', figure) : tp(lang, n, '{0} info', '{0} info', figure);
    };
    return html`${counts.map(
      ([s, n]) => html`<span class="pill count" data-severity=${s}
        ><span class="pill-icon" aria-hidden="true">${SEVERITY_LOOK[s].icon}</span>${count(s, n)}</span
      >`,
    )}${acked > 0
      ? html`<span class="pill count" data-severity="acknowledged">${tp(lang, acked, '{0} acknowledged', '{0} acknowledged', formatNumber(lang, acked, 0))}</span>`
      : nothing}`;
  }

  private renderCompact(active: readonly Alert[], live: TemplateResult) {
    const heading = this.heading ?? t(langOf(this), 'Alerts');
    return html`<div part="compact" class="compact" @keydown=${this.onCompactKey}>
      <button type="button" part="summary" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel" @click=${() => (this.open = !this.open)}>
        <span class="visually-hidden">${heading}: </span>${this.renderCounts(active)}
      </button>
      <div id="panel" part="panel" role="region" aria-label=${heading} ?hidden=${!this.open}>${this.open ? this.renderActive(active, 0) : nothing}</div>
      ${live}
    </div>`;
  }

  private onCompactKey(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.open) return;
    this.open = false;
    this.renderRoot.querySelector<HTMLElement>('[part=summary]')?.focus();
  }

  private renderFull(active: readonly Alert[], hidden: number, live: TemplateResult) {
    const ctx = this.ctx();
    const history = this.monitor.engine.history.get();
    const labels: Record<AlertsTab, string> = {
      active: t(ctx.lang, 'Active ({0})', formatNumber(ctx.lang, active.length, 0)),
      history: t(ctx.lang, 'History ({0})', formatNumber(ctx.lang, history.length, 0)),
      preferences: t(ctx.lang, 'Preferences'),
    };
    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading ?? t(ctx.lang, 'Alerts')}</h2>
        <span part="counts" class="counts">${this.renderCounts(active)}</span>
        ${renderUpdated(this.monitor.resources, ctx)}
      </div>
      ${renderTabList({ label: t(ctx.lang, 'Alert views'), tabs: TABS.map((id) => ({ id, label: labels[id] })), selected: this.tab, select: (id) => (this.tab = id) })}
      <div role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" class="panel">
        ${this.tab === 'active' ? this.renderActive(active, hidden) : this.renderPanel(this.tab)}
      </div>
      ${live}
    </section>`;
  }

  private renderActive(active: readonly Alert[], hidden: number) {
    const monitor = this.monitor;
    const engine = monitor.engine;
    const ctx = this.ctx();
    const preferences = engine.preferences.get();
    const anyEnabled = engine.rules.some((r) => ruleEnabled(r, preferences));
    const failingActive = active.some((a) => engine.rule(a.ruleId)?.condition.kind === 'failing');
    const failure = monitor.watching.find((w) => w.resource.error.get() !== null);
    const lang = ctx.lang;
    const hiddenNote =
      hidden > 0
        ? html`<p class="meta">
            ${tp(lang, hidden, '{0} less severe alert is hidden by the preferences.', '{0} less severe alerts are hidden by the preferences.', formatNumber(lang, hidden, 0))}
          </p>`
        : nothing;
    if (!anyEnabled) {
      return html`<p class="notice" data-tone="neutral" part="empty">${t(lang, 'All alert rules are turned off. Turn some on in the preferences.')}</p>`;
    }
    const notice =
      failure && !failingActive ? renderErrorNotice(failure.resource, ctx, () => void this.refresh(), t(lang, failure.target.label)) : nothing;
    if (active.length === 0) {
      if (engine.checkedAt.get() === null) return html`${notice}${renderSkeleton(2, t(lang, 'Checking alert rules'))}`;
      return html`${notice}<p part="empty" class="empty" tabindex="-1"><span aria-hidden="true">✓</span> ${t(lang, 'No active alerts.')}</p>
        ${hiddenNote}${this.renderRuleSilences(active)}`;
    }
    return html`${notice}
      <ul part="list" aria-label=${t(lang, 'Active alerts')}>
        ${repeat(
          active,
          (a) => a.id,
          (a) => this.renderAlert(a),
        )}
      </ul>
      ${hiddenNote}${this.renderRuleSilences(active)}`;
  }

  private renderAlert(alert: Alert) {
    const ctx = this.ctx();
    const acked = alert.state === 'acknowledged';
    const engine = this.monitor.engine;
    const failing = engine.rule(alert.ruleId)?.condition.kind === 'failing';
    const silence = engine.silenceFor(alert, ctx.now);
    const lang = ctx.lang;
    const label = t(lang, alert.label);
    return html`<li
      part="alert"
      class="alert"
      tabindex="-1"
      data-id=${alert.id}
      data-severity=${alert.severity}
      data-state=${alert.state}
      data-rule=${alert.ruleId}
      ?data-silenced=${Boolean(silence)}
    >
      ${renderSeverity(lang, alert.severity)}
      <div class="body">
        <strong part="label">${label}</strong>
        <p part="message">${describeAlert(lang, alert)}</p>
        <span part="since" class="meta" title=${formatDateTime(lang, alert.since)}
          >${t(lang, 'Since {0} ({1})', formatTime(lang, alert.since), formatAgo(lang, alert.since, Math.max(ctx.now, alert.since)))}</span
        >
        ${acked ? html`<span part="acknowledged" class="meta">${acknowledgedText(ctx.lang, alert)}</span>` : nothing}
        ${silence ? html`<span part="silenced" class="meta"><span aria-hidden="true">🔕 </span>${this.silenceText(silence)}</span>` : nothing}
        ${this.alertmanager.render(engine.rule(alert.ruleId), ctx.lang, ctx.now)}
      </div>
      <div class="actions">
        ${failing ? html`<button type="button" part="retry" @click=${() => void this.refresh()}>${t(lang, 'Retry now')}</button>` : nothing}
        <button
          type="button"
          part="acknowledge"
          aria-disabled=${acked ? 'true' : 'false'}
          aria-haspopup=${acked ? nothing : 'dialog'}
          aria-label=${acked ? t(lang, 'Acknowledged: {0}', label) : t(lang, 'Acknowledge: {0}', label)}
          @click=${(e: Event) => !acked && this.openDialog({ kind: 'acknowledge', alertId: alert.id }, e)}
        >
          ${acked ? t(lang, 'Acknowledged') : t(lang, 'Acknowledge…')}
        </button>
        ${silence
          ? html`<button type="button" part="lift" aria-label=${t(lang, 'Lift silence: {0}', label)} @click=${() => this.lift(silence)}>
              ${t(lang, 'Lift silence')}
            </button>`
          : html`<button
              type="button"
              part="silence"
              aria-haspopup="dialog"
              aria-label=${t(lang, 'Silence: {0}', label)}
              @click=${(e: Event) => this.openDialog({ kind: 'silence', alertId: alert.id }, e)}
            >
              ${t(lang, 'Silence…')}
            </button>`}
      </div>
    </li>`;
  }

  /** "Silenced (this alert) for 42 min more (until 14:02): deploying the fix". */
  private silenceText(silence: Silence): string {
    const { lang, now } = this.ctx();
    const rule = silence.scope === 'rule';
    if (silence.until === null) {
      return rule ? t(lang, 'Silenced (every alert of this rule) until it resolves: {0}', silence.reason) : t(lang, 'Silenced (this alert) until it resolves: {0}', silence.reason);
    }
    const left = formatSeconds(lang, Math.max(1, Math.ceil((silence.until - now) / 1000)));
    const until = shortTime(lang, silence.until);
    return rule
      ? t(lang, 'Silenced (every alert of this rule) for {0} more (until {1}): {2}', left, until, silence.reason)
      : t(lang, 'Silenced (this alert) for {0} more (until {1}): {2}', left, until, silence.reason);
  }

  private lift(silence: Silence) {
    this.monitor.engine.lift(silence.id, this.source.clock.now());
    // The lift button goes; keep focus on the alert it was in.
    void this.updateComplete.then(() => {
      if (silence.alertId) {
        const row = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~=alert]')].find((li) => li.dataset.id === silence.alertId);
        row?.querySelector<HTMLElement>('[part=silence]')?.focus();
      }
    });
  }

  /** Silences of rules with no active alert shown: they are in force all the same. */
  private renderRuleSilences(active: readonly Alert[]) {
    const now = this.ctx().now;
    const shown = new Set(active.map((a) => a.ruleId));
    const rest = this.monitor.engine.silences.get().filter((s) => s.scope === 'rule' && !shown.has(s.ruleId) && (s.until === null || s.until > now));
    if (rest.length === 0) return nothing;
    const lang = langOf(this);
    return html`<h3 class="subheading">${t(lang, 'Silenced rules')}</h3>
      <ul part="silences" aria-label=${t(lang, 'Silenced rules')}>
        ${rest.map(
          (s) => html`<li class="alert" data-severity=${s.severity}>
            ${renderSeverity(lang, s.severity)}
            <div class="body"><strong>${t(lang, s.label)}</strong> <span class="meta">${this.silenceText(s)}</span></div>
            <div class="actions">
              <button type="button" part="lift" aria-label=${t(lang, 'Lift silence: {0}', t(lang, s.label))} @click=${() => this.lift(s)}>${t(lang, 'Lift silence')}</button>
            </div>
          </li>`,
        )}
      </ul>`;
  }

}
