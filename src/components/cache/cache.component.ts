import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { CacheStats } from '../../api/monitoring.js';
import { figureStyles, renderFigures, type Figure } from '../../ui/figures.js';
import { formatNumber, langOf } from '../../util/format.js';
import { Memo } from '../../util/memo.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton } from '../../ui/resource-views.js';
import { renderEmpty, stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { cacheStatsResource } from '../../store/resources/monitoring.js';
import { PharosMetricCard } from '../metric-card/metric-card.component.js';
import { PharosTimeseries } from '../timeseries/timeseries.component.js';
import { cacheStyles } from './cache.styles.js';
import { selectedRange } from '../../ui/time-window.js';
import { t, tp } from '../../i18n/translate.js';

/**
 * The backend's cache: hit rate, hits, misses, invalidations and total requests, and the
 * hit rate over the selected time range, from `/api/monitoring/cache/stats`. Shows only
 * what the backend reports (it exposes no keys and no way to clear the cache).
 *
 * @tag pharos-cache
 * @summary Cache hit rate and counters.
 *
 * @dependency pharos-metric-card
 * @dependency pharos-timeseries
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart updated - The "updated N s ago" label.
 * @csspart figures - The figures.
 * @csspart figure - One figure (a `<pharos-metric-card>`, `data-key` = `hit-rate`, `hits`, `misses`, `invalidations`, `total-requests`).
 * @csspart empty - Shown while the cache has served no request.
 * @csspart chart - The hit rate chart.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @example
 * <pharos-cache base-url="https://pharos.onrender.com"></pharos-cache>
 */
export class PharosCache extends PharosElement {
  static override styles = [themeStyles, panelStyles, stateViewStyles, figureStyles, cacheStyles];
  static override dependencies = { 'pharos-metric-card': PharosMetricCard, 'pharos-timeseries': PharosTimeseries };

  /** Heading text (default: "Cache" in the page's language). */
  @property() heading?: string;

  /** Height of the hit rate chart in pixels. */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = 160;

  private readonly stats = new ResourceController(this, cacheStatsResource);
  private readonly chart = new Memo<[Float64Array, Float64Array]>();

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes now (the retry button). */
  refresh(): Promise<void> {
    return this.stats.resource.refresh();
  }

  override render() {
    const resource = this.stats.resource;
    const stats = resource.value.get();
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    return renderPanel(
      { heading: this.heading ?? t(ctx.lang, 'Cache'), resources: [resource], ctx, retry: () => void this.refresh() },
      html`${stats ? this.renderStats(stats, ctx.lang) : resource.error.get() ? nothing : renderSkeleton(5, t(ctx.lang, 'Loading cache statistics'))}`,
    );
  }

  private renderStats(stats: CacheStats, lang: string) {
    const range = selectedRange(this.source);
    const used = stats.totalRequests > 0;
    const figures: Figure[] = [
      // A hit rate of 0 over no requests would read as a failing cache: show it as unknown.
      { key: 'hit-rate', label: t(lang, 'Hit rate'), value: used ? stats.hitRate : null, format: 'percent', series: 'hit_rate', good: 'up' },
      // Counters are cumulative since the backend started: a trend of them would only say "up".
      { key: 'hits', label: t(lang, 'Hits'), value: stats.hits, format: 'integer' },
      { key: 'misses', label: t(lang, 'Misses'), value: stats.misses, format: 'integer' },
      { key: 'invalidations', label: t(lang, 'Invalidations'), value: stats.invalidations, format: 'integer' },
      { key: 'total-requests', label: t(lang, 'Total requests'), value: stats.totalRequests, format: 'integer' },
    ];
    return html`${renderFigures(figures, t(lang, 'Cache statistics'), { resource: this.stats.resource, range })}
      ${used
        ? this.renderChart(range, lang)
        : renderEmpty(
            t(lang, 'The cache has served no requests yet.'),
            t(lang, 'Counters start when the backend first reads through its cache; if they stay at zero, check Redis in the system health.'),
          )}
      <p class="meta">${tp(lang, stats.totalRequests, 'Counters since the backend started: {0} request.', 'Counters since the backend started: {0} requests.', formatNumber(lang, stats.totalRequests, 0))}</p>`;
  }

  private renderChart(range: [number, number], lang: string) {
    const resource = this.stats.resource;
    const data = this.chart.get([resource.history.version.get(), this.source.timeRange.get()], () => {
      const w = resource.history.window(range[0], Infinity, ['hit_rate']);
      return [w.times, Float64Array.from(w.columns.hit_rate!, (v) => v * 100)];
    });
    return html`<figure part="chart">
      <h3>${t(lang, 'Hit rate over time')}</h3>
      <p class="meta">${t(lang, 'One sample per poll while this page is open.')}</p>
      <pharos-timeseries
        label=${t(lang, 'Cache hit rate')}
        unit="%"
        height=${this.chartHeight}
        .data=${data}
        .series=${[{ label: t(lang, 'Hit rate'), unit: '%' }]}
        .range=${range}
      ></pharos-timeseries>
    </figure>`;
  }
}
