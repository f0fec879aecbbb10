import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import type { IngestionHealth, WorkerHealth, WorkerState } from '../../api/ingestion.js';
import { componentName, type HealthReport } from '../../api/monitoring.js';
import { t, tp, translatable } from '../../i18n/translate.js';
import { list } from '../../i18n/list.js';
import { markup, SLOTS } from '../../ingestion/markup.js';
import { cssProps } from '../../ui/css-props.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { formatAgo, formatDateTime, formatNumber, formatSeconds, langOf } from '../../util/format.js';
import { renderErrorNotice, renderSkeleton, renderUpdated, type ViewContext } from '../../ui/resource-views.js';
import { toBadgeStatus } from '../../ui/status.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import type { Resource } from '../../store/resource.js';
import { healthResource } from '../../store/resources/health.js';
import { ingestionHealthResource, workerHealthResource } from '../../store/resources/ingestion.js';
import { rangeEndingAt, type TimeRange } from '../../store/time-range.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { heartbeatTimeline, type HeartbeatTimeline, type PollState } from './heartbeat-timeline.js';
import { workerHeartbeatStyles } from './worker-heartbeat.styles.js';

/** The worker's state as its badge says it (English: shown with `t(lang, …)`). */
const STATE_LABEL: Record<WorkerState, string> = {
  online: translatable('Online'),
  degraded: translatable('Degraded'),
  offline: translatable('Offline'),
  unknown: translatable('Unknown'),
};

/** The live region's words for each state (English: shown with `t(lang, …)`). */
const STATE_ANNOUNCEMENT: Record<WorkerState, string> = {
  online: translatable('Edge worker online'),
  degraded: translatable('Edge worker degraded'),
  offline: translatable('Edge worker offline'),
  unknown: translatable('Edge worker unknown'),
};

/** The legend's word for each poll state (English: shown with `t(lang, …)`). */
const POLL_LABEL: Record<PollState, string> = {
  online: translatable('online'),
  degraded: translatable('degraded'),
  offline: translatable('offline'),
  'no-answer': translatable('no answer'),
};

/** "2 online": a number of polls in a state, in `lang` (`count` already formatted). */
function pollCount(lang: string, state: PollState, n: number, count: string): string {
  switch (state) {
    case 'online':
      return tp(lang, n, '{0} online', '{0} online', count);
    case 'degraded':
      return tp(lang, n, '{0} degraded', '{0} degraded', count);
    case 'offline':
      return tp(lang, n, '{0} offline', '{0} offline', count);
    default:
      return tp(lang, n, '{0} no answer', '{0} no answer', count);
  }
}

/** Bar height per state (of 24), so the state reads without colour. */
const POLL_HEIGHT: Record<PollState, number> = { online: 24, degraded: 14, offline: 6, 'no-answer': 3 };

/** The timeline's caption for each range (English: shown with `t(lang, …)`). */
const RANGE_CAPTION: Record<TimeRange, string> = {
  '1h': translatable('Heartbeats, last hour'),
  '6h': translatable('Heartbeats, last 6 hours'),
  '24h': translatable('Heartbeats, last 24 hours'),
  '7d': translatable('Heartbeats, last 7 days'),
};


/**
 * The edge worker's liveness next to the cloud side it serves. The worker (a GPU box that
 * drains the ingestion queue) pings the API about every 60 s; this shows its state from
 * `/api/v1/ingestion/health/worker` (online, degraded = heartbeat older than the threshold,
 * offline = none recorded), the time since its last heartbeat ticking live between polls,
 * its metadata, a timeline of the heartbeats seen over the selected time range, and the API's
 * own services (`/api/v1/ingestion/health`) and health components (`/api/monitoring/health`).
 *
 * The heartbeat visual beats while online, slows and dims when degraded and stops when
 * offline; with `prefers-reduced-motion` it stays still. The state is always also in text.
 *
 * @tag pharos-worker-heartbeat
 * @summary Edge worker heartbeat, and the cloud side beside it.
 *
 * @dependency pharos-status-badge
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart liveness - The worker's state: pulse, badge and summary.
 * @csspart pulse - The heartbeat visual (decorative; `data-state` = online | degraded | offline | unknown).
 * @csspart state - The worker state badge.
 * @csspart summary - The sentence describing the state.
 * @csspart age - The live time since the last heartbeat.
 * @csspart meta - The worker's metadata (id, version, model, drained count, threshold).
 * @csspart timeline - The heartbeat timeline figure.
 * @csspart timeline-bar - The timeline drawing (decorative; the summary says the same).
 * @csspart timeline-summary - The timeline in words.
 * @csspart cloud - The cloud side: API services and health components.
 * @csspart services - The ingestion API's services list.
 * @csspart components - The monitoring health components list.
 * @csspart service - One row of either list.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - An error notice, with its retry button.
 * @csspart retry - A retry button.
 *
 * @cssprop --pharos-worker-heartbeat-online - Colour of online (defaults to `--pharos-ok`).
 * @cssprop --pharos-worker-heartbeat-degraded - Colour of degraded (defaults to `--pharos-warn`).
 * @cssprop --pharos-worker-heartbeat-offline - Colour of offline (defaults to `--pharos-danger`).
 * @cssprop --pharos-worker-heartbeat-no-answer - Colour of polls that got no answer (defaults to `--pharos-neutral`).
 * @cssprop --pharos-worker-heartbeat-pulse-size - Size of the heartbeat visual (default 44px).
 *
 * @example
 * <pharos-worker-heartbeat base-url="https://pharos.onrender.com"></pharos-worker-heartbeat>
 */
export class PharosWorkerHeartbeat extends PharosElement {
  static override styles = [themeStyles, panelStyles, workerHeartbeatStyles];
  static override dependencies = { 'pharos-status-badge': PharosStatusBadge };

  /** Heading text; empty for the default, "Edge worker" in the page's language. */
  @property() heading = '';

  private readonly worker = new ResourceController(this, workerHealthResource);
  private readonly ingestion = new ResourceController(this, ingestionHealthResource);
  private readonly health = new ResourceController(this, healthResource);

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes the worker's state and the cloud side now. */
  async refresh(): Promise<void> {
    await Promise.all([this.worker.resource.refresh(), this.ingestion.resource.refresh(), this.health.resource.refresh()]);
  }

  /**
   * Seconds since the last heartbeat at `now`. Taken from the backend's own
   * `seconds_since_last_seen` plus the time since that answer, rather than `now - lastSeen`,
   * so a skew between the backend's clock and the viewer's does not distort it; falls back
   * to `lastSeen` when the backend gives no age.
   */
  liveAgeSeconds(now: number): number | null {
    const resource = this.worker.resource;
    const w = resource.value.get();
    if (!w) return null;
    const answeredAt = resource.lastSuccessAt.get();
    if (w.secondsSinceLastSeen !== null && answeredAt !== null) return w.secondsSinceLastSeen + Math.max(0, now - answeredAt) / 1000;
    if (w.lastSeen) return Math.max(0, (now - w.lastSeen.getTime()) / 1000);
    return null;
  }

  override render() {
    const worker = this.worker.resource;
    const w = worker.value.get();
    const ctx: ViewContext = { lang: langOf(this), now: this.source.now.get() };
    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading || t(ctx.lang, 'Edge worker')}</h2>
        ${renderUpdated([worker], ctx)}
      </div>
      ${renderErrorNotice(worker, ctx, () => void worker.refresh(), t(ctx.lang, 'Edge worker'))}
      ${w ? this.renderWorker(w, ctx) : worker.error.get() ? nothing : renderSkeleton(4, t(ctx.lang, 'Loading the edge worker’s state'))}
      ${this.renderTimeline(worker, ctx)} ${this.renderCloud(ctx)}
    </section>`;
  }

  private renderWorker(w: WorkerHealth, ctx: ViewContext) {
    const { lang } = ctx;
    const age = this.liveAgeSeconds(ctx.now);
    const ageText = html`<span part="age">${formatSeconds(lang, age === null ? null : Math.floor(age))}</span>`;
    const threshold = formatSeconds(lang, w.thresholdSeconds);
    let summary: unknown;
    switch (w.state) {
      case 'online':
        summary = markup(
          age !== null && age > w.thresholdSeconds
            ? t(lang, 'Last heartbeat {0} ago, past the {1} threshold since the last check: the next check will tell.', ...SLOTS)
            : t(lang, 'Last heartbeat {0} ago; it counts as late after {1} without one.', ...SLOTS),
          [ageText, threshold],
        );
        break;
      case 'degraded':
        summary = markup(t(lang, 'No heartbeat for {0}, longer than the {1} threshold: new ingestions are refused until it is back.', ...SLOTS), [ageText, threshold]);
        break;
      case 'offline':
        summary = t(lang, 'No heartbeat recorded: the worker is offline and new ingestions are refused.');
        break;
      default:
        summary = t(lang, 'The backend reported a state this dashboard does not know.');
    }
    const label = t(lang, STATE_LABEL[w.state]);
    const announcement = t(lang, STATE_ANNOUNCEMENT[w.state]);
    const stale = this.worker.resource.stale.get();
    const meta = w.meta;
    return html`<div part="liveness" data-state=${w.state}>
        <div part="pulse" data-state=${w.state} aria-hidden="true"><span class="ring"></span><span class="core"></span></div>
        <div class="liveness-text">
          <pharos-status-badge part="state" status=${toBadgeStatus(w.state)} label=${label}></pharos-status-badge>
          <p part="summary">${summary}</p>
        </div>
        <span class="visually-hidden" role="status">${stale ? t(lang, '{0} (last known state)', announcement) : announcement}</span>
      </div>
      <dl class="fields" part="meta">
        <dt>${t(lang, 'Last heartbeat')}</dt>
        <dd>${w.lastSeen ? html`<time datetime=${w.lastSeen.toISOString()}>${formatDateTime(lang, w.lastSeen)}</time>` : t(lang, 'None recorded')}</dd>
        <dt>${t(lang, 'Threshold')}</dt>
        <dd>${threshold}</dd>
        ${meta
          ? html`<dt>${t(lang, 'Worker ID')}</dt>
              <dd>${meta.workerId ?? t(lang, 'Unknown')}</dd>
              <dt>${t(lang, 'Version')}</dt>
              <dd>${meta.version ?? t(lang, 'Unknown')}</dd>
              <dt>${t(lang, 'Embedding model')}</dt>
              <dd>${meta.embeddingModel ?? t(lang, 'Unknown')}</dd>
              <dt>${t(lang, 'Queue drained')}</dt>
              <dd>
                ${meta.queueDrainedCount === null
                  ? t(lang, 'Unknown')
                  : tp(lang, meta.queueDrainedCount, '{0} job', '{0} jobs', formatNumber(lang, meta.queueDrainedCount, 0))}
              </dd>`
          : html`<dt>${t(lang, 'Worker')}</dt>
              <dd>${t(lang, 'No metadata (the worker has not reported itself)')}</dd>`}
      </dl>`;
  }

  private renderTimeline(worker: Resource<WorkerHealth, void>, ctx: ViewContext) {
    const range = this.source.timeRange.get();
    // The newest poll can be a moment younger than the last tick.
    const to = Math.max(ctx.now, worker.history.lastTime ?? -Infinity);
    const [from] = rangeEndingAt(range, to);
    const tl = heartbeatTimeline(worker.history, from, to);
    const polls = tl.segments.length === 0 ? 0 : Object.values(tl.counts).reduce((a, b) => a + b, 0);
    return html`<figure part="timeline">
      <figcaption>${t(ctx.lang, RANGE_CAPTION[range])}</figcaption>
      ${polls === 0 ? nothing : this.renderTimelineBar(tl)}
      <p class="meta" part="timeline-summary">${this.timelineText(tl, polls, ctx)}</p>
      ${polls === 0
        ? nothing
        : html`<ul class="legend meta" aria-hidden="true">
            ${(['online', 'degraded', 'offline', 'no-answer'] as const).map(
              (s) => html`<li data-state=${s}><span class="swatch" ${cssProps({ height: `${POLL_HEIGHT[s] / 2}px` })}></span>${t(ctx.lang, POLL_LABEL[s])}</li>`,
            )}
            <li><span class="swatch beat"></span>${t(ctx.lang, 'heartbeat')}</li>
          </ul>`}
    </figure>`;
  }

  private renderTimelineBar(tl: HeartbeatTimeline) {
    const span = Math.max(1, tl.to - tl.from);
    const x = (t: number) => ((Math.min(Math.max(t, tl.from), tl.to) - tl.from) / span) * 1000;
    return html`<svg part="timeline-bar" viewBox="0 0 1000 24" preserveAspectRatio="none" aria-hidden="true">
      ${tl.segments.map(
        (s) =>
          svg`<rect class="seg" data-state=${s.state} x=${x(s.from)} width=${Math.max(1, x(s.to) - x(s.from))} y=${24 - POLL_HEIGHT[s.state]} height=${POLL_HEIGHT[s.state]}></rect>`,
      )}
      ${tl.beats.map((t) => svg`<line class="beat" x1=${x(t)} x2=${x(t)} y1="0" y2="24"></line>`)}
    </svg>`;
  }

  private timelineText(tl: HeartbeatTimeline, polls: number, ctx: ViewContext): string {
    const lang = ctx.lang;
    if (polls === 0) return t(lang, 'No checks yet in this range: the timeline fills as this page polls the worker.');
    const n = (v: number) => formatNumber(lang, v, 0);
    const parts = (['online', 'degraded', 'offline', 'no-answer'] as const)
      .filter((s) => tl.counts[s] > 0)
      .map((s) => pollCount(lang, s, tl.counts[s], n(tl.counts[s])));
    const checks = tp(lang, polls, '{0} check ({1})', '{0} checks ({1})', n(polls), list(lang, parts));
    const seen = tl.beats.length;
    const beats = seen
      ? tp(lang, seen, '{0} heartbeat seen, the latest {1}', '{0} heartbeats seen, the latest {1}', n(seen), formatAgo(lang, tl.beats[seen - 1]!, ctx.now))
      : tp(lang, seen, '{0} heartbeat seen', '{0} heartbeats seen', n(seen));
    const changes =
      tl.changes === 0
        ? t(lang, 'no state change')
        : tl.changes === 1
          ? t(lang, 'the state changed once')
          : tp(lang, tl.changes, 'the state changed {0} time', 'the state changed {0} times', n(tl.changes));
    return t(lang, '{0}; {1}; {2}.', checks, beats, changes);
  }

  private renderCloud(ctx: ViewContext) {
    const ingestion = this.ingestion.resource;
    const health = this.health.resource;
    const ih = ingestion.value.get();
    const report = health.value.get();
    const { lang } = ctx;
    return html`<section part="cloud" aria-labelledby="cloud-title">
      <h3 id="cloud-title">${t(lang, 'Cloud side')}</h3>
      ${renderErrorNotice(ingestion, ctx, () => void ingestion.refresh(), t(lang, 'Ingestion API'))}
      ${ih ? this.renderServices(ih, lang) : ingestion.error.get() ? nothing : renderSkeleton(2, t(lang, 'Loading the ingestion API’s services'))}
      ${renderErrorNotice(health, ctx, () => void health.refresh(), t(lang, 'System health'))}
      ${report ? this.renderComponents(report, lang) : health.error.get() ? nothing : renderSkeleton(2, t(lang, 'Loading system health'))}
    </section>`;
  }

  private renderServices(ih: IngestionHealth, lang: string) {
    return html`<h4 id="services-title">${t(lang, 'Ingestion API')}</h4>
      <ul part="services" aria-labelledby="services-title">
        <li part="service" data-name="api" data-status=${ih.status}>
          <span class="name">${componentName('api')}</span>
          <pharos-status-badge status=${toBadgeStatus(ih.status)}></pharos-status-badge>
          <span class="detail"></span>
        </li>
        ${ih.services.map((s) => {
          const notConfigured = s.state === 'not-configured';
          return html`<li part="service" data-name=${s.name} data-status=${s.state}>
            <span class="name">${componentName(s.name)}</span>
            <pharos-status-badge status=${toBadgeStatus(s.state)} label=${notConfigured ? t(lang, 'Not configured') : nothing}></pharos-status-badge>
            <span class="detail">${s.state === 'healthy' || notConfigured ? '' : s.message}</span>
          </li>`;
        })}
      </ul>`;
  }

  private renderComponents(report: HealthReport, lang: string) {
    return html`<h4 id="components-title">${t(lang, 'Health components')}</h4>
      <ul part="components" aria-labelledby="components-title">
        ${report.components.map((c) => {
          const removed = c.status === 'not_applicable';
          return html`<li part="service" data-name=${c.name} data-status=${c.status}>
            <span class="name">${componentName(c.name)}</span>
            <pharos-status-badge status=${toBadgeStatus(c.status)} label=${removed ? t(lang, 'Removed from this deployment') : nothing}></pharos-status-badge>
            <span class="detail">${c.status === 'healthy' ? '' : c.message}</span>
          </li>`;
        })}
      </ul>`;
  }
}
