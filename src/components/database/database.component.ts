import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { POOL_USAGE_LIMITS, type DatabaseReport, type DatabaseWarning, type PoolStats } from '../../api/monitoring.js';
import { cssProps } from '../../ui/css-props.js';
import { figureStyles, renderFigures, type Figure } from '../../ui/figures.js';
import { formatNumber, langOf } from '../../util/format.js';
import { formatPercent } from '../../util/format-figures.js';
import { fieldLabel, formatFreeValue } from '../../ui/free-form.js';
import { Memo } from '../../util/memo.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton } from '../../ui/resource-views.js';
import { stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { databaseResource } from '../../store/resources/monitoring.js';
import { PharosMetricCard } from '../metric-card/metric-card.component.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { PharosTimeseries } from '../timeseries/timeseries.component.js';
import { databaseStyles } from './database.styles.js';
import { selectedRange } from '../../ui/time-window.js';
import { t, translatable } from '../../i18n/translate.js';

/** Display names of database types. */
const TYPE_NAMES: Record<string, string> = { postgresql: 'PostgreSQL', sqlite: 'SQLite', mysql: 'MySQL' };

/** The backend's warning levels, in words. */
const LEVEL_LABELS: Record<string, string> = {
  info: translatable('Info'),
  warning: translatable('Warning'),
  error: translatable('Error'),
  critical: translatable('Critical'),
};

const poolLevel = (usage: number) => (usage >= POOL_USAGE_LIMITS.critical ? 'critical' : usage >= POOL_USAGE_LIMITS.warning ? 'warning' : 'ok');

/**
 * The database: its type and health, the connection pool (checked out, available,
 * overflow, capacity and a usage gauge), the backend's warnings with its recommendations,
 * and pool usage over the selected time range, from `/api/monitoring/database`.
 *
 * @tag pharos-database
 * @summary Database health and connection pool.
 *
 * @dependency pharos-status-badge
 * @dependency pharos-metric-card
 * @dependency pharos-timeseries
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart updated - The "updated N s ago" label.
 * @csspart summary - Database type, health badge and message.
 * @csspart type - The database type.
 * @csspart pool - The pool section.
 * @csspart gauge - The pool usage meter (`role=meter`).
 * @csspart limits - The usage levels at which the pool counts as high and critical.
 * @csspart figures - The pool figures.
 * @csspart figure - One pool figure (a `<pharos-metric-card>`).
 * @csspart fields - Pool settings (size, max overflow, idle, PostgreSQL settings).
 * @csspart warnings - The backend's warnings.
 * @csspart warning - One warning with its recommendation.
 * @csspart chart - The pool usage chart.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-database-gauge-color - Gauge fill below the warning level (defaults to `--pharos-ok`).
 * @cssprop --pharos-database-gauge-warn - Gauge fill from the backend's warning level (defaults to `--pharos-warn`).
 * @cssprop --pharos-database-gauge-danger - Gauge fill from the backend's critical level (defaults to `--pharos-danger`).
 *
 * @example
 * <pharos-database base-url="https://pharos.onrender.com"></pharos-database>
 */
export class PharosDatabase extends PharosElement {
  static override styles = [themeStyles, panelStyles, stateViewStyles, figureStyles, databaseStyles];
  static override dependencies = {
    'pharos-status-badge': PharosStatusBadge,
    'pharos-metric-card': PharosMetricCard,
    'pharos-timeseries': PharosTimeseries,
  };

  /** Heading text (default: "Database" in the page's language). */
  @property() heading?: string;

  /** Height of the pool usage chart in pixels. */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = 160;

  private readonly database = new ResourceController(this, databaseResource);
  private readonly chart = new Memo<[Float64Array, Float64Array]>();

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes now (the retry button). */
  refresh(): Promise<void> {
    return this.database.resource.refresh();
  }

  override render() {
    const resource = this.database.resource;
    const report = resource.value.get();
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    return renderPanel(
      { heading: this.heading ?? t(ctx.lang, 'Database'), resources: [resource], ctx, retry: () => void this.refresh() },
      html`${report ? this.renderReport(report, ctx.lang) : resource.error.get() ? nothing : renderSkeleton(7, t(ctx.lang, 'Loading database'))}`,
    );
  }

  private renderReport(report: DatabaseReport, lang: string) {
    const type = TYPE_NAMES[report.type.toLowerCase()] ?? report.type;
    return html`<div part="summary">
        <span part="type">${type || t(lang, 'Unknown database')}</span>
        <pharos-status-badge status=${report.healthy ? 'healthy' : 'down'}></pharos-status-badge>
        <span class="meta">${report.healthMessage}</span>
      </div>
      ${this.renderPool(report.pool, lang)} ${this.renderWarnings(report.warnings, lang)} ${this.renderChart(lang)}`;
  }

  private renderPool(pool: PoolStats, lang: string) {
    const range = selectedRange(this.source);
    const figures: Figure[] = [
      { key: 'checked-out', label: t(lang, 'Checked out'), value: pool.checkedOut, format: 'integer', series: 'checked_out', note: t(lang, 'connections in use') },
      { key: 'available', label: t(lang, 'Available'), value: pool.available, format: 'integer', note: t(lang, 'before the pool is exhausted') },
      {
        key: 'overflow',
        label: t(lang, 'Overflow'),
        // SQLAlchemy reports fewer open connections than the pool size as a negative overflow.
        value: Math.max(0, pool.overflow),
        format: 'integer',
        note:
          pool.overflow < 0
            ? t(lang, 'none in use (reported {0})', formatNumber(lang, pool.overflow, 0))
            : t(lang, 'of {0} allowed', formatNumber(lang, pool.maxOverflow, 0)),
      },
      {
        key: 'capacity',
        label: t(lang, 'Capacity'),
        value: pool.totalCapacity,
        format: 'integer',
        note: t(lang, 'pool {0} + overflow {1}', formatNumber(lang, pool.size, 0), formatNumber(lang, pool.maxOverflow, 0)),
      },
    ];
    const extras = Object.entries(pool.extra);
    return html`<div part="pool">
      <h3>${t(lang, 'Connection pool')}</h3>
      ${this.renderGauge(pool, lang)}
      ${renderFigures(figures, t(lang, 'Connection pool'), { resource: this.database.resource, range })}
      <dl class="fields" part="fields">
        <dt>${t(lang, 'Pool size')}</dt>
        <dd>${formatNumber(lang, pool.size, 0)}</dd>
        <dt>${t(lang, 'Max overflow')}</dt>
        <dd>${formatNumber(lang, pool.maxOverflow, 0)}</dd>
        <dt>${t(lang, 'Idle (checked in)')}</dt>
        <dd>${formatNumber(lang, pool.checkedIn, 0)}</dd>
        ${extras.map(([k, v]) => html`<dt>${fieldLabel(lang, k)}</dt><dd>${formatFreeValue(lang, k, v)}</dd>`)}
      </dl>
    </div>`;
  }

  private renderGauge(pool: PoolStats, lang: string) {
    const usage = Math.min(1, Math.max(0, pool.usage));
    const level = poolLevel(usage);
    const pct = formatPercent(lang, usage);
    const levelText = level === 'critical' ? t(lang, 'Critical') : level === 'warning' ? t(lang, 'High') : '';
    const used = formatNumber(lang, pool.checkedOut, 0);
    const capacity = formatNumber(lang, pool.totalCapacity, 0);
    const valueText =
      level === 'critical'
        ? t(lang, '{0} in use: {1} of {2} connections (critical)', pct, used, capacity)
        : level === 'warning'
          ? t(lang, '{0} in use: {1} of {2} connections (high)', pct, used, capacity)
          : t(lang, '{0} in use: {1} of {2} connections', pct, used, capacity);
    return html`<div
      part="gauge"
      role="meter"
      aria-label=${t(lang, 'Connection pool usage')}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(usage * 1000) / 10}
      aria-valuetext=${valueText}
      data-level=${level}
    >
      <div class="gauge-text" aria-hidden="true">
        <span>${this.renderInUse(pct, lang)}</span>
        <span>${levelText ? html`<span aria-hidden="true">⚠</span> ${levelText} · ` : nothing}${formatNumber(lang, pool.checkedOut, 0)} /
          ${formatNumber(lang, pool.totalCapacity, 0)}</span>
      </div>
      <div class="gauge-track" aria-hidden="true">
        <div class="gauge-fill" ${cssProps({ '--_fill': usage })}></div>
        <div class="gauge-mark" ${cssProps({ '--_at': POOL_USAGE_LIMITS.warning })}></div>
        <div class="gauge-mark" ${cssProps({ '--_at': POOL_USAGE_LIMITS.critical })}></div>
      </div>
    </div>
    <p class="meta" part="limits">
      ${t(
        lang,
        "High from {0}, critical from {1}: the backend's levels, which the pool alert uses too.",
        formatPercent(lang, POOL_USAGE_LIMITS.warning, 0),
        formatPercent(lang, POOL_USAGE_LIMITS.critical, 0),
      )}
    </p>`;
  }

  /** "<strong>42%</strong> in use", with the figure wherever the language puts it. */
  private renderInUse(pct: string, lang: string) {
    const [before = '', after = ''] = t(lang, '{0} in use', '\u0000').split('\u0000');
    return html`${before}<strong>${pct}</strong>${after}`;
  }

  private renderWarnings(warnings: DatabaseWarning[], lang: string) {
    if (warnings.length === 0) return html`<p class="meta" part="warnings-none">${t(lang, 'No warnings from the backend.')}</p>`;
    return html`<div>
      <h3>${t(lang, 'Warnings')}</h3>
      <ul part="warnings">
        ${warnings.map(
          (w) => html`<li part="warning" data-level=${w.level}>
            <p>
              <pharos-status-badge status=${w.level === 'critical' || w.level === 'error' ? 'down' : 'degraded'} label=${LEVEL_LABELS[w.level.toLowerCase()] ? t(lang, LEVEL_LABELS[w.level.toLowerCase()]!) : w.level}></pharos-status-badge>
              ${w.message}
            </p>
            ${w.recommendation ? html`<p class="meta"><strong>${t(lang, 'Recommendation:')}</strong> ${w.recommendation}</p>` : nothing}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderChart(lang: string) {
    const resource = this.database.resource;
    const range = selectedRange(this.source);
    const timeRange = this.source.timeRange.get();
    // Copy the window only when a poll lands or the range changes, not on every tick.
    const data = this.chart.get([resource.history.version.get(), timeRange], () => {
      const w = resource.history.window(range[0], Infinity, ['pool_usage']);
      return [w.times, Float64Array.from(w.columns.pool_usage!, (v) => v * 100)];
    });
    return html`<figure part="chart">
      <h3>${t(lang, 'Pool usage over time')}</h3>
      <p class="meta">${t(lang, 'One sample per poll while this page is open.')}</p>
      <pharos-timeseries
        label=${t(lang, 'Connection pool usage')}
        unit="%"
        height=${this.chartHeight}
        .data=${data}
        .series=${[{ label: t(lang, 'Pool usage'), unit: '%' }]}
        .thresholds=${[
          { value: POOL_USAGE_LIMITS.warning * 100, label: t(lang, 'Warning') },
          { value: POOL_USAGE_LIMITS.critical * 100, label: t(lang, 'Critical') },
        ]}
        .range=${range}
      ></pharos-timeseries>
    </figure>`;
  }
}
