import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { JOB_STATUSES, type JobHistory, type JobStatus } from '../../api/ingestion.js';
import { cssProps } from '../../ui/css-props.js';
import { formatAgo, formatNumber, formatTime, langOf } from '../../util/format.js';
import { t, tp } from '../../i18n/translate.js';
import { list } from '../../i18n/list.js';
import { jobStatusCount, jobStatusLabel, jobStatusStyles, renderJobStatus, renderTruncationNotice } from '../../ingestion/job-views.js';
import { DEFAULT_JOB_LIMIT, countJobs, jobLimit } from '../../ingestion/jobs.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton, type ViewContext } from '../../ui/resource-views.js';
import { panelStyles, pillStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { lastIngestSubmission } from '../../ingestion/submissions.js';
import { jobHistoryResource } from '../../store/resources/ingestion.js';
import { ingestQueueStyles } from './ingest-queue.styles.js';

/**
 * The ingestion queue at a glance: how many jobs are pending, processing, completed and
 * failed (and unknown, for any other state the backend sends), drawn as a stacked bar with
 * the numbers, and the queue size against its maximum as the backend reported it on the
 * latest submission from this page (it reports it nowhere else).
 *
 * The backend has no per-state counts: they come from `/api/v1/ingestion/jobs/history`,
 * which lists jobs oldest first and stops at `limit`, so when the list is that long the
 * newest jobs may be missing, and the element says so.
 *
 * @tag pharos-ingest-queue
 * @summary Ingestion jobs by state, and the queue size.
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart bar - The stacked bar (decorative; the counts say the same).
 * @csspart counts - The list of counts by state.
 * @csspart count - One state and its count (`data-status`).
 * @csspart count-value - The number of one state.
 * @csspart total - The number of jobs listed.
 * @csspart queue-size - The queue size against its maximum.
 * @csspart truncated - The note that newer jobs may be missing.
 * @csspart empty - Shown when the backend lists no jobs.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-job-status-pending - Colour of pending (defaults to `--pharos-neutral`).
 * @cssprop --pharos-job-status-processing - Colour of processing (defaults to `--pharos-accent`).
 * @cssprop --pharos-job-status-completed - Colour of completed (defaults to `--pharos-ok`).
 * @cssprop --pharos-job-status-failed - Colour of failed (defaults to `--pharos-danger`).
 * @cssprop --pharos-job-status-unknown - Colour of unknown states (defaults to `--pharos-warn`).
 * @cssprop --pharos-ingest-queue-bar-height - Height of the stacked bar (default 14px).
 *
 * @example
 * <pharos-ingest-queue base-url="https://pharos.onrender.com" limit="200"></pharos-ingest-queue>
 */
export class PharosIngestQueue extends PharosElement {
  static override styles = [themeStyles, panelStyles, pillStyles, jobStatusStyles, ingestQueueStyles];

  /** Heading text; empty for the default, "Ingestion queue" in the page's language. */
  @property() heading = '';

  /** How many jobs to ask the backend for (it returns the oldest that many). Default 100. */
  @property({ type: Number }) limit = DEFAULT_JOB_LIMIT;

  private readonly history = new ResourceController(this, jobHistoryResource, () => jobLimit(this.limit));

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes now. */
  refresh(): Promise<void> {
    return this.history.resource.refresh();
  }

  override render() {
    const resource = this.history.resource;
    const history = resource.value.get();
    const ctx: ViewContext = { lang: langOf(this), now: this.source.now.get() };
    return renderPanel(
      { heading: this.heading || t(ctx.lang, 'Ingestion queue'), resources: [resource], ctx, retry: () => void this.refresh() },
      html`${history ? this.renderCounts(history, ctx) : resource.error.get() ? nothing : renderSkeleton(3, t(ctx.lang, 'Loading the ingestion queue'))}
    ${this.renderQueueSize(ctx)} ${history ? renderTruncationNotice(history, ctx.lang) : nothing}`,
    );
  }

  private renderCounts(history: JobHistory, ctx: ViewContext) {
    const { lang } = ctx;
    const counts = countJobs(history.jobs);
    const total = history.jobs.length;
    if (total === 0) return html`<p part="empty" class="meta">${t(lang, 'No ingestion jobs recorded.')}</p>`;
    // Unknown only when there is some: it is the backend saying something new.
    const shown = JOB_STATUSES.filter((s) => s !== 'unknown' || counts.unknown > 0);
    const summary = list(
      lang,
      shown.map((s) => jobStatusCount(lang, s, counts[s], formatNumber(lang, counts[s], 0))),
    );
    const totalText = history.mayBeTruncated
      ? tp(lang, total, '{0} job listed by the backend (possibly more).', '{0} jobs listed by the backend (possibly more).', formatNumber(lang, total, 0))
      : tp(lang, total, '{0} job listed by the backend.', '{0} jobs listed by the backend.', formatNumber(lang, total, 0));
    return html`<div part="bar" aria-hidden="true">
        ${shown
          .filter((s) => counts[s] > 0)
          .map((s: JobStatus) => html`<span class="segment" data-status=${s} ${cssProps({ 'flex-grow': counts[s] })} title=${tp(lang, counts[s], '{0}: {1} job', '{0}: {1} jobs', jobStatusLabel(lang, s), formatNumber(lang, counts[s], 0))}></span>`)}
      </div>
      <ul part="counts" aria-label=${t(lang, 'Jobs by state')}>
        ${shown.map(
          (s) => html`<li part="count" data-status=${s}>
            ${renderJobStatus(lang, s)} <span part="count-value">${formatNumber(lang, counts[s], 0)}</span>
          </li>`,
        )}
      </ul>
      <p class="meta total" part="total">${totalText}</p>
      <span class="visually-hidden" role="status">${t(lang, 'Ingestion jobs: {0}.', summary)}</span>`;
  }

  private renderQueueSize(ctx: ViewContext) {
    const { lang } = ctx;
    const sub = lastIngestSubmission(this.source).get();
    if (!sub) {
      return html`<p part="queue-size" class="meta">
        ${t(lang, 'Queue size: not known yet. The backend reports it only when a repository is queued; it shows here after one is queued from this page.')}
      </p>`;
    }
    const { queueSize, maxQueueSize, jobId } = sub.result;
    const over = queueSize > maxQueueSize;
    return html`<div part="queue-size">
      <span id="queue-label">${t(lang, 'Queue size')}</span>
      <meter aria-labelledby="queue-label" min="0" max=${maxQueueSize} value=${Math.min(queueSize, maxQueueSize)} high=${Math.max(1, maxQueueSize - 2)} optimum="0"></meter>
      <span
        ><strong part="queue-value">${t(lang, '{0} of {1}', formatNumber(lang, queueSize, 0), formatNumber(lang, maxQueueSize, 0))}</strong>${over
          ? ` ${t(lang, '(past the advertised maximum)')}`
          : ''}</span
      >
      <span class="meta" title=${formatTime(lang, sub.at)}>${t(lang, 'as reported when job {0} was queued, {1}', jobId, formatAgo(lang, sub.at, ctx.now))}</span>
    </div>`;
  }
}
