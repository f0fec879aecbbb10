import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { MethodTiming, PerformanceReport } from '../../api/monitoring.js';
import { figureStyles, renderFigures, type Figure } from '../../ui/figures.js';
import { fieldLabel, formatFreeValue } from '../../ui/free-form.js';
import { formatNumber, langOf } from '../../util/format.js';
import { formatMs } from '../../util/format-figures.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton } from '../../ui/resource-views.js';
import { SortableTableController, sortableTableStyles, type TableColumn } from '../../ui/sortable-table.js';
import { renderEmpty, stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { performanceResource } from '../../store/resources/monitoring.js';
import { PharosMetricCard } from '../metric-card/metric-card.component.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { performanceSummaryStyles } from './performance-summary.styles.js';
import { selectedRange } from '../../ui/time-window.js';
import { t } from '../../i18n/translate.js';

/**
 * Backend performance from `/api/monitoring/performance`: cache hit rate, slow query count,
 * the backend's warnings, and the average time and call count of each instrumented method
 * in a table sortable by any column.
 *
 * The endpoint has no latency percentiles, request rate or error rate; those come from
 * Prometheus (see `<pharos-performance>` and `<pharos-timeseries>`).
 *
 * @tag pharos-performance-summary
 * @summary Cache, slow queries, warnings and method timings.
 *
 * @dependency pharos-status-badge
 * @dependency pharos-metric-card
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart figures - The headline figures.
 * @csspart figure - One headline figure.
 * @csspart value - The value of a figure.
 * @csspart warnings - The list of backend warnings.
 * @csspart warning - One warning.
 * @csspart timings - The method timings table.
 * @csspart row - One table row.
 * @csspart sort-button - A column header's sort button.
 * @csspart empty - The "nothing recorded yet" notice.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-performance-summary-warning - Accent of a warning (defaults to `--pharos-warn`).
 * @cssprop --pharos-surface - Card background.
 *
 * @example
 * <pharos-performance-summary base-url="https://pharos.onrender.com"></pharos-performance-summary>
 */
export class PharosPerformanceSummary extends PharosElement {
  static override styles = [themeStyles, panelStyles, figureStyles, sortableTableStyles, stateViewStyles, performanceSummaryStyles];
  static override dependencies = { 'pharos-status-badge': PharosStatusBadge, 'pharos-metric-card': PharosMetricCard };

  /** Heading text (default: "Performance" in the page's language). */
  @property() heading?: string;

  private readonly performance = new ResourceController(this, performanceResource);

  private readonly table = new SortableTableController<MethodTiming>(this, this.columns(), { column: 'averageMs', direction: 'descending' });

  constructor() {
    super();
    new TickController(this);
  }

  /** The table's columns; each header is read in the page's language when the table renders. */
  private columns(): TableColumn<MethodTiming>[] {
    const lang = () => langOf(this);
    return [
      { key: 'name', get label() { return t(lang(), 'Method'); }, cell: (m) => m.name, sortValue: (m) => m.name },
      { key: 'averageMs', get label() { return t(lang(), 'Average'); }, numeric: true, cell: (m) => formatMs(lang(), m.averageMs), sortValue: (m) => m.averageMs },
      { key: 'count', get label() { return t(lang(), 'Calls'); }, numeric: true, cell: (m) => formatNumber(lang(), m.count, 0), sortValue: (m) => m.count },
    ];
  }

  /** Refreshes now (the retry button). */
  refresh(): Promise<void> {
    return this.performance.resource.refresh();
  }

  /**
   * Sorts the method timings by `column` (`name`, `averageMs` or `count`); without a
   * direction, as a click on its header would.
   */
  sortTimings(column: 'name' | 'averageMs' | 'count', direction?: 'ascending' | 'descending'): void {
    this.table.sortBy(column, direction);
  }

  override render() {
    const resource = this.performance.resource;
    const report = resource.value.get();
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    return renderPanel(
      { heading: this.heading ?? t(ctx.lang, 'Performance'), resources: [resource], ctx, retry: () => void this.refresh() },
      html`${report ? this.renderReport(report) : resource.error.get() ? nothing : renderSkeleton(6, t(ctx.lang, 'Loading performance'))}`,
    );
  }

  private renderReport(report: PerformanceReport) {
    const lang = langOf(this);
    const noCacheTraffic = report.cacheHits + report.cacheMisses === 0;
    const figures: Figure[] = [
      {
        key: 'cache-hit-rate',
        label: t(lang, 'Cache hit rate'),
        value: noCacheTraffic ? null : report.cacheHitRate,
        format: 'percent',
        note: noCacheTraffic
          ? t(lang, 'No cache traffic yet')
          : t(lang, '{0} hits · {1} misses', formatNumber(lang, report.cacheHits, 0), formatNumber(lang, report.cacheMisses, 0)),
        series: 'cache_hit_rate',
        good: 'up',
      },
      { key: 'slow-queries', label: t(lang, 'Slow queries'), value: report.slowQueryCount, format: 'integer', series: 'slow_query_count', good: 'down' },
      { key: 'warnings', label: t(lang, 'Warnings'), value: report.warnings.length, format: 'integer', good: 'down' },
    ];
    const extra = report.recommendationMetrics ? Object.entries(report.recommendationMetrics) : [];
    return html`
      ${renderFigures(figures, t(lang, 'Performance figures'), { resource: this.performance.resource, range: selectedRange(this.source) })}
      <section class="block" aria-labelledby="warnings-title">
        <h3 id="warnings-title">${t(lang, 'Backend warnings')}</h3>
        <div role="status">
          ${report.warnings.length === 0
            ? html`<p class="meta" part="no-warnings">${t(lang, 'No warnings from the backend.')}</p>`
            : html`<ul part="warnings">
                ${report.warnings.map(
                  (w) => html`<li part="warning"><pharos-status-badge status="degraded" label=${t(lang, 'Warning')}></pharos-status-badge><span>${w}</span></li>`,
                )}
              </ul>`}
        </div>
      </section>
      <section class="block" aria-labelledby="timings-title">
        <h3 id="timings-title">${t(lang, 'Method timings')}</h3>
        ${report.methodTimings.length === 0
          ? renderEmpty(t(lang, 'No method timings recorded yet.'), t(lang, 'The backend lists a method once it has been called.'))
          : html`<div class="table-wrap" role="region" aria-label=${t(lang, 'Method timings table')} tabindex="0">
              ${this.table.render({ rows: report.methodTimings, caption: t(lang, 'Method timings: average time and calls per method'), rowKey: (m) => m.name, lang, part: 'timings' })}
            </div>`}
      </section>
      ${extra.length > 0
        ? html`<section class="block" aria-labelledby="rec-title">
            <h3 id="rec-title">${t(lang, 'Recommendation metrics')}</h3>
            <dl class="fields" part="recommendation-metrics">
              ${extra.map(([k, v]) => html`<dt>${fieldLabel(lang, k)}</dt><dd>${formatFreeValue(lang, k, v)}</dd>`)}
            </dl>
          </section>`
        : nothing}
    `;
  }
}
