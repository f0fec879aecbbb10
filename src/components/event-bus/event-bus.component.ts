import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BusEvent, EventBusMetrics, EventHistory } from '../../api/monitoring.js';
import { counterRates, counterResets } from '../../analysis/anomaly.js';
import { cssProps } from '../../ui/css-props.js';
import { figureStyles, renderFigures, type Figure } from '../../ui/figures.js';
import { formatDateTime, formatNumber, formatTime, humanize, langOf } from '../../util/format.js';
import { formatMs, formatPercent } from '../../util/format-figures.js';
import { Memo } from '../../util/memo.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderErrorNotice, renderSkeleton, renderUpdated } from '../../ui/resource-views.js';
import { renderEmpty, stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { eventHistoryResource, eventsResource } from '../../store/resources/monitoring.js';
import { PharosMetricCard } from '../metric-card/metric-card.component.js';
import { PharosTimeseries } from '../timeseries/timeseries.component.js';
import { eventBusStyles } from './event-bus.styles.js';
import { selectedRange } from '../../ui/time-window.js';
import { t, tp, translatable } from '../../i18n/translate.js';

/** Events per minute over the range, from the cumulative `emitted` counter. */
interface RateSeries {
  times: Float64Array;
  perMinute: Float64Array;
  /** Latest finite rate, or null before two samples. */
  latest: number | null;
  /** When the backend restarted (its counters dropped) within the range. */
  resets: number[];
  /** `[times, perMinute]` for the chart (one array per poll, so the chart is not re-fed every tick). */
  data: [Float64Array, Float64Array];
}

/** The free-form event data as pretty JSON text (never HTML); `undefined`-safe. */
function dataText(data: unknown): string {
  try {
    return JSON.stringify(data, null, 2) ?? String(data);
  } catch {
    return String(data);
  }
}

/** The backend's event priorities, in words (another priority is shown as the backend names it). */
const PRIORITY_LABELS: Record<string, string> = {
  low: translatable('Low'),
  normal: translatable('Normal'),
  high: translatable('High'),
  critical: translatable('Critical'),
};

const hasData = (data: unknown) =>
  data !== null && data !== undefined && !(typeof data === 'object' && Object.keys(data as object).length === 0);

/**
 * The backend's event bus: events emitted and delivered, handler errors, delivery rate and
 * events per minute (from successive samples of the cumulative counters, across backend
 * restarts), handler and emission latency percentiles, the breakdown by event type, and a
 * timeline of the latest events with their data on demand. From `/api/monitoring/events`
 * and `/api/monitoring/events/history`.
 *
 * @tag pharos-event-bus
 * @summary Event bus throughput, latency, types and recent events.
 *
 * @dependency pharos-metric-card
 * @dependency pharos-timeseries
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart updated - The "updated N s ago" label.
 * @csspart figures - The headline figures.
 * @csspart figure - One figure (a `<pharos-metric-card>`; `data-key` = `emitted`, `delivered`, `handler-errors`, `delivery-rate`, `per-minute`).
 * @csspart restart - The note that the backend restarted within the range.
 * @csspart chart - The events-per-minute chart.
 * @csspart latency - The latency percentiles table.
 * @csspart types - The breakdown by event type.
 * @csspart type - One event type with its bar and count.
 * @csspart timeline - The list of recent events, newest first.
 * @csspart event - One event.
 * @csspart event-data - An event's data, as JSON text.
 * @csspart empty - Shown when no event was emitted yet.
 * @csspart error - An error notice, with its retry button.
 * @csspart retry - A retry button.
 *
 * @cssprop --pharos-event-bus-bar-color - Bars of the type breakdown (defaults to `--pharos-accent`).
 * @cssprop --pharos-event-bus-timeline-height - Maximum height of the timeline before it scrolls.
 *
 * @example
 * <pharos-event-bus base-url="https://pharos.onrender.com" history-limit="50"></pharos-event-bus>
 */
export class PharosEventBus extends PharosElement {
  static override styles = [themeStyles, panelStyles, stateViewStyles, figureStyles, eventBusStyles];
  static override dependencies = { 'pharos-metric-card': PharosMetricCard, 'pharos-timeseries': PharosTimeseries };

  /** Heading text (default: "Event bus" in the page's language). */
  @property() heading?: string;

  /** How many recent events the timeline shows (1–1000). Default 100. */
  @property({ type: Number, attribute: 'history-limit' }) historyLimit = 100;

  /** Height of the events-per-minute chart in pixels. */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = 140;

  /** Keys of the events whose data is shown. */
  @state() private openEvents = new Set<string>();

  private readonly metrics = new ResourceController(this, eventsResource);
  private readonly history = new ResourceController(this, eventHistoryResource, () => this.limit);
  private readonly rates = new Memo<RateSeries>();

  constructor() {
    super();
    new TickController(this);
  }

  private get limit(): number {
    return Math.min(1000, Math.max(1, Math.round(this.historyLimit) || 100));
  }

  /** Refreshes the metrics and the event history now. */
  async refresh(): Promise<void> {
    await Promise.all([this.metrics.resource.refresh(), this.history.resource.refresh()]);
  }

  override render() {
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    const metrics = this.metrics.resource;
    const history = this.history.resource;
    const m = metrics.value.get();
    const events = history.value.get();
    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading ?? t(ctx.lang, 'Event bus')}</h2>
        ${renderUpdated([metrics, history], ctx)}
      </div>
      ${renderErrorNotice(metrics, ctx, () => void metrics.refresh(), t(ctx.lang, 'Event bus metrics'))}
      ${m ? this.renderMetrics(m, ctx.lang) : metrics.error.get() ? nothing : renderSkeleton(6, t(ctx.lang, 'Loading event bus metrics'))}
      ${renderErrorNotice(history, ctx, () => void history.refresh(), t(ctx.lang, 'Recent events'))}
      ${events ? this.renderTimeline(events, ctx.lang) : history.error.get() ? nothing : renderSkeleton(4, t(ctx.lang, 'Loading recent events'))}
    </section>`;
  }

  /** Events per minute over the selected range (copied only when a poll lands or the range changes). */
  private rateSeries(range: [number, number]): RateSeries {
    const resource = this.metrics.resource;
    return this.rates.get([resource.history.version.get(), this.source.timeRange.get()], () => {
      const w = resource.history.window(range[0], Infinity, ['emitted']);
      const perMinute = counterRates(w.times, w.columns.emitted!);
      let latest: number | null = null;
      for (let i = perMinute.length - 1; i >= 0 && latest === null; i--) if (Number.isFinite(perMinute[i]!)) latest = perMinute[i]!;
      return { times: w.times, perMinute, latest, resets: counterResets(w.times, w.columns.emitted!), data: [w.times, perMinute] };
    });
  }

  private renderMetrics(m: EventBusMetrics, lang: string) {
    const range = selectedRange(this.source);
    const rates = this.rateSeries(range);
    const figures: Figure[] = [
      // Cumulative counters: their trend would only ever say "up"; the rate below is the news.
      { key: 'emitted', label: t(lang, 'Emitted'), value: m.emitted, format: 'integer', note: t(lang, 'since the backend started') },
      { key: 'delivered', label: t(lang, 'Delivered'), value: m.delivered, format: 'integer', note: t(lang, 'handler deliveries') },
      { key: 'handler-errors', label: t(lang, 'Handler errors'), value: m.handlerErrors, format: 'integer', note: t(lang, 'since the backend started') },
      {
        key: 'delivery-rate',
        label: t(lang, 'Delivery rate'),
        value: m.emitted > 0 ? m.delivered / m.emitted : null,
        format: 'percent',
        note: t(lang, 'delivered ÷ emitted: an event reaches 0 or more handlers'),
      },
      {
        key: 'per-minute',
        label: t(lang, 'Events per minute'),
        value: rates.latest,
        format: 'number',
        note: rates.latest === null ? t(lang, 'known after two polls') : t(lang, 'between the last two polls'),
      },
    ];
    const lastReset = rates.resets[rates.resets.length - 1];
    const perMinute = t(lang, 'events/min');
    return html`${renderFigures(figures, t(lang, 'Event bus figures'), { resource: this.metrics.resource, range })}
      ${lastReset !== undefined
        ? html`<p class="meta" part="restart">
            ${t(lang, 'The backend restarted at {0}: its counters began again from zero (rates account for it).', formatTime(lang, lastReset))}
          </p>`
        : nothing}
      <figure part="chart">
        <h3>${t(lang, 'Events per minute')}</h3>
        <p class="meta">${t(lang, 'From successive samples of the emitted counter while this page is open.')}</p>
        <pharos-timeseries
          label=${t(lang, 'Events per minute')}
          unit=${perMinute}
          height=${this.chartHeight}
          .data=${rates.data}
          .series=${[{ label: t(lang, 'Events per minute'), unit: perMinute }]}
          .range=${range}
        ></pharos-timeseries>
      </figure>
      ${this.renderLatency(m, lang)} ${this.renderTypes(m, lang)}`;
  }

  private renderLatency(m: EventBusMetrics, lang: string) {
    const row = (label: string, p: EventBusMetrics['handlerLatency']) =>
      html`<tr>
        <th scope="row">${label}</th>
        <td>${formatMs(lang, p.p50)}</td>
        <td>${formatMs(lang, p.p95)}</td>
        <td>${formatMs(lang, p.p99)}</td>
      </tr>`;
    return html`<table part="latency">
      <caption>
        ${t(lang, 'Latency')}
      </caption>
      <thead>
        <tr>
          <td></td>
          <th scope="col">P50</th>
          <th scope="col">P95</th>
          <th scope="col">P99</th>
        </tr>
      </thead>
      <tbody>
        ${row(t(lang, 'Handler'), m.handlerLatency)} ${row(t(lang, 'Emission'), m.emissionLatency)}
      </tbody>
    </table>`;
  }

  private renderTypes(m: EventBusMetrics, lang: string) {
    const types = Object.entries(m.eventTypes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const total = types.reduce((sum, [, n]) => sum + n, 0);
    const max = types.length ? types[0]![1] : 0;
    return html`<div>
      <h3 id="types-title">${t(lang, 'Events by type')}</h3>
      ${types.length === 0
        ? renderEmpty(t(lang, 'No events emitted yet.'))
        : html`<ul part="types" aria-labelledby="types-title">
            ${types.map(
              ([name, n]) => html`<li part="type" data-type=${name}>
                <span class="name">${name}</span>
                <span class="bar" aria-hidden="true"><span ${cssProps({ '--_share': max > 0 ? n / max : 0 })}></span></span>
                <span class="count">${formatNumber(lang, n, 0)} <span class="meta">(${formatPercent(lang, total > 0 ? n / total : null, 0)})</span></span>
              </li>`,
            )}
          </ul>`}
    </div>`;
  }

  private renderTimeline(history: EventHistory, lang: string) {
    // The backend lists oldest first; a timeline reads newest first.
    const events = history.events.map((e, i) => ({ e, key: e.correlationId ?? `${e.timestamp?.getTime() ?? 'x'}-${i}` })).reverse();
    return html`<div>
      <h3 id="timeline-title">${t(lang, 'Recent events')}</h3>
      ${events.length === 0
        ? renderEmpty(t(lang, 'No events recorded yet.'))
        : html`<div class="timeline-scroll" tabindex="0" role="region" aria-labelledby="timeline-title">
            <ol
              part="timeline"
              aria-label=${tp(lang, events.length, 'Latest {0} event, newest first', 'Latest {0} events, newest first', formatNumber(lang, events.length, 0))}
            >
              ${events.map(({ e, key }) => this.renderEvent(e, key, lang))}
            </ol>
          </div>`}
    </div>`;
  }

  private renderEvent(e: BusEvent, key: string, lang: string) {
    const priority = e.priority.toLowerCase();
    const open = this.openEvents.has(key);
    const onToggle = (event: Event) => {
      const next = new Set(this.openEvents);
      if ((event.target as HTMLDetailsElement).open) next.add(key);
      else next.delete(key);
      this.openEvents = next;
    };
    return html`<li part="event" data-name=${e.name}>
      <time datetime=${e.timestamp?.toISOString() ?? ''} title=${formatDateTime(lang, e.timestamp)}>${formatTime(lang, e.timestamp)}</time>
      <span class="name">${e.name}</span>
      <span class="priority" data-priority=${priority}
        >${priority === 'high' || priority === 'critical' ? html`<span aria-hidden="true">⚑ </span>` : nothing}${PRIORITY_LABELS[priority] ? t(lang, PRIORITY_LABELS[priority]) : humanize(priority)}</span
      >
      ${hasData(e.data)
        ? html`<details ?open=${open} @toggle=${onToggle}>
            <summary>${t(lang, 'Data')}</summary>
            ${open ? html`<pre part="event-data">${dataText(e.data)}</pre>` : nothing}
          </details>`
        : nothing}
    </li>`;
  }
}
