import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Signal } from 'signal-polyfill';
import { detectAnomaly } from '../../analysis/anomaly.js';
import { HANDLER_LATENCY_ANOMALY } from '../../analysis/handler-latency.js';
import { timingSentence } from '../../api/timing.js';
import { requestStats, bucketWidth, observedSince, type RequestStats } from '../../history/percentiles.js';
import type { PerformanceQueries, PrometheusPerformance } from '../../history/prometheus.js';
import { isExternalResource, prometheusPerformanceResource } from '../../history/prometheus-resource.js';
import { formatNumber, formatSeconds, formatTime, langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { inLanguage, renderErrorNotice, renderSkeleton, renderUpdated } from '../../ui/resource-views.js';
import { renderEmpty, stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { OptionalResourceController } from '../../store/lit/optional-resource-controller.js';
import type { Resource } from '../../store/resource.js';
import { eventsResource, performanceResource } from '../../store/resources/monitoring.js';
import type { PharosSource } from '../../store/source.js';
import { TIME_RANGE_MS } from '../../store/time-range.js';
import { PharosTimeseries } from '../timeseries/timeseries.component.js';
import type { TimeseriesBand, TimeseriesSeries, TimeseriesThreshold } from '../timeseries/timeseries.component.js';
import { performanceStyles } from './performance.styles.js';
import { t, tp, translatable } from '../../i18n/translate.js';

/** Default P95 latency threshold (ms). */
export const DEFAULT_P95_THRESHOLD_MS = 500;
/** Default error-rate threshold (%). */
export const DEFAULT_ERROR_RATE_THRESHOLD = 5;

/** The window's end moves in steps of this much, so charts do not redraw every second. */
const WINDOW_QUANTUM_MS = 5_000;

const PERCENTILES: TimeseriesSeries[] = [{ label: 'P50' }, { label: 'P95' }, { label: 'P99' }];

/** One series named `label` (already in the page's language): the same array for the same words, so the chart is not re-fed on every render. */
const oneSeries = new Map<string, TimeseriesSeries[]>();
function seriesNamed(label: string): TimeseriesSeries[] {
  let series = oneSeries.get(label);
  if (!series) oneSeries.set(label, (series = [{ label }]));
  return series;
}

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
 * The usual range of the handler P95 (its median over the samples before the latest, plus or
 * minus the anomaly threshold in robust spreads), as a chart band; none while there is too
 * little history to judge.
 */
function handlerBaseline(events: ChartData, lang: string): TimeseriesBand[] {
  const p95 = events.data[2];
  if (!p95) return [];
  const { median, spread, samples } = detectAnomaly(p95, HANDLER_LATENCY_ANOMALY);
  if (median === null || spread === null) return [];
  const reach = HANDLER_LATENCY_ANOMALY.threshold * spread;
  return [{
    lower: Math.max(0, median - reach),
    upper: median + reach,
    label: tp(
      lang,
      samples,
      'Usual P95 (median of the last {0} sample ± {1} spreads)',
      'Usual P95 (median of the last {0} samples ± {1} spreads)',
      formatNumber(lang, samples, 0),
      formatNumber(lang, HANDLER_LATENCY_ANOMALY.threshold, 1),
    ),
    seriesIndex: 1,
  }];
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
 *   Each latency is the browser's network timing of the request (Resource Timing), not
 *   the time until this page's code ran; the note says so, or says "page-observed" where
 *   the browser recorded no timing.
 * - **Prometheus-compatible** (Prometheus, Thanos, Mimir, VictoriaMetrics) when the source
 *   (or this element) has a `prometheus-url`: `query_range` over the backend's own metrics
 *   (`neo_alexandria_request_duration_seconds`, `neo_alexandria_requests_total`), so the
 *   figures cover all its traffic. Queries, path prefix and headers can be changed. It is
 *   a store resource: refreshed with the source, re-queried when the time range changes.
 *
 * The event bus's handler latency and the method timings come from the backend's
 * monitoring endpoints in both cases, as recorded by this page.
 *
 * @tag pharos-performance
 * @summary Latency percentiles, request rate and error rate over time.
 *
 * @dependency pharos-timeseries
 *
 * @csspart base - The card.
 * @csspart header - Title row.
 * @csspart origin - Where the figures come from and how much history there is.
 * @csspart timing - How the latencies were measured (network timing or page-observed), inside `origin`.
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
 * <pharos-source base-url="https://pharos.onrender.com" prometheus-url="https://prometheus.example.com">
 *   <pharos-performance p95-threshold="800"></pharos-performance>
 * </pharos-source>
 */
export class PharosPerformance extends PharosElement {
  static override styles = [themeStyles, panelStyles, stateViewStyles, performanceStyles];
  static override dependencies = { 'pharos-timeseries': PharosTimeseries };

  /** Heading text (default: "API performance" in the page's language). */
  @property() heading?: string;

  /** P95 latency threshold line, in ms. */
  @property({ type: Number, attribute: 'p95-threshold' }) p95Threshold = DEFAULT_P95_THRESHOLD_MS;

  /** Error-rate threshold line, in percent. */
  @property({ type: Number, attribute: 'error-rate-threshold' }) errorRateThreshold = DEFAULT_ERROR_RATE_THRESHOLD;

  /** Height of each chart in CSS pixels. */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = 180;

  /** Prometheus-compatible base URL for this element; defaults to its source's `prometheus-url`. */
  @property({ attribute: 'prometheus-url' }) prometheusUrl?: string;

  /** Path before `/api/v1` on the Prometheus server (Mimir: `/prometheus`). */
  @property({ attribute: 'prometheus-path-prefix' }) prometheusPathPrefix = '';

  /** Extra headers for Prometheus, e.g. `{"X-Scope-OrgID": "tenant-1"}` (JSON as an attribute). */
  @property({ type: Object, attribute: 'prometheus-headers' }) prometheusHeaders: Record<string, string> = {};

  /** PromQL for the median latency, in seconds (default: the Pharos request-duration histogram). */
  @property({ attribute: 'query-p50' }) queryP50 = '';
  /** PromQL for the P95 latency, in seconds. */
  @property({ attribute: 'query-p95' }) queryP95 = '';
  /** PromQL for the P99 latency, in seconds. */
  @property({ attribute: 'query-p99' }) queryP99 = '';
  /** PromQL for the request rate, in requests per second. */
  @property({ attribute: 'query-rate' }) queryRate = '';
  /** PromQL for the error share, as a fraction 0..1. */
  @property({ attribute: 'query-errors' }) queryErrors = '';

  private readonly prometheus = new OptionalResourceController(this, prometheusPerformanceResource, () => {
    const url = this.prometheusUrl || this.source.prometheusUrl;
    if (!url) return null;
    const queries: Partial<PerformanceQueries> = {};
    if (this.queryP50) queries.p50 = this.queryP50;
    if (this.queryP95) queries.p95 = this.queryP95;
    if (this.queryP99) queries.p99 = this.queryP99;
    if (this.queryRate) queries.rate = this.queryRate;
    if (this.queryErrors) queries.errors = this.queryErrors;
    return {
      url,
      pathPrefix: this.prometheusPathPrefix || undefined,
      headers: Object.keys(this.prometheusHeaders ?? {}).length ? this.prometheusHeaders : undefined,
      queries: Object.keys(queries).length ? queries : undefined,
      range: this.source.timeRange.get(),
    };
  });
  /** The last Prometheus answer shown, kept while a new range loads so the charts do not blink. */
  private shownPrometheus?: PrometheusPerformance;

  private readonly events = new ResourceController(this, eventsResource);
  private readonly performance = new ResourceController(this, performanceResource);
  private browserHistory?: { source: PharosSource; computed: Signal.Computed<BrowserHistory> };

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes everything this element shows now (Prometheus too, when used). */
  async refresh(): Promise<void> {
    await Promise.all([this.events.resource.refresh(), this.performance.resource.refresh(), this.prometheus.resource?.refresh()]);
  }

  /** Forgets the in-browser history of this element's source (every resource), saved copies included. */
  async clearHistory(): Promise<void> {
    const saved = this.source.persistence?.clear();
    for (const r of this.source.allResources()) r.history.clear();
    await saved;
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
        const backend = source.allResources().filter((r) => !isExternalResource(r));
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
          // Named in the page's language when drawn (see renderBrowserCharts).
          rate: { data: [stats.times, stats.rate], series: [] },
          errors: { data: [stats.times, stats.errorPercent], series: [] },
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
    const prometheus = this.prometheus.resource;
    const backend = [this.events.resource, this.performance.resource] as Resource[];
    const resources = prometheus ? [prometheus as Resource, ...backend] : backend;
    const h = this.browser();
    return html`<section part="base" aria-labelledby="title" data-mode=${prometheus ? 'prometheus' : 'browser'}>
      <div part="header">
        <h2 id="title">${this.heading ?? t(lang, 'API performance')}</h2>
        <span class="header-actions">
          ${renderUpdated(resources, ctx)}
          <button type="button" part="clear" @click=${() => void this.clearHistory()}>${t(lang, 'Clear history')}</button>
        </span>
      </div>
      ${prometheus ? this.renderPrometheus(prometheus, h, ctx) : this.renderBrowser(h, backend, ctx)}
    </section>`;
  }

  private renderBrowser(h: BrowserHistory, backend: Resource[], ctx: { lang: string; now: number }) {
    return html`<p part="origin">${this.renderOrigin(h, ctx.lang)}</p>
      ${this.renderBackendErrors(ctx)} ${this.renderBrowserCharts(h, backend, ctx.lang)}`;
  }

  private renderBackendErrors(ctx: { lang: string; now: number }) {
    return html`${renderErrorNotice(this.events.resource, ctx, () => void this.refresh(), t(ctx.lang, 'Event bus'))}
    ${renderErrorNotice(this.performance.resource, ctx, () => void this.refresh(), t(ctx.lang, 'Method timings'))}`;
  }

  private renderPrometheus(resource: Resource<PrometheusPerformance, unknown>, h: BrowserHistory, ctx: { lang: string; now: number }) {
    const value = resource.value.get();
    if (value) this.shownPrometheus = value;
    const shown = value ?? this.shownPrometheus;
    const url = (resource.params as { url: string }).url;
    const range: [number, number] | undefined = shown ? [shown.start, shown.end] : undefined;
    const lang = ctx.lang;
    // The URL is a placeholder the language may move: split the sentence around it.
    const where = shown
      ? t(lang, 'at {0}: every request the backend served, one point every {1}.', '\u0000', formatSeconds(lang, shown.stepMs / 1000))
      : t(lang, 'at {0}: every request the backend served.', '\u0000');
    const [before = '', after = ''] = where.split('\u0000');
    return html`<p part="origin"><strong>${t(lang, 'Server-side, from Prometheus')}</strong> ${before}<span class="url">${url}</span>${after}</p>
      ${renderErrorNotice(resource, ctx, () => void resource.refresh(), 'Prometheus')}
      ${shown && range
        ? html`<div part="charts">
            ${this.renderChart(lang, translatable('Response time'), t(lang, 'Latency percentiles of the backend’s requests.'), 'ms', { data: [shown.times, shown.p50, shown.p95, shown.p99], series: PERCENTILES }, range, [
              { value: this.p95Threshold, label: t(lang, 'P95 threshold'), seriesIndex: 1 },
            ])}
            ${this.renderChart(lang, translatable('Request rate'), t(lang, 'Requests per second the backend served.'), t(lang, 'req/s'), { data: [shown.times, shown.rate], series: seriesNamed(t(lang, 'Requests')) }, range)}
            ${this.renderChart(lang, translatable('Error rate'), t(lang, 'Share of the backend’s responses that were 5xx.'), '%', { data: [shown.times, shown.errorPercent], series: seriesNamed(t(lang, 'Errors')) }, range, [
              { value: this.errorRateThreshold, label: t(lang, 'Error threshold') },
            ])}
          </div>`
        : resource.error.get()
          ? nothing
          : renderSkeleton(4, t(lang, 'Loading history from Prometheus'))}
      <h3 class="group">${t(lang, 'Backend internals, as polled by this browser')}</h3>
      ${this.renderBackendErrors(ctx)}
      ${h.events.data[0]!.length || h.methods.data[0]!.length
        ? html`<div part="charts">
            ${this.renderChart(lang, translatable('Event handler latency'), t(lang, 'Reported by the backend’s event bus, sampled at each poll.'), 'ms', h.events, h.range, [], handlerBaseline(h.events, lang))}
            ${h.methods.series.length
              ? this.renderChart(lang, translatable('Method timings'), t(lang, 'Average time per instrumented method, as the backend reports it.'), 'ms', h.methods, h.range)
              : nothing}
          </div>`
        : renderSkeleton(2, t(lang, 'Loading event bus and method timings'))}`;
  }

  private renderOrigin(h: BrowserHistory, lang: string): TemplateResult {
    if (h.since === null) return html`<strong>${t(lang, 'Client-observed')}</strong> ${t(lang, 'by this browser: no requests recorded yet.')}`;
    const span = (h.range[1] - Math.max(h.since, h.range[0])) / 1000;
    const rangeSeconds = (h.range[1] - h.range[0]) / 1000;
    const history = formatSeconds(lang, Math.max(0, span));
    const amount =
      h.since > h.range[0] ? t(lang, '{0} of history of the selected {1}', history, formatSeconds(lang, rangeSeconds)) : t(lang, '{0} of history', history);
    const requests = tp(lang, h.stats.total, '{0} request', '{0} requests', formatNumber(lang, h.stats.total, 0));
    const buckets = formatSeconds(lang, h.stats.bucketMs / 1000);
    const made = h.stats.failed
      ? t(lang, 'requests this browser made to the backend ({0}, {1}, {2} failed), in {3} buckets.', amount, requests, formatNumber(lang, h.stats.failed, 0), buckets)
      : t(lang, 'requests this browser made to the backend ({0}, {1}), in {2} buckets.', amount, requests, buckets);
    const sentence = timingSentence(h.stats.methods);
    const timing = sentence ? inLanguage(lang, sentence) : '';
    return html`<strong>${t(lang, 'Client-observed, since {0}', formatTime(lang, h.since))}</strong>${timing
        ? html` <span part="timing">(${timing})</span>`
        : nothing}:
      ${made} ${t(lang, "Not the backend's own traffic: set a Prometheus URL for that.")}`;
  }

  private renderBrowserCharts(h: BrowserHistory, resources: Resource[], lang: string) {
    if (h.stats.total === 0) {
      const loading = resources.some((r) => r.status.get() === 'loading' || r.status.get() === 'idle');
      return loading ? renderSkeleton(4, t(lang, 'Loading performance history')) : renderEmpty(t(lang, 'No requests recorded in this time range yet.'));
    }
    const { range } = h;
    return html`<div part="charts">
      ${this.renderChart(lang, translatable('Response time'), t(lang, 'Client-observed latency of this browser’s requests.'), 'ms', h.latency, range, [
        { value: this.p95Threshold, label: t(lang, 'P95 threshold'), seriesIndex: 1 },
      ])}
      ${this.renderChart(lang, translatable('Request rate'), t(lang, 'Requests per second this browser made.'), t(lang, 'req/s'), { data: h.rate.data, series: seriesNamed(t(lang, 'Requests')) }, range)}
      ${this.renderChart(lang, translatable('Error rate'), t(lang, 'Share of this browser’s requests that failed.'), '%', { data: h.errors.data, series: seriesNamed(t(lang, 'Errors')) }, range, [
        { value: this.errorRateThreshold, label: t(lang, 'Error threshold') },
      ])}
      ${this.renderChart(lang, translatable('Event handler latency'), t(lang, 'Reported by the backend’s event bus, sampled at each poll.'), 'ms', h.events, range, [], handlerBaseline(h.events, lang))}
      ${h.methods.series.length
        ? this.renderChart(lang, translatable('Method timings'), t(lang, 'Average time per instrumented method, as the backend reports it.'), 'ms', h.methods, range)
        : nothing}
    </div>`;
  }

  /** One chart; `title` is its English name (its `data-chart`), shown in the page's language. */
  private renderChart(
    lang: string,
    title: string,
    note: string,
    unit: string,
    chart: ChartData,
    range: [number, number],
    thresholds: TimeseriesThreshold[] = [],
    bands: TimeseriesBand[] = [],
  ): TemplateResult {
    const name = t(lang, title);
    return html`<figure part="chart" data-chart=${title}>
      <h3>${name}</h3>
      <p class="meta">${note}</p>
      <pharos-timeseries
        label=${name}
        unit=${unit}
        height=${this.chartHeight}
        .data=${chart.data}
        .series=${chart.series}
        .range=${range}
        .thresholds=${thresholds}
        .bands=${bands}
      ></pharos-timeseries>
    </figure>`;
  }
}
