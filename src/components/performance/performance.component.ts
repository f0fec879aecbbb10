import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Signal } from 'signal-polyfill';
import { requestStats, bucketWidth, observedSince, type RequestStats } from '../../history/percentiles.js';
import { formatNumber, formatSeconds, formatTime, langOf } from '../../internal/format.js';
import { PharosElement } from '../../internal/pharos-element.js';
import { renderErrorNotice, renderSkeleton, renderUpdated } from '../../internal/resource-views.js';
import { renderEmpty, stateViewStyles } from '../../internal/state-views.js';
import { panelStyles, themeStyles } from '../../internal/theme.js';
import { ResourceController, TickController } from '../../store/controllers.js';
import type { Resource } from '../../store/resource.js';
import { eventsResource, performanceResource } from '../../store/resources.js';
import type { PharosSource } from '../../store/source.js';
import { TIME_RANGE_MS } from '../../store/time-range.js';
import { PharosTimeseries } from '../timeseries/timeseries.component.js';
import type { TimeseriesSeries, TimeseriesThreshold } from '../timeseries/timeseries.component.js';
import { performanceStyles } from './performance.styles.js';

/** Default P95 latency threshold (ms). */
export const DEFAULT_P95_THRESHOLD_MS = 500;
/** Default error-rate threshold (%). */
export const DEFAULT_ERROR_RATE_THRESHOLD = 5;

/** The window's end moves in steps of this much, so charts do not redraw every second. */
const WINDOW_QUANTUM_MS = 5_000;
/** Resource names that are not requests to the Pharos backend (excluded from client-observed stats). */
const NOT_BACKEND = /^prometheus\//;

const PERCENTILES: TimeseriesSeries[] = [{ label: 'P50' }, { label: 'P95' }, { label: 'P99' }];

/** One chart's columnar data and series, built once per history change (stable identities). */
interface ChartData {
  data: ArrayLike<number>[];
  series: TimeseriesSeries[];
}

/** Everything the in-browser view derives from the store, recomputed only when history changes. */
interface BrowserHistory {
  range: [number, number];
  stats: RequestStats;
  since: number | null;
  latency: ChartData;
  rate: ChartData;
  errors: ChartData;
  events: ChartData;
  methods: ChartData;
}

/**
 * API response time (P50/P95/P99), request rate and error rate over the selected time
 * range, with threshold lines, plus the backend's event-bus handler latency and method
 * timings.
 *
 * Two sources of history, chosen per source:
 * - **In the browser** (default): what this page's store has recorded. Latency percentiles,
 *   request rate and error rate are those of the requests this browser made to the backend
 *   (client-observed), bucketed in time; labelled as such, with how much history there is.
 *
 * @summary Latency percentiles, request rate and error rate over time.
 *
 * @dependency pharos-timeseries
 *
 * @csspart base - The card.
 * @csspart header - Title row.
 * @csspart origin - Where the figures come from and how much history there is.
 * @csspart clear - The "Clear history" button.
 * @csspart charts - The grid of charts.
 * @csspart chart - One chart with its title.
 * @csspart updated - The "updated N s ago" label.
 * @csspart empty - The "no history yet" notice.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-surface - Card background.
 * @cssprop --pharos-timeseries-threshold-color - Threshold lines.
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com">
 *   <pharos-performance p95-threshold="800"></pharos-performance>
 * </pharos-source>
 */
export class PharosPerformance extends PharosElement {
  static override styles = [themeStyles, panelStyles, stateViewStyles, performanceStyles];
  static override dependencies = { 'pharos-timeseries': PharosTimeseries };

  /** Heading text. */
  @property() heading = 'API performance';

  /** P95 latency threshold line, in ms. */
  @property({ type: Number, attribute: 'p95-threshold' }) p95Threshold = DEFAULT_P95_THRESHOLD_MS;

  /** Error-rate threshold line, in percent. */
  @property({ type: Number, attribute: 'error-rate-threshold' }) errorRateThreshold = DEFAULT_ERROR_RATE_THRESHOLD;

  /** Height of each chart in CSS pixels. */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = 180;

  private readonly events = new ResourceController(this, eventsResource);
  private readonly performance = new ResourceController(this, performanceResource);
  private browserHistory?: { source: PharosSource; computed: Signal.Computed<BrowserHistory> };

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes the backend resources this element shows now. */
  async refresh(): Promise<void> {
    await Promise.all([this.events.resource.refresh(), this.performance.resource.refresh()]);
  }

  /** Forgets the in-browser history of this element's source (every resource). */
  async clearHistory(): Promise<void> {
    for (const r of this.source.allResources()) r.history.clear();
  }

  /** The in-browser derivation for the current source, memoised on the history's versions. */
  private browser(): BrowserHistory {
    const source = this.source;
    if (this.browserHistory?.source !== source) {
      const windowEnd = new Signal.Computed(() => Math.ceil(source.now.get() / WINDOW_QUANTUM_MS) * WINDOW_QUANTUM_MS);
      const computed = new Signal.Computed<BrowserHistory>(() => {
        const to = windowEnd.get();
        const rangeMs = TIME_RANGE_MS[source.timeRange.get()];
        const from = to - rangeMs;
        const backend = source.allResources().filter((r) => !NOT_BACKEND.test(r.definition.name));
        const histories = backend.map((r) => r.history);
        const events = source.resource(eventsResource).history;
        const performance = source.resource(performanceResource).history;
        performance.version.get();
        const methodNames = performance.series.filter((name) => name.startsWith('method:'));
        const stats = requestStats(histories, from, to, bucketWidth(rangeMs, source.intervalMs));
        const ev = events.window(from, to, ['handler_p50', 'handler_p95', 'handler_p99']);
        const methods = performance.window(from, to, methodNames);
        return {
          range: [from, to],
          stats,
          since: observedSince(histories),
          latency: { data: [stats.times, stats.p50, stats.p95, stats.p99], series: PERCENTILES },
          rate: { data: [stats.times, stats.rate], series: [{ label: 'Requests' }] },
          errors: { data: [stats.times, stats.errorPercent], series: [{ label: 'Errors' }] },
          events: { data: [ev.times, ev.columns.handler_p50!, ev.columns.handler_p95!, ev.columns.handler_p99!], series: PERCENTILES },
          methods: {
            data: [methods.times, ...methodNames.map((n) => methods.columns[n]!)],
            series: methodNames.map((n) => ({ label: n.slice('method:'.length) })),
          },
        };
      });
      this.browserHistory = { source, computed };
    }
    return this.browserHistory.computed.get();
  }

  override render() {
    const lang = langOf(this);
    const ctx = { lang, now: this.source.now.get() };
    const resources = [this.events.resource, this.performance.resource] as Resource[];
    const h = this.browser();
    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading}</h2>
        <span class="header-actions">
          ${renderUpdated(resources, ctx)}
          <button type="button" part="clear" @click=${() => void this.clearHistory()}>Clear history</button>
        </span>
      </div>
      <p part="origin">${this.renderOrigin(h, lang)}</p>
      ${renderErrorNotice(this.events.resource, ctx, () => void this.refresh(), 'Event bus')}
      ${renderErrorNotice(this.performance.resource, ctx, () => void this.refresh(), 'Method timings')}
      ${this.renderBrowserCharts(h, resources)}
    </section>`;
  }

  private renderOrigin(h: BrowserHistory, lang: string): TemplateResult {
    if (h.since === null) return html`<strong>Client-observed</strong> by this browser: no requests recorded yet.`;
    const span = (h.range[1] - Math.max(h.since, h.range[0])) / 1000;
    const rangeSeconds = (h.range[1] - h.range[0]) / 1000;
    const partial = h.since > h.range[0] ? ` of the selected ${formatSeconds(lang, rangeSeconds)}` : '';
    return html`<strong>Client-observed, since ${formatTime(lang, h.since)}</strong>: requests this browser made to the backend
      (${formatSeconds(lang, Math.max(0, span))} of history${partial}, ${formatNumber(lang, h.stats.total, 0)}
      requests${h.stats.failed ? html`, ${formatNumber(lang, h.stats.failed, 0)} failed` : nothing}), in
      ${formatSeconds(lang, h.stats.bucketMs / 1000)} buckets. Not the backend's own traffic: set a Prometheus URL for that.`;
  }

  private renderBrowserCharts(h: BrowserHistory, resources: Resource[]) {
    if (h.stats.total === 0) {
      const loading = resources.some((r) => r.status.get() === 'loading' || r.status.get() === 'idle');
      return loading ? renderSkeleton(4, 'Loading performance history') : renderEmpty('No requests recorded in this time range yet.');
    }
    const { range } = h;
    return html`<div part="charts">
      ${this.renderChart('Response time', 'Client-observed latency of this browser’s requests.', 'ms', h.latency, range, [
        { value: this.p95Threshold, label: 'P95 threshold', seriesIndex: 1 },
      ])}
      ${this.renderChart('Request rate', 'Requests per second this browser made.', 'req/s', h.rate, range)}
      ${this.renderChart('Error rate', 'Share of this browser’s requests that failed.', '%', h.errors, range, [
        { value: this.errorRateThreshold, label: 'Error threshold' },
      ])}
      ${this.renderChart('Event handler latency', 'Reported by the backend’s event bus, sampled at each poll.', 'ms', h.events, range)}
      ${h.methods.series.length
        ? this.renderChart('Method timings', 'Average time per instrumented method, as the backend reports it.', 'ms', h.methods, range)
        : nothing}
    </div>`;
  }

  private renderChart(
    title: string,
    note: string,
    unit: string,
    chart: ChartData,
    range: [number, number],
    thresholds: TimeseriesThreshold[] = [],
  ): TemplateResult {
    return html`<figure part="chart" data-chart=${title}>
      <h3>${title}</h3>
      <p class="meta">${note}</p>
      <pharos-timeseries
        label=${title}
        unit=${unit}
        height=${this.chartHeight}
        .data=${chart.data}
        .series=${chart.series}
        .range=${range}
        .thresholds=${thresholds}
      ></pharos-timeseries>
    </figure>`;
  }
}
