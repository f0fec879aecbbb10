/**
 * `<pharos-alerts>`' History and Preferences tabs, loaded when one of them is first opened:
 * most pages only ever show the active alerts. What is typed and chosen here lives as long
 * as the element, across tab switches.
 */
import { html, nothing, type TemplateResult } from 'lit';
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
import { filterHistory, historyToCsv, historyToJson } from '../../alerts/export.js';
import type { AlertMonitor } from '../../alerts/monitor.js';
import {
  atLeast,
  HISTORY_LIMIT,
  HISTORY_MAX_AGE_MS,
  isSilenceRecord,
  MAX_SAMPLES,
  SEVERITIES,
  type Alert,
  type AlertRule,
  type HistoryEntry,
  type Severity,
  type SilenceRecord,
} from '../../alerts/types.js';
import { t, tp, translatable } from '../../i18n/translate.js';
import { downloadText } from '../../util/download.js';
import { formatDateTime, formatNumber, formatSeconds, langOf } from '../../util/format.js';
import type { PharosSource } from '../../store/source.js';
import { alertSound } from './beep.js';
import { notificationPermission, requestNotificationPermission } from './desktop-notification.js';
import { describeAlert, WORDING } from './alert-text.js';
import { acknowledgedText, renderSeverity } from './alert-views.js';
import { SEVERITY_LOOK } from './severity.js';

/** What the panels need of their element. */
export interface AlertPanelsHost extends HTMLElement {
  readonly monitor: AlertMonitor;
  readonly source: PharosSource;
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
}

const MIN_SEVERITY_OPTIONS: readonly { value: Severity; label: string }[] = [
  { value: 'info', label: translatable('All alerts') },
  { value: 'warning', label: translatable('Warnings and critical') },
  { value: 'critical', label: translatable('Critical only') },
];

/** The History and Preferences tabs of one `<pharos-alerts>`, with their state. */
export class AlertPanels {
  private state = {
    /** Typed text of preference inputs, kept as typed (also when invalid). */
    drafts: {} as Record<string, string>,
    /** Why a typed number is refused, in English (shown with `t()`). */
    fieldErrors: {} as Record<string, string>,
    /** History filters: a severity and a rule id; empty for all. */
    historySeverity: '' as Severity | '',
    historyRule: '',
    /** Why desktop notifications could not be turned on, if they could not (English, shown with `t()`). */
    notificationError: '',
  };

  constructor(private readonly host: AlertPanelsHost) {}

  private set(patch: Partial<AlertPanels['state']>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }

  private ctx() {
    return { lang: langOf(this.host), now: this.host.source.now.get() };
  }

  /** The history as a file: `csv` or `json`, with the current filters applied, in the element's language. */
  historyFile(format: 'csv' | 'json'): { name: string; type: string; text: string } {
    const source = this.host.source;
    const language = { lang: langOf(this.host), wording: WORDING };
    const entries = this.filteredHistory();
    const stamp = new Date(source.clock.now()).toISOString().slice(0, 16).replace(/[:T]/g, '-');
    const name = `pharos-alerts-${stamp}.${format}`;
    return format === 'csv'
      ? { name, type: 'text/csv;charset=utf-8', text: historyToCsv(entries, language) }
      : { name, type: 'application/json', text: historyToJson(entries, { baseUrl: source.baseUrl, exportedAt: source.clock.now() }, language) };
  }

  /** Downloads {@link historyFile}. */
  exportHistory(format: 'csv' | 'json'): void {
    const file = this.historyFile(format);
    downloadText(this.host.renderRoot, file.name, file.type, file.text);
  }

  private filteredHistory(): HistoryEntry[] {
    const engine = this.host.monitor.engine;
    const min = engine.preferences.get().minSeverity;
    return filterHistory(
      engine.history.get().filter((e) => atLeast(e.severity, min)),
      { severities: this.state.historySeverity ? [this.state.historySeverity] : [], ruleId: this.state.historyRule },
    );
  }

  /** The History tab: resolved alerts and ended silences, filters and export. */
  renderHistory(): TemplateResult {
    const engine = this.host.monitor.engine;
    const ctx = this.ctx();
    const all = engine.history.get();
    const items = this.filteredHistory();
    const rules = engine.rules.filter((r) => all.some((e) => e.ruleId === r.id));
    const lang = ctx.lang;
    const filters = html`<div class="row" part="history-filters">
      <label for="history-severity">${t(lang, 'Severity')}</label>
      <select id="history-severity" .value=${this.state.historySeverity} @change=${(e: Event) => this.set({ historySeverity: (e.target as HTMLSelectElement).value as Severity | '' })}>
        <option value="" ?selected=${this.state.historySeverity === ''}>${t(lang, 'All severities')}</option>
        ${SEVERITIES.map((s) => html`<option value=${s} ?selected=${this.state.historySeverity === s}>${t(lang, SEVERITY_LOOK[s].label)}</option>`)}
      </select>
      <label for="history-rule">${t(lang, 'Rule')}</label>
      <select id="history-rule" .value=${this.state.historyRule} @change=${(e: Event) => this.set({ historyRule: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${this.state.historyRule === ''}>${t(lang, 'All rules')}</option>
        ${rules.map((r) => html`<option value=${r.id} ?selected=${this.state.historyRule === r.id}>${t(lang, r.label)}</option>`)}
      </select>
      <button type="button" part="export-csv" ?disabled=${items.length === 0} @click=${() => this.exportHistory('csv')}>${t(lang, 'Export CSV')}</button>
      <button type="button" part="export-json" ?disabled=${items.length === 0} @click=${() => this.exportHistory('json')}>${t(lang, 'Export JSON')}</button>
    </div>`;
    if (all.length === 0) return html`<p part="empty" class="meta">${t(lang, 'No resolved alerts yet.')}</p>`;
    return html`${filters}
      <p class="meta">
        ${tp(
          lang,
          all.length,
          '{0} of {1} entry (the last {2} days, at most {3}).',
          '{0} of {1} entries (the last {2} days, at most {3}).',
          formatNumber(lang, items.length, 0),
          formatNumber(lang, all.length, 0),
          formatNumber(lang, HISTORY_MAX_AGE_MS / 86_400_000, 0),
          formatNumber(lang, HISTORY_LIMIT, 0),
        )}
      </p>
      ${items.length === 0
        ? html`<p part="empty" class="meta">${t(lang, 'Nothing matches these filters.')}</p>`
        : html`<ol part="history" aria-label=${t(lang, 'Resolved alerts and ended silences')}>
            ${repeat(
              items,
              (e) => e.id,
              (e) => (isSilenceRecord(e) ? this.renderSilenceRecord(e) : this.renderResolved(e)),
            )}
          </ol>`}
      <div><button type="button" part="clear-history" @click=${() => engine.clearHistory()}>${t(lang, 'Clear history')}</button></div>`;
  }

  private renderResolved(a: Alert) {
    const ctx = this.ctx();
    const lang = ctx.lang;
    const lasted = a.resolvedAt === null ? null : (a.resolvedAt - a.since) / 1000;
    return html`<li part="history-item" class="alert" data-kind="alert" data-severity=${a.severity} data-rule=${a.ruleId}>
      ${renderSeverity(lang, a.severity)}
      <div class="body">
        <strong part="label">${t(lang, a.label)}</strong>
        <p part="message">${describeAlert(lang, a)}</p>
        <span class="meta">${t(lang, 'Fired {0} · lasted {1}', formatDateTime(lang, a.since), formatSeconds(lang, lasted))}${a.note ? ` · ${t(lang, a.note)}` : ''}</span>
        ${a.acknowledgedAt !== null ? html`<span part="acknowledged" class="meta">${acknowledgedText(ctx.lang, a)}</span>` : nothing}
      </div>
    </li>`;
  }

  private renderSilenceRecord(s: SilenceRecord) {
    const ctx = this.ctx();
    const lang = ctx.lang;
    const started = formatDateTime(lang, s.startedAt);
    const end = formatDateTime(lang, s.endedAt);
    const ended =
      s.ended === 'expired'
        ? t(lang, 'Started {0} · ended on time {1}', started, end)
        : s.ended === 'resolved'
          ? t(lang, 'Started {0} · ended when the alert resolved {1}', started, end)
          : t(lang, 'Started {0} · lifted early {1}', started, end);
    const label = t(lang, s.label);
    return html`<li part="history-item" class="alert" data-kind="silence" data-severity=${s.severity} data-rule=${s.ruleId}>
      ${renderSeverity(lang, s.severity)}
      <div class="body">
        <strong part="label"
          ><span aria-hidden="true">🔕 </span>${s.scope === 'alert' ? t(lang, 'Silence: {0} (one alert)', label) : t(lang, 'Silence: {0} (the rule)', label)}</strong
        >
        <p part="message">${s.reason}</p>
        <span class="meta">${ended}</span>
      </div>
    </li>`;
  }

  /** The Preferences tab: the rules, sound, notifications and the least severity shown. */
  renderPreferences(): TemplateResult {
    const engine = this.host.monitor.engine;
    const preferences = engine.preferences.get();
    const lang = langOf(this.host);
    return html`<form part="preferences" novalidate @submit=${this.onSubmit} @change=${this.onChange} @input=${this.onInput}>
      <fieldset>
        <legend>${t(lang, 'Rules')}</legend>
        ${engine.rules.map((rule) => this.renderRule(lang, rule))}
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'Notifications')}</legend>
        <div class="row">
          <label><input type="checkbox" name="sound" .checked=${preferences.sound} /> ${t(lang, 'Beep when a critical or warning alert fires')}</label>
          <button type="button" part="test-sound" @click=${() => void alertSound.play('warning')}>${t(lang, 'Test sound')}</button>
        </div>
        <div class="row">
          <label
            ><input
              type="checkbox"
              name="notifications"
              .checked=${preferences.notifications}
              aria-describedby=${this.state.notificationError ? 'notify-error' : nothing}
            />
            ${t(lang, 'Desktop notification for a new critical or warning alert while this page is hidden')}</label
          >
          ${this.state.notificationError
            ? html`<span part="field-error" class="field-error" id="notify-error" role="alert">${t(lang, this.state.notificationError)}</span>`
            : nothing}
        </div>
        <div class="row">
          <label for="min-severity">${t(lang, 'Show')}</label>
          <select id="min-severity" name="minSeverity" .value=${preferences.minSeverity}>
            ${MIN_SEVERITY_OPTIONS.map((o) => html`<option value=${o.value} ?selected=${o.value === preferences.minSeverity}>${t(lang, o.label)}</option>`)}
          </select>
        </div>
      </fieldset>
      <div class="row">
        <button type="button" part="reset" @click=${this.resetPreferences}>${t(lang, 'Reset to defaults')}</button>
        <span class="meta"
          >${this.host.source.baseUrl
            ? t(lang, 'Saved in this browser for {0}.', this.host.source.baseUrl)
            : t(lang, 'Saved in this browser for this site.')}</span
        >
      </div>
    </form>`;
  }

  private renderRule(lang: string, rule: AlertRule) {
    const preferences = this.host.monitor.engine.preferences.get();
    const enabled = ruleEnabled(rule, preferences);
    const condition = effectiveCondition(rule, preferences);
    const id = rule.id;
    const label = t(lang, rule.label);
    const number = (field: 'value' | 'samples', current: number, before: string, after: string, width = 5) => {
      const accessibleName = `${label}: ${before}${after ? ` (${after})` : ''}`;
      const name = `${field}:${id}`;
      const error = this.state.fieldErrors[name];
      const shown = this.state.drafts[name] ?? String(field === 'value' ? toInputNumber(valueUnit(condition), current) : current);
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
        ${error ? html`<span part="field-error" class="field-error" id="err-${field}-${id}">${t(lang, error, formatNumber(lang, MAX_SAMPLES, 0))}</span>` : nothing}`;
    };
    let tuning: TemplateResult | typeof nothing = nothing;
    if (condition.kind === 'threshold') {
      const unit = condition.unit === 'percent' ? '%' : condition.unit === 'ms' ? 'ms' : condition.unit === 'seconds' ? 's' : '';
      const before = condition.direction === 'above' ? t(lang, 'Fire when at or above') : t(lang, 'Fire when at or below');
      tuning = html`${number('value', condition.value, before, unit)}
      ${number('samples', condition.samples, t(lang, 'for'), tp(lang, condition.samples, 'sample in a row', 'samples in a row'), 3)}`;
    } else if (condition.kind === 'anomaly') {
      tuning = number('value', condition.value, t(lang, 'Fire from a robust z-score of'), '');
    } else if (condition.kind === 'failing') {
      tuning = number('value', condition.value, t(lang, 'Fire after'), tp(lang, condition.value, 'failed attempt in a row', 'failed attempts in a row'), 3);
    }
    return html`<div part="rule" class="rule" data-rule=${id}>
      <label class="toggle">
        <input type="checkbox" name="enabled:${id}" .checked=${enabled} aria-describedby="desc-${id}" />
        ${renderSeverity(lang, rule.severity)} ${label}
      </label>
      <p class="meta" id="desc-${id}">${t(lang, rule.description)}</p>
      ${tuning === nothing ? nothing : html`<div class="tuning">${tuning}</div>`}
    </div>`;
  }

  private onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.type !== 'text') return;
    this.set({ drafts: { ...this.state.drafts, [input.name]: input.value } });
  };

  private onChange = (event: Event) => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const engine = this.host.monitor.engine;
    const at = this.host.source.clock.now();
    if (input.name === 'sound') {
      engine.setPreferences({ ...engine.preferences.get(), sound: (input as HTMLInputElement).checked }, at);
    } else if (input.name === 'notifications') {
      void this.setNotifications((input as HTMLInputElement).checked);
    } else if (input.name === 'minSeverity') {
      engine.setPreferences({ ...engine.preferences.get(), minSeverity: input.value as Severity }, at);
    } else if (input.name.startsWith('enabled:')) {
      // Omitted when on: the default, so a rule added later is on too.
      engine.setRulePreference(input.name.slice(8), { enabled: (input as HTMLInputElement).checked ? undefined : false }, at);
    } else if (input instanceof HTMLInputElement && input.type === 'text') {
      this.apply(input.name, input.value);
    }
  };

  private onSubmit = (event: Event) => {
    event.preventDefault();
    for (const [name, typed] of Object.entries(this.state.drafts)) this.apply(name, typed);
  };

  /** Validates and saves one typed number; on error the typed text stays, with a message. */
  private apply(name: string, typed: string) {
    const [field, ruleId] = name.split(':') as ['value' | 'samples', string];
    const engine = this.host.monitor.engine;
    const rule = engine.rule(ruleId);
    if (!rule) return;
    const condition = effectiveCondition(rule, engine.preferences.get());
    const text = typed.trim().replace(',', '.');
    const parsed = text === '' ? NaN : Number(text);
    let error: string | null;
    let stored = parsed;
    if (field === 'samples') error = Number.isFinite(parsed) ? validSamples(parsed) : translatable('Enter a number.');
    else {
      stored = fromInputNumber(valueUnit(condition), parsed);
      error = validValue(condition, stored);
    }
    const drafts = { ...this.state.drafts };
    const errors = { ...this.state.fieldErrors };
    if (error) {
      drafts[name] = typed;
      errors[name] = error;
    } else {
      delete drafts[name];
      delete errors[name];
      const original = rule.condition as { value: number; samples?: number };
      const isDefault = field === 'samples' ? stored === original.samples : Math.abs(stored - original.value) < 1e-9;
      engine.setRulePreference(ruleId, { [field]: isDefault ? undefined : stored }, this.host.source.clock.now());
    }
    this.set({ drafts, fieldErrors: errors });
  }

  /** Turns desktop notifications on (asking for permission now, and only now) or off. */
  private async setNotifications(on: boolean) {
    const engine = this.host.monitor.engine;
    this.set({ notificationError: '' });
    if (on) {
      const permission = notificationPermission() === 'granted' ? 'granted' : await requestNotificationPermission();
      if (permission !== 'granted') {
        this.set({
          notificationError:
            permission === 'unsupported'
              ? translatable('This browser cannot show desktop notifications.')
              : translatable('The browser blocks notifications for this site. Allow them in the site settings, then turn this on again.'),
        });
        // Put the box back as it is stored: off.
        const box = this.host.renderRoot.querySelector<HTMLInputElement>('input[name=notifications]');
        if (box) box.checked = false;
        return;
      }
    }
    engine.setPreferences({ ...engine.preferences.get(), notifications: on }, this.host.source.clock.now());
  }

  private resetPreferences = () => {
    const engine = this.host.monitor.engine;
    engine.setPreferences({ rules: {}, sound: false, minSeverity: 'info', notifications: false }, this.host.source.clock.now());
    this.set({ notificationError: '', drafts: {}, fieldErrors: {} });
  };
}
