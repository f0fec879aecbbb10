import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { PharosError } from '../../api/errors.js';
import type { HealthReport, ModuleHealth } from '../../api/monitoring.js';
import { timingNote, type TimingMethod } from '../../api/timing.js';
import { computeTrend, detectAnomaly, explainAnomaly, type AnomalyResult, type Trend } from '../../analysis/anomaly.js';
import { formatMs, formatNumber, formatTime, humanize, langOf, MISSING } from '../../util/format.js';
import { Memo } from '../../util/memo.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { radioGroupStyles, renderRadioGroup } from '../../ui/radio-group.js';
import { firstFailure, renderErrorNotice, renderUpdated } from '../../ui/resource-views.js';
import { renderSparkline, sparklineStyles } from '../../ui/sparkline.js';
import { STATUS_LOOK, toBadgeStatus, type BadgeStatus } from '../../ui/status.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { FAILED_SERIES, LATENCY_SERIES, type Resource } from '../../store/resource.js';
import { ResourceListController } from '../../store/lit/resource-list-controller.js';
import { healthResource } from '../../store/resources/health.js';
import { moduleHealthResource } from '../../store/resources/module-health.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { PharosTrend } from '../trend/trend.component.js';
import { moduleGridStyles } from './module-grid.styles.js';
import { selectedRange } from '../../ui/time-window.js';

/** The modules the Pharos backend registers (the default list). */
export const DEFAULT_MODULES: readonly string[] = [
  'annotations', 'auth', 'authority', 'collections', 'github', 'graph', 'ingestion', 'mcp',
  'monitoring', 'patterns', 'pdf_ingestion', 'planning', 'quality', 'resources', 'scholarly', 'search',
];

/** Which modules a filter shows. */
export type ModuleFilter = 'all' | 'healthy' | 'degraded' | 'down';
/** How cards are ordered. `status` puts the worst first; `response-time` the slowest first. */
export type ModuleSort = 'name' | 'status' | 'response-time';
/**
 * When to probe `/health/module/{name}`: `always` (default; the probes give each module's
 * response time and failures), `auto` (only when `/health` does not report modules), `never`.
 */
export type ModuleProbe = 'always' | 'auto' | 'never';

/** Everything one card shows, derived from the health report and the module's probe. */
export interface ModuleView {
  name: string;
  status: BadgeStatus;
  /** The backend's status word. */
  rawStatus: string;
  message: string;
  /** The module's other health fields. */
  details: Record<string, unknown>;
  /** Where the status comes from. */
  statusFrom: 'health' | 'probe' | null;
  probe: Resource<ModuleHealth, string> | null;
  /** Latest successful probe's latency (ms). */
  latencyMs: number | null;
  /** Failed probes within the selected range (null when not probed). */
  errors: number | null;
  trend: Trend | null;
  anomaly: AnomalyResult | null;
  /** Why the card needs attention, or null. */
  alert: string | null;
  stale: boolean;
  loading: boolean;
  probeError: PharosError | null;
}

/** What a module's probes in the selected range say. */
interface ProbeStats {
  errors: number;
  trend: Trend | null;
  anomaly: AnomalyResult;
}

const STATUS_ORDER: Record<BadgeStatus, number> = { down: 0, degraded: 1, unknown: 2, 'not-applicable': 3, healthy: 4 };
const FILTERS: readonly ModuleFilter[] = ['all', 'healthy', 'degraded', 'down'];
const SORTS: Record<ModuleSort, string> = { name: 'Name', status: 'Status', 'response-time': 'Response time' };

/** Reads `modules="auth, search graph"` into a clean, de-duplicated list. */
const moduleList = {
  fromAttribute: (text: string | null) => (text === null ? [...DEFAULT_MODULES] : [...new Set(text.split(/[\s,]+/).filter(Boolean))]),
  toAttribute: (value: readonly string[]) => value.join(','),
};

/** A backend value as plain text for the details view (never HTML). */
function asText(lang: string, value: unknown): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') return formatNumber(lang, value, 3);
  if (typeof value === 'string') return value || MISSING;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

/**
 * One card per backend module with its status, probe response time and trend, failed
 * probes in the selected time range, and an alert when a module is down or unusually slow.
 * Filter by status and sort; open a card for the module's full health payload and its
 * recent probes.
 *
 * Status comes from `/api/monitoring/health` when the backend reports modules there, else
 * from `/api/monitoring/health/module/{name}` (one shared, polled resource per module).
 * A probe's response time is its request's network timing, the same figures the
 * performance panel's percentiles use; a note under the cards says how they were measured.
 *
 * @tag pharos-module-grid
 * @summary Health of every backend module.
 *
 * @dependency pharos-status-badge
 * @dependency pharos-trend
 *
 * @csspart base - The panel.
 * @csspart header - Title row with the last-updated time.
 * @csspart updated - The "updated N s ago" label.
 * @csspart toolbar - Filter and sort controls.
 * @csspart filter - The status filter (a radio group).
 * @csspart filter-option - One filter option.
 * @csspart filter-option-selected - The selected filter option.
 * @csspart sort - The sort select.
 * @csspart grid - The list of cards.
 * @csspart timing - The note saying how response times were measured (network timing or page-observed).
 * @csspart card - One module card (a button opening its details); a card needing attention also has part `card-alert`.
 * @csspart name - A module's name.
 * @csspart alert - A card's alert mark (down or unusually slow).
 * @csspart empty - The message when no module matches the filter.
 * @csspart details - The details dialog.
 * @csspart details-fields - The module's health fields in the dialog.
 * @csspart probes - The recent probes in the dialog.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-module-grid-card-min-width - Minimum card width (default 12em).
 * @cssprop --pharos-module-grid-card-surface - Card background.
 * @cssprop --pharos-module-grid-alert - Colour of alerts (defaults to `--pharos-danger`).
 * @cssprop --pharos-module-grid-accent - Selected filter colour (defaults to `--pharos-accent`).
 *
 * @example
 * <pharos-module-grid base-url="https://pharos.onrender.com" sort="status"></pharos-module-grid>
 * <pharos-module-grid modules="search, graph, ingestion"></pharos-module-grid>
 */
export class PharosModuleGrid extends PharosElement {
  static override styles = [themeStyles, panelStyles, sparklineStyles, radioGroupStyles, moduleGridStyles];
  static override dependencies = { 'pharos-status-badge': PharosStatusBadge, 'pharos-trend': PharosTrend };

  /** Heading text. */
  @property() heading = 'Modules';

  /** The modules to show, as a list, or as an attribute separated by commas or spaces. Default: every module the backend registers. */
  @property({ converter: moduleList }) modules: string[] = [...DEFAULT_MODULES];

  /** When to probe each module: `always` (default), `auto` or `never`. */
  @property() probe: ModuleProbe = 'always';

  /** Status filter: `all` (default), `healthy`, `degraded`, `down`. */
  @property({ reflect: true }) filter: ModuleFilter = 'all';

  /** Order of the cards: `name` (default), `status`, `response-time`. */
  @property({ reflect: true }) sort: ModuleSort = 'name';

  /** The module whose details are open, or null. */
  @state() private selected: string | null = null;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly health = new ResourceController(this, healthResource);
  private readonly probes = new ResourceListController(this, moduleHealthResource, () => this.probedModules());
  private opener: HTMLElement | null = null;
  private readonly stats = new Map<string, Memo<ProbeStats>>();

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes the health report and every probe now. */
  async refresh(): Promise<void> {
    await Promise.all([this.health.resource.refresh(), ...this.probes.resources.map((r) => r.refresh())]);
  }

  /** Opens the details of a module. */
  openDetails(name: string): void {
    this.opener = (this.renderRoot.querySelector(`[part~=card][data-name="${CSS.escape(name)}"]`) as HTMLElement | null) ?? null;
    this.selected = name;
  }

  /** Closes the details. */
  closeDetails(): void {
    this.dialog?.close();
  }

  /** Every module's current view, in the order of `modules`. */
  get views(): ModuleView[] {
    const report = this.health.resource.value.get();
    const healthStale = this.health.resource.stale.get();
    const probes = new Map(this.probes.resources.map((r) => [r.params, r]));
    const [from] = selectedRange(this.source);
    return this.modules.map((name) => this.view(name, report, healthStale, probes.get(name) ?? null, from));
  }

  private probedModules(): string[] {
    if (this.probe === 'never') return [];
    if (this.probe === 'auto') {
      const health = this.health.resource;
      // Wait for /health to say whether it reports modules; probe if it cannot say.
      if (health.value.get() === undefined) return health.error.get() ? this.modules : [];
      const listed = new Set(health.value.get()!.modules?.map((m) => m.name) ?? []);
      return this.modules.filter((m) => !listed.has(m));
    }
    return this.modules;
  }

  private view(name: string, report: HealthReport | undefined, healthStale: boolean, probe: Resource<ModuleHealth, string> | null, from: number): ModuleView {
    const fromHealth = report?.modules?.find((m) => m.name === name);
    const probed = probe?.value.get();
    const source = fromHealth ?? probed;
    const status = source ? toBadgeStatus(source.status) : 'unknown';
    let latencyMs: number | null = null;
    let errors: number | null = null;
    let trend: Trend | null = null;
    let anomaly: AnomalyResult | null = null;
    if (probe) {
      latencyMs = probe.history.latest(LATENCY_SERIES);
      ({ errors, trend, anomaly } = this.probeStats(probe, from));
    }
    const slow = anomaly?.anomalous && anomaly.direction === 'up';
    const alert = status === 'down' ? 'Module down' : slow ? 'Unusually slow' : null;
    return {
      name,
      status,
      rawStatus: source?.status ?? 'unknown',
      message: source?.message ?? '',
      details: source?.details ?? {},
      statusFrom: fromHealth ? 'health' : probed ? 'probe' : null,
      probe,
      latencyMs,
      errors,
      trend,
      anomaly,
      alert,
      stale: fromHealth ? healthStale : Boolean(probe?.stale.get()),
      loading: !source && !(probe?.error.get() ?? this.health.resource.error.get()),
      probeError: probe?.error.get() ?? null,
    };
  }

  /**
   * Failures, trend and anomaly of a module's probes in the range: recomputed when a probe
   * lands or the range changes, not on every one-second tick.
   */
  private probeStats(probe: Resource<ModuleHealth, string>, from: number): ProbeStats {
    let memo = this.stats.get(probe.key);
    if (!memo) this.stats.set(probe.key, (memo = new Memo()));
    return memo.get([probe.history.version.get(), this.source.timeRange.get()], () => {
      const window = probe.history.window(from, Infinity, [LATENCY_SERIES, FAILED_SERIES]);
      const latencies = window.columns[LATENCY_SERIES]!;
      let errors = 0;
      for (const f of window.columns[FAILED_SERIES]!) if (f === 1) errors++;
      return {
        errors,
        // A trend from two or three probes is noise: wait for a few.
        trend: computeTrend(latencies, { flatBelow: 0.1, minSamples: 4 }),
        // Loopback latencies wobble by a few ms: that is not news.
        anomaly: detectAnomaly(latencies, { absoluteFloor: 5 }),
      };
    });
  }

  private sorted(views: ModuleView[]): ModuleView[] {
    const byName = (a: ModuleView, b: ModuleView) => a.name.localeCompare(b.name);
    const list = [...views];
    if (this.sort === 'status') list.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byName(a, b));
    else if (this.sort === 'response-time') list.sort((a, b) => (b.latencyMs ?? -1) - (a.latencyMs ?? -1) || byName(a, b));
    else list.sort(byName);
    return list;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected' as keyof PharosModuleGrid) && this.selected && this.dialog && !this.dialog.open) {
      this.dialog.showModal();
    }
  }

  /** How the probes' response times were measured (the same figures as the performance panel). */
  private renderTimingNote(probes: readonly Resource<ModuleHealth, string>[]) {
    const counts: Partial<Record<TimingMethod, number>> = {};
    for (const p of probes) {
      const method = p.latencyMethod.get();
      if (method && p.lastSuccessAt.get() !== null) counts[method] = (counts[method] ?? 0) + 1;
    }
    const note = timingNote(counts);
    return note ? html`<p class="meta" part="timing">Response: ${note}.</p>` : nothing;
  }

  private onDialogClose = () => {
    this.selected = null;
    // Give the focus back to the card that opened the dialog.
    const name = this.opener?.dataset.name;
    const card = name ? this.renderRoot.querySelector<HTMLElement>(`[part~=card][data-name="${CSS.escape(name)}"]`) : null;
    (card ?? this.opener)?.focus();
    this.opener = null;
  };

  override render() {
    const lang = langOf(this);
    const ctx = { lang, now: this.source.now.get() };
    const health = this.health.resource;
    const probes = this.probes.resources;
    const views = this.views;
    const counts: Record<ModuleFilter, number> = { all: views.length, healthy: 0, degraded: 0, down: 0 };
    for (const v of views) if (v.status in counts) counts[v.status as ModuleFilter]++;
    const shown = this.sorted(views.filter((v) => this.filter === 'all' || v.status === this.filter));
    const failure = firstFailure([health, ...probes]);
    const everythingFailed = failure && views.every((v) => v.statusFrom === null);
    const summary = views.some((v) => v.statusFrom)
      ? `${views.length} modules: ${counts.healthy} healthy, ${counts.degraded} degraded, ${counts.down} down`
      : '';

    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading}</h2>
        ${renderUpdated([health, ...probes], ctx)}
      </div>
      <span class="visually-hidden" role="status">${summary}</span>
      ${failure && (everythingFailed || failure.resource === health)
        ? renderErrorNotice(failure.resource, ctx, () => void this.refresh(), failure.resource === health ? 'System health' : 'Module probes')
        : nothing}
      ${views.length === 0
        ? html`<p part="empty">No modules to show.</p>`
        : html`<div part="toolbar">
              ${renderRadioGroup({
                label: 'Filter modules by status',
                part: 'filter',
                options: FILTERS.map((f) => ({ value: f, label: `${f === 'all' ? 'All' : STATUS_LOOK[f].label} (${counts[f]})` })),
                selected: this.filter,
                onSelect: (f) => {
                  this.filter = f;
                },
              })}
              <label class="sort"
                >Sort by
                <select part="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as ModuleSort)}>
                  ${Object.entries(SORTS).map(([value, label]) => html`<option value=${value} ?selected=${value === this.sort}>${label}</option>`)}
                </select></label
              >
            </div>
            ${shown.length
              ? html`<ul part="grid" aria-label="Modules">
                    ${shown.map((v) => html`<li>${this.renderCard(v, lang)}</li>`)}
                  </ul>
                  ${this.renderTimingNote(probes)}`
              : html`<p part="empty">No ${this.filter} modules.</p>`}`}
      ${this.renderDialog(views, lang)}
    </section>`;
  }

  private renderCard(v: ModuleView, lang: string) {
    // The button's accessible name is its content (name, badge, figures, trend words, alert),
    // so what a screen reader hears is what is shown.
    return html`<button
      type="button"
      part=${v.alert ? 'card card-alert' : 'card'}
      data-name=${v.name}
      data-status=${v.status}
      ?data-alert=${Boolean(v.alert)}
      aria-haspopup="dialog"
      @click=${() => this.openDetails(v.name)}
    >
      <span class="card-head">
        <span part="name">${humanize(v.name)}</span>
        ${v.loading ? html`<span class="meta">Loading…</span>` : html`<pharos-status-badge status=${v.status}></pharos-status-badge>`}
      </span>
      <span class="figures">
        <span class="k">Response</span>
        <span class="v"
          ><span class="latency">${v.latencyMs === null ? MISSING : formatMs(lang, v.latencyMs)}</span>
          ${v.trend ? html`<pharos-trend .direction=${v.trend.direction} .change=${v.trend.ratio} good="down"></pharos-trend>` : nothing}</span
        >
        <span class="k">Errors<span class="visually-hidden"> (failed probes in the selected range)</span></span>
        <span class="v errors">${v.errors === null ? MISSING : formatNumber(lang, v.errors, 0)}</span>
      </span>
      <span class="tags"
        >${v.alert
          ? html`<span part="alert" title=${v.anomaly?.anomalous && v.status !== 'down' ? `Probe latency ${explainAnomaly(v.anomaly, { format: (ms) => formatMs(lang, ms) })}` : nothing}
              ><span aria-hidden="true">⚠</span>${v.alert}</span
            >`
          : nothing}${v.stale
          ? html`<span class="stale-tag"><span aria-hidden="true">◷</span>Stale</span>`
          : nothing}${v.probeError && !v.stale && v.statusFrom !== 'health' ? html`<span class="stale-tag">Probe failed</span>` : nothing}</span
      >
    </button>`;
  }

  private renderDialog(views: ModuleView[], lang: string) {
    const v = this.selected ? views.find((x) => x.name === this.selected) : undefined;
    return html`<dialog part="details" aria-labelledby="details-title" @close=${this.onDialogClose}>
      ${v ? this.renderDetails(v, lang) : nothing}
    </dialog>`;
  }

  private renderDetails(v: ModuleView, lang: string) {
    const endpoint = v.statusFrom === 'health' ? '/api/monitoring/health' : `/api/monitoring/health/module/${v.name}`;
    const details = Object.entries(v.details);
    return html`<div class="dialog-head">
        <h3 id="details-title">${humanize(v.name)} <pharos-status-badge status=${v.status}></pharos-status-badge></h3>
        <button type="button" class="close" @click=${() => this.closeDetails()}>Close</button>
      </div>
      <section>
        <dl class="fields" part="details-fields">
          <dt>Module</dt>
          <dd>${v.name}</dd>
          <dt>Status</dt>
          <dd>${v.rawStatus}</dd>
          <dt>Message</dt>
          <dd>${v.message || MISSING}</dd>
          ${details.map(([k, value]) => html`<dt>${humanize(k)}</dt><dd>${asText(lang, value)}</dd>`)}
          <dt>Reported by</dt>
          <dd>${v.statusFrom ? endpoint : MISSING}</dd>
          ${v.alert
            ? html`<dt>Alert</dt><dd>${v.alert}${v.anomaly?.anomalous && v.status !== 'down' ? `: probe latency ${explainAnomaly(v.anomaly, { format: (ms) => formatMs(lang, ms) })}` : ''}</dd>`
            : nothing}
          ${v.probeError ? html`<dt>Last probe</dt><dd>Failed: ${v.probeError.message}</dd>` : nothing}
        </dl>
      </section>
      ${this.renderProbes(v, lang)}`;
  }

  private renderProbes(v: ModuleView, lang: string) {
    if (!v.probe) return html`<section part="probes"><p class="meta">This module is not probed (probe="${this.probe}").</p></section>`;
    const [from] = selectedRange(this.source);
    const w = v.probe.history.window(from, Infinity, [LATENCY_SERIES, FAILED_SERIES, 'status_score']);
    const n = w.times.length;
    const rows = Array.from({ length: Math.min(n, 20) }, (_, i) => n - 1 - i);
    const statusText = (i: number) => {
      if (w.columns[FAILED_SERIES]![i] === 1) return 'probe failed';
      const score = w.columns.status_score![i]!;
      return score === 2 ? 'healthy' : score === 1 ? 'degraded' : score === 0 ? 'unhealthy' : 'unknown';
    };
    return html`<section part="probes">
      <h4 class="meta">Recent probes (${formatNumber(lang, n, 0)} in range, ${formatNumber(lang, v.errors ?? 0, 0)} failed)</h4>
      ${renderSparkline({
        values: w.columns[LATENCY_SERIES]!,
        times: w.times,
        label: `Probe response time over the range, latest ${formatMs(lang, v.latencyMs)}`,
      })}
      ${n
        ? html`<ol aria-label="Recent probes, newest first">
            ${rows.map(
              (i) => html`<li>
                <span>${formatTime(lang, w.times[i]!)}</span><span>${statusText(i)}</span><span>${formatMs(lang, w.columns[LATENCY_SERIES]![i]!)}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="meta">No probes yet in this range.</p>`}
    </section>`;
  }
}
