import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  effectiveCondition,
  fromInputNumber,
  ruleEnabled,
  toInputNumber,
  validSamples,
  validValue,
  valueUnit,
} from '../../alerts/conditions.js';
import type { AlertMonitor } from '../../alerts/monitor.js';
import { atLeast, SEVERITIES, SEVERITY_RANK, type Alert, type AlertRule, type Severity } from '../../alerts/types.js';
import { PharosAlertAcknowledgeEvent } from '../../events/alert-acknowledge.js';
import { PharosAlertEvent, type AlertFiredDetail } from '../../events/alert-fired.js';
import { formatAgo, formatDateTime, formatNumber, formatSeconds, formatTime, langOf } from '../../internal/format.js';
import { PharosElement } from '../../internal/pharos-element.js';
import { renderErrorNotice, renderSkeleton, renderUpdated } from '../../internal/resource-views.js';
import { panelStyles, pillStyles, themeStyles } from '../../internal/theme.js';
import { TickController } from '../../store/controllers.js';
import { AlertMonitorController } from './alert-monitor-controller.js';
import { alertsStyles } from './alerts.styles.js';
import { playBeep } from './beep.js';

/** The views of the full element. */
export type AlertsTab = 'active' | 'history' | 'preferences';
const TABS: readonly { id: AlertsTab; label: string }[] = [
  { id: 'active', label: 'Active' },
  { id: 'history', label: 'History' },
  { id: 'preferences', label: 'Preferences' },
];

/** Icon and word of each severity: the word carries the meaning, colour only reinforces it. */
export const SEVERITY_LOOK: Readonly<Record<Severity, { icon: string; label: string }>> = {
  critical: { icon: '‼', label: 'Critical' },
  warning: { icon: '!', label: 'Warning' },
  info: { icon: 'i', label: 'Info' },
};

const MIN_SEVERITY_OPTIONS: readonly { value: Severity; label: string }[] = [
  { value: 'info', label: 'All alerts' },
  { value: 'warning', label: 'Warnings and critical' },
  { value: 'critical', label: 'Critical only' },
];

/** Most urgent first, then newest first. Acknowledging does not reorder (focus stays put). */
const byUrgency = (a: Alert, b: Alert) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.since - a.since;

function detailOf(alert: Alert, baseUrl: string): AlertFiredDetail {
  const { id, ruleId, label, severity, message, since, value } = alert;
  return { id, ruleId, label, severity, message, since, value, baseUrl };
}

/**
 * Smart alerts for a Pharos backend: threshold, status and anomaly rules evaluated as soon
 * as the shared store receives a value (no polling of its own), with the active alerts, a
 * history of resolved ones and per-backend preferences saved in `localStorage`.
 *
 * New alerts are announced in a live region (polite; assertive for critical ones) and, when
 * sound is on, with a short beep. Several `<pharos-alerts>` of one backend share the same
 * alerts; the first one connected announces, beeps and fires `pharos-alert`.
 *
 * @tag pharos-alerts
 * @summary Active alerts, their history and alert preferences.
 *
 * @fires pharos-alert - A new alert started firing (`detail`: id, ruleId, label, severity, message, since, value, baseUrl).
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
 * @csspart acknowledge - The acknowledge button.
 * @csspart retry - The retry button of a "backend not answering" alert and of the error notice.
 * @csspart empty - The "no active alerts" line.
 * @csspart history - The list of resolved alerts.
 * @csspart history-item - One resolved alert.
 * @csspart clear-history - The button that empties the history.
 * @csspart preferences - The preferences form.
 * @csspart rule - One rule's settings.
 * @csspart field-error - A validation message.
 * @csspart test-sound - The "Test sound" button.
 * @csspart summary - Compact mode: the counts button.
 * @csspart panel - Compact mode: the expandable list.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice when a watched endpoint fails.
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

  /** Heading text. */
  @property() heading = 'Alerts';

  /** Compact mode for a header: counts by severity as a button that expands the list. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Compact mode: whether the list is expanded. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The view shown in full mode. */
  @property({ reflect: true }) tab: AlertsTab = 'active';

  @state() private polite = '';
  @state() private assertive = '';
  /** Typed text of preference inputs, kept as typed (also when invalid). */
  @state() private drafts: Record<string, string> = {};
  @state() private fieldErrors: Record<string, string> = {};

  private readonly alerts = new AlertMonitorController(this);
  private pendingAnnouncements: Alert[] = [];

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
   * Acknowledges an active alert, firing `pharos-alert-acknowledge` first (cancelable).
   * Returns true when it was acknowledged.
   */
  acknowledge(id: string): boolean {
    const engine = this.monitor.engine;
    const alert = engine.active.get().find((a) => a.id === id);
    if (!alert || alert.state !== 'firing') return false;
    const at = this.source.clock.now();
    const event = this.emit(new PharosAlertAcknowledgeEvent({ ...detailOf(alert, this.source.baseUrl), acknowledgedAt: at }));
    if (event.defaultPrevented) return false;
    engine.acknowledge(id, at);
    return true;
  }

  /** @internal Called by the monitor controller for each newly firing alert. */
  alertFired(alert: Alert, monitor: AlertMonitor): void {
    if (!monitor.isLead(this)) return;
    this.emit(new PharosAlertEvent(detailOf(alert, this.source.baseUrl)));
    const preferences = monitor.engine.preferences.get();
    if (!atLeast(alert.severity, preferences.minSeverity)) return;
    if (preferences.sound && alert.severity !== 'info') void playBeep(alert.severity);
    // Alerts of one pass are announced together: one message, not several racing.
    if (this.pendingAnnouncements.length === 0) queueMicrotask(() => this.announce());
    this.pendingAnnouncements.push(alert);
  }

  private announce(): void {
    const batch = this.pendingAnnouncements;
    this.pendingAnnouncements = [];
    const text = batch.map((a) => `${SEVERITY_LOOK[a.severity].label} alert: ${a.label}. ${a.message}`).join(' ');
    if (batch.some((a) => a.severity === 'critical')) this.assertive = text;
    else this.polite = text;
  }

  override render() {
    const engine = this.monitor.engine;
    const preferences = engine.preferences.get();
    const active = engine.active.get().filter((a) => atLeast(a.severity, preferences.minSeverity)).sort(byUrgency);
    const hidden = engine.active.get().length - active.length;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.polite}</div>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this.assertive}</div>`;
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
    if (active.length === 0) return html`<span class="pill count" data-severity="none"><span aria-hidden="true">✓</span> No alerts</span>`;
    return html`${counts.map(
      ([s, n]) => html`<span class="pill count" data-severity=${s}
        ><span class="pill-icon" aria-hidden="true">${SEVERITY_LOOK[s].icon}</span>${formatNumber(lang, n, 0)} ${SEVERITY_LOOK[s].label.toLowerCase()}</span
      >`,
    )}${acked > 0 ? html`<span class="pill count" data-severity="acknowledged">${formatNumber(lang, acked, 0)} acknowledged</span>` : nothing}`;
  }

  private renderCompact(active: readonly Alert[], live: TemplateResult) {
    return html`<div part="compact" class="compact" @keydown=${this.onCompactKey}>
      <button type="button" part="summary" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel" @click=${() => (this.open = !this.open)}>
        <span class="visually-hidden">${this.heading}: </span>${this.renderCounts(active)}
      </button>
      <div id="panel" part="panel" role="region" aria-label=${this.heading} ?hidden=${!this.open}>${this.open ? this.renderActive(active, 0) : nothing}</div>
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
      active: `Active (${formatNumber(ctx.lang, active.length, 0)})`,
      history: `History (${formatNumber(ctx.lang, history.length, 0)})`,
      preferences: 'Preferences',
    };
    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading}</h2>
        <span part="counts" class="counts">${this.renderCounts(active)}</span>
        ${renderUpdated(this.monitor.resources, ctx)}
      </div>
      <div part="tabs" role="tablist" aria-label="Alert views" @keydown=${this.onTabKey}>
        ${TABS.map(
          (t) => html`<button
            type="button"
            role="tab"
            id="tab-${t.id}"
            part=${this.tab === t.id ? 'tab tab-selected' : 'tab'}
            aria-selected=${this.tab === t.id ? 'true' : 'false'}
            aria-controls="panel-${t.id}"
            tabindex=${this.tab === t.id ? 0 : -1}
            @click=${() => (this.tab = t.id)}
          >
            ${labels[t.id]}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" class="panel">
        ${this.tab === 'history' ? this.renderHistory() : this.tab === 'preferences' ? this.renderPreferences() : this.renderActive(active, hidden)}
      </div>
      ${live}
    </section>`;
  }

  private onTabKey(event: KeyboardEvent) {
    const index = TABS.findIndex((t) => t.id === this.tab);
    const last = TABS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.tab = TABS[target]!.id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  private renderActive(active: readonly Alert[], hidden: number) {
    const monitor = this.monitor;
    const engine = monitor.engine;
    const ctx = this.ctx();
    const preferences = engine.preferences.get();
    const anyEnabled = engine.rules.some((r) => ruleEnabled(r, preferences));
    const failingActive = active.some((a) => engine.rule(a.ruleId)?.condition.kind === 'failing');
    const failure = monitor.watching.find((w) => w.resource.error.get() !== null);
    const hiddenNote =
      hidden > 0
        ? html`<p class="meta">${formatNumber(ctx.lang, hidden, 0)} less severe ${hidden === 1 ? 'alert is' : 'alerts are'} hidden by the preferences.</p>`
        : nothing;
    if (!anyEnabled) {
      return html`<p class="notice" data-tone="neutral" part="empty">All alert rules are turned off. Turn some on in the preferences.</p>`;
    }
    const notice =
      failure && !failingActive ? renderErrorNotice(failure.resource, ctx, () => void this.refresh(), failure.target.label) : nothing;
    if (active.length === 0) {
      if (engine.checkedAt.get() === null) return html`${notice}${renderSkeleton(2, 'Checking alert rules')}`;
      return html`${notice}<p part="empty" class="empty"><span aria-hidden="true">✓</span> No active alerts.</p>
        ${hiddenNote}`;
    }
    return html`${notice}
      <ul part="list" aria-label="Active alerts">
        ${repeat(
          active,
          (a) => a.id,
          (a) => this.renderAlert(a),
        )}
      </ul>
      ${hiddenNote}`;
  }

  private renderSeverity(severity: Severity) {
    const look = SEVERITY_LOOK[severity];
    return html`<span part="severity" class="pill severity" data-severity=${severity}
      ><span class="pill-icon" aria-hidden="true">${look.icon}</span>${look.label}</span
    >`;
  }

  private renderAlert(alert: Alert) {
    const ctx = this.ctx();
    const acked = alert.state === 'acknowledged';
    const failing = this.monitor.engine.rule(alert.ruleId)?.condition.kind === 'failing';
    return html`<li part="alert" class="alert" data-severity=${alert.severity} data-state=${alert.state} data-rule=${alert.ruleId}>
      ${this.renderSeverity(alert.severity)}
      <div class="body">
        <strong part="label">${alert.label}</strong>
        <p part="message">${alert.message}</p>
        <span part="since" class="meta" title=${formatDateTime(ctx.lang, alert.since)}
          >Since ${formatTime(ctx.lang, alert.since)} (${formatAgo(ctx.lang, alert.since, Math.max(ctx.now, alert.since))})${acked
            ? html` · <span part="acknowledged">acknowledged</span>`
            : nothing}</span
        >
      </div>
      <div class="actions">
        ${failing ? html`<button type="button" part="retry" @click=${() => void this.refresh()}>Retry now</button>` : nothing}
        <button
          type="button"
          part="acknowledge"
          aria-disabled=${acked ? 'true' : 'false'}
          aria-label=${acked ? `Acknowledged: ${alert.label}` : `Acknowledge: ${alert.label}`}
          @click=${() => this.acknowledge(alert.id)}
        >
          ${acked ? 'Acknowledged' : 'Acknowledge'}
        </button>
      </div>
    </li>`;
  }

  private renderHistory() {
    const engine = this.monitor.engine;
    const ctx = this.ctx();
    const min = engine.preferences.get().minSeverity;
    const items = engine.history.get().filter((a) => atLeast(a.severity, min));
    if (items.length === 0) return html`<p part="empty" class="meta">No resolved alerts yet.</p>`;
    return html`<ol part="history" aria-label="Resolved alerts">
        ${repeat(
          items,
          (a) => a.id,
          (a) => {
            const lasted = a.resolvedAt === null ? null : (a.resolvedAt - a.since) / 1000;
            return html`<li part="history-item" class="alert" data-severity=${a.severity} data-rule=${a.ruleId}>
              ${this.renderSeverity(a.severity)}
              <div class="body">
                <strong part="label">${a.label}</strong>
                <p part="message">${a.message}</p>
                <span class="meta"
                  >Fired ${formatDateTime(ctx.lang, a.since)} · lasted ${formatSeconds(ctx.lang, lasted)}${a.acknowledgedAt !== null
                    ? ' · acknowledged'
                    : ''}${a.note ? ` · ${a.note}` : ''}</span
                >
              </div>
            </li>`;
          },
        )}
      </ol>
      <div><button type="button" part="clear-history" @click=${() => engine.clearHistory()}>Clear history</button></div>`;
  }

  // ---- Preferences ----

  private renderPreferences() {
    const engine = this.monitor.engine;
    const preferences = engine.preferences.get();
    return html`<form part="preferences" novalidate @submit=${this.onSubmit} @change=${this.onChange} @input=${this.onInput}>
      <fieldset>
        <legend>Rules</legend>
        ${engine.rules.map((rule) => this.renderRule(rule))}
      </fieldset>
      <fieldset>
        <legend>Notifications</legend>
        <div class="row">
          <label><input type="checkbox" name="sound" .checked=${preferences.sound} /> Beep when a critical or warning alert fires</label>
          <button type="button" part="test-sound" @click=${() => void playBeep('warning')}>Test sound</button>
        </div>
        <div class="row">
          <label for="min-severity">Show</label>
          <select id="min-severity" name="minSeverity" .value=${preferences.minSeverity}>
            ${MIN_SEVERITY_OPTIONS.map((o) => html`<option value=${o.value} ?selected=${o.value === preferences.minSeverity}>${o.label}</option>`)}
          </select>
        </div>
      </fieldset>
      <div class="row">
        <button type="button" part="reset" @click=${this.resetPreferences}>Reset to defaults</button>
        <span class="meta">Saved in this browser for ${this.source.baseUrl || 'this site'}.</span>
      </div>
    </form>`;
  }

  private renderRule(rule: AlertRule) {
    const preferences = this.monitor.engine.preferences.get();
    const enabled = ruleEnabled(rule, preferences);
    const condition = effectiveCondition(rule, preferences);
    const id = rule.id;
    const number = (field: 'value' | 'samples', current: number, before: string, after: string, width = 5) => {
      const accessibleName = `${rule.label}: ${before}${after ? ` (${after})` : ''}`;
      const name = `${field}:${id}`;
      const error = this.fieldErrors[name];
      const shown = this.drafts[name] ?? String(field === 'value' ? toInputNumber(valueUnit(condition), current) : current);
      return html`<label class="number">
          ${before}
          <input
            type="text"
            inputmode="decimal"
            name=${name}
            size=${width}
            .value=${shown}
            ?disabled=${!enabled}
            aria-label=${accessibleName}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `err-${field}-${id}` : nothing}
          />
          ${after}
        </label>
        ${error ? html`<span part="field-error" class="field-error" id="err-${field}-${id}">${error}</span>` : nothing}`;
    };
    let tuning: TemplateResult | typeof nothing = nothing;
    if (condition.kind === 'threshold') {
      const unit = condition.unit === 'percent' ? '%' : condition.unit === 'ms' ? 'ms' : condition.unit === 'seconds' ? 's' : '';
      tuning = html`${number('value', condition.value, `Fire when at or ${condition.direction}`, unit)}
      ${number('samples', condition.samples, 'for', condition.samples === 1 ? 'sample in a row' : 'samples in a row', 3)}`;
    } else if (condition.kind === 'anomaly') {
      tuning = number('value', condition.value, 'Fire from a robust z-score of', '');
    } else if (condition.kind === 'failing') {
      tuning = number('value', condition.value, 'Fire after', 'failed attempts in a row', 3);
    }
    return html`<div part="rule" class="rule" data-rule=${id}>
      <label class="toggle">
        <input type="checkbox" name="enabled:${id}" .checked=${enabled} aria-describedby="desc-${id}" />
        ${this.renderSeverity(rule.severity)} ${rule.label}
      </label>
      <p class="meta" id="desc-${id}">${rule.description}</p>
      ${tuning === nothing ? nothing : html`<div class="tuning">${tuning}</div>`}
    </div>`;
  }

  private onInput(event: Event) {
    const input = event.target as HTMLInputElement;
    if (input.type !== 'text') return;
    this.drafts = { ...this.drafts, [input.name]: input.value };
  }

  private onChange(event: Event) {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const engine = this.monitor.engine;
    const at = this.source.clock.now();
    if (input.name === 'sound') {
      engine.setPreferences({ ...engine.preferences.get(), sound: (input as HTMLInputElement).checked }, at);
    } else if (input.name === 'minSeverity') {
      engine.setPreferences({ ...engine.preferences.get(), minSeverity: input.value as Severity }, at);
    } else if (input.name.startsWith('enabled:')) {
      // Omitted when on: the default, so a rule added later is on too.
      engine.setRulePreference(input.name.slice(8), { enabled: (input as HTMLInputElement).checked ? undefined : false }, at);
    } else if (input instanceof HTMLInputElement && input.type === 'text') {
      this.apply(input.name, input.value);
    }
  }

  private onSubmit(event: Event) {
    event.preventDefault();
    for (const [name, typed] of Object.entries(this.drafts)) this.apply(name, typed);
  }

  /** Validates and saves one typed number; on error the typed text stays, with a message. */
  private apply(name: string, typed: string) {
    const [field, ruleId] = name.split(':') as ['value' | 'samples', string];
    const engine = this.monitor.engine;
    const rule = engine.rule(ruleId);
    if (!rule) return;
    const condition = effectiveCondition(rule, engine.preferences.get());
    const text = typed.trim().replace(',', '.');
    const parsed = text === '' ? NaN : Number(text);
    let error: string | null;
    let stored = parsed;
    if (field === 'samples') error = Number.isFinite(parsed) ? validSamples(parsed) : 'Enter a number.';
    else {
      stored = fromInputNumber(valueUnit(condition), parsed);
      error = validValue(condition, stored);
    }
    const drafts = { ...this.drafts };
    const errors = { ...this.fieldErrors };
    if (error) {
      drafts[name] = typed;
      errors[name] = error;
    } else {
      delete drafts[name];
      delete errors[name];
      const original = rule.condition as { value: number; samples?: number };
      const isDefault = field === 'samples' ? stored === original.samples : Math.abs(stored - original.value) < 1e-9;
      engine.setRulePreference(ruleId, { [field]: isDefault ? undefined : stored }, this.source.clock.now());
    }
    this.drafts = drafts;
    this.fieldErrors = errors;
  }

  private resetPreferences = () => {
    const engine = this.monitor.engine;
    engine.setPreferences({ rules: {}, sound: false, minSeverity: 'info' }, this.source.clock.now());
    this.drafts = {};
    this.fieldErrors = {};
  };
}
