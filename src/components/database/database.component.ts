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

/** Display names of database types. */
const TYPE_NAMES: Record<string, string> = { postgresql: 'PostgreSQL', sqlite: 'SQLite', mysql: 'MySQL' };

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

  /** Heading text. */
  @property() heading = 'Database';

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
      { heading: this.heading, resources: [resource], ctx, retry: () => void this.refresh() },
      html`${report ? this.renderReport(report, ctx.lang) : resource.error.get() ? nothing : renderSkeleton(7, 'Loading database')}`,
    );
  }

  private renderReport(report: DatabaseReport, lang: string) {
    const type = TYPE_NAMES[report.type.toLowerCase()] ?? report.type;
    return html`<div part="summary">
        <span part="type">${type || 'Unknown database'}</span>
        <pharos-status-badge status=${report.healthy ? 'healthy' : 'down'}></pharos-status-badge>
        <span class="meta">${report.healthMessage}</span>
      </div>
      ${this.renderPool(report.pool, lang)} ${this.renderWarnings(report.warnings)} ${this.renderChart()}`;
  }

  private renderPool(pool: PoolStats, lang: string) {
    const range = selectedRange(this.source);
    const figures: Figure[] = [
      { key: 'checked-out', label: 'Checked out', value: pool.checkedOut, format: 'integer', series: 'checked_out', note: 'connections in use' },
      { key: 'available', label: 'Available', value: pool.available, format: 'integer', note: 'before the pool is exhausted' },
      {
        key: 'overflow',
        label: 'Overflow',
        // SQLAlchemy reports fewer open connections than the pool size as a negative overflow.
        value: Math.max(0, pool.overflow),
        format: 'integer',
        note: pool.overflow < 0 ? `none in use (reported ${formatNumber(lang, pool.overflow, 0)})` : `of ${formatNumber(lang, pool.maxOverflow, 0)} allowed`,
      },
      { key: 'capacity', label: 'Capacity', value: pool.totalCapacity, format: 'integer', note: `pool ${formatNumber(lang, pool.size, 0)} + overflow ${formatNumber(lang, pool.maxOverflow, 0)}` },
    ];
    const extras = Object.entries(pool.extra);
    return html`<div part="pool">
      <h3>Connection pool</h3>
      ${this.renderGauge(pool, lang)}
      ${renderFigures(figures, 'Connection pool', { resource: this.database.resource, range })}
      <dl class="fields" part="fields">
        <dt>Pool size</dt>
        <dd>${formatNumber(lang, pool.size, 0)}</dd>
        <dt>Max overflow</dt>
        <dd>${formatNumber(lang, pool.maxOverflow, 0)}</dd>
        <dt>Idle (checked in)</dt>
        <dd>${formatNumber(lang, pool.checkedIn, 0)}</dd>
        ${extras.map(([k, v]) => html`<dt>${fieldLabel(k)}</dt><dd>${formatFreeValue(lang, k, v)}</dd>`)}
      </dl>
    </div>`;
  }

  private renderGauge(pool: PoolStats, lang: string) {
    const usage = Math.min(1, Math.max(0, pool.usage));
    const level = poolLevel(usage);
    const pct = formatPercent(lang, usage);
    const levelText = level === 'critical' ? 'Critical' : level === 'warning' ? 'High' : '';
    const valueText = `${pct} in use: ${formatNumber(lang, pool.checkedOut, 0)} of ${formatNumber(lang, pool.totalCapacity, 0)} connections${levelText ? ` (${levelText.toLowerCase()})` : ''}`;
    return html`<div
      part="gauge"
      role="meter"
      aria-label="Connection pool usage"
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(usage * 1000) / 10}
      aria-valuetext=${valueText}
      data-level=${level}
    >
      <div class="gauge-text" aria-hidden="true">
        <span><strong>${pct}</strong> in use</span>
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
      High from ${formatPercent(lang, POOL_USAGE_LIMITS.warning, 0)}, critical from ${formatPercent(lang, POOL_USAGE_LIMITS.critical, 0)}: the
      backend's levels, which the pool alert uses too.
    </p>`;
  }

  private renderWarnings(warnings: DatabaseWarning[]) {
    if (warnings.length === 0) return html`<p class="meta" part="warnings-none">No warnings from the backend.</p>`;
    return html`<div>
      <h3>Warnings</h3>
      <ul part="warnings">
        ${warnings.map(
          (w) => html`<li part="warning" data-level=${w.level}>
            <p>
              <pharos-status-badge status=${w.level === 'critical' || w.level === 'error' ? 'down' : 'degraded'} label=${w.level}></pharos-status-badge>
              ${w.message}
            </p>
            ${w.recommendation ? html`<p class="meta"><strong>Recommendation:</strong> ${w.recommendation}</p>` : nothing}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderChart() {
    const resource = this.database.resource;
    const range = selectedRange(this.source);
    const timeRange = this.source.timeRange.get();
    // Copy the window only when a poll lands or the range changes, not on every tick.
    const data = this.chart.get([resource.history.version.get(), timeRange], () => {
      const w = resource.history.window(range[0], Infinity, ['pool_usage']);
      return [w.times, Float64Array.from(w.columns.pool_usage!, (v) => v * 100)];
    });
    return html`<figure part="chart">
      <h3>Pool usage over time</h3>
      <p class="meta">One sample per poll while this page is open.</p>
      <pharos-timeseries
        label="Connection pool usage"
        unit="%"
        height=${this.chartHeight}
        .data=${data}
        .series=${[{ label: 'Pool usage', unit: '%' }]}
        .thresholds=${[
          { value: POOL_USAGE_LIMITS.warning * 100, label: 'Warning' },
          { value: POOL_USAGE_LIMITS.critical * 100, label: 'Critical' },
        ]}
        .range=${range}
      ></pharos-timeseries>
    </figure>`;
  }
}
