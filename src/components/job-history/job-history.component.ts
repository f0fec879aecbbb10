import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { JOB_STATUSES, type IngestionJob, type JobHistory, type JobStatus } from '../../api/ingestion.js';
import { formatAgo, formatDateTime, formatNumber, formatSeconds, langOf } from '../../util/format.js';
import { t, tp, translatable } from '../../i18n/translate.js';
import { completeWith, OnDemand } from '../../ui/on-demand.js';
import { IngestSubmitter, refreshJobHistories } from '../../ingestion/submit.js';
import { jobStatusLabel, jobStatusStyles, renderJobStatus, renderTruncationNotice } from '../../ingestion/job-views.js';
import { DEFAULT_JOB_LIMIT, countJobs, jobAgeSeconds, jobLimit, newestFirst, queuedHereTimes, type QueuedHere } from '../../ingestion/jobs.js';
import { recentIngestSubmissions } from '../../ingestion/submissions.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton, type ViewContext } from '../../ui/resource-views.js';
import { renderReadOnlyNotice } from '../../ui/read-only-notice.js';
import { panelStyles, pillStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { jobHistoryResource } from '../../store/resources/ingestion.js';
import type { PharosSource } from '../../store/source.js';
import { jobHistoryStyles } from './job-history.styles.js';
import type { LastAction } from './outcome-views.js';

/**
 * An action a deployment adds to job rows, e.g. a cancel once the backend has an endpoint
 * for it (it has none today, so none is built in).
 *
 * @example
 * history.jobActions = [{
 *   label: 'Cancel',
 *   appliesTo: (job) => job.status === 'pending',
 *   confirm: (job) => `Cancel the ingestion of ${job.repoUrl}?`,
 *   run: (job, { source }) => fetch(`${source.baseUrl}/api/v1/ingestion/jobs/cancel`, { method: 'POST', body: job.repoUrl }),
 * }];
 */
export interface JobAction {
  /** Button text; a function receives the job. */
  label: string | ((job: IngestionJob) => string);
  /** Whether the action is offered for a job. */
  appliesTo(job: IngestionJob): boolean;
  /** When set, an inline confirmation asks this question first. */
  confirm?: string | ((job: IngestionJob) => string);
  /** Runs the action. A rejection is shown to the user; the history refreshes afterwards. */
  run(job: IngestionJob, context: { source: PharosSource }): unknown;
}

/** Filter values: a job state, or every job. */
export type JobFilter = JobStatus | 'all';


const text = (v: string | ((job: IngestionJob) => string), job: IngestionJob) => (typeof v === 'function' ? v(job) : v);

/** A key for a job that survives re-polls (the backend gives jobs no id). */
const jobKey = (job: IngestionJob) => `${job.repoUrl}\u0000${job.timestamp?.getTime() ?? `#${job.order}`}`;

/**
 * Recent ingestion jobs, newest first, from `/api/v1/ingestion/jobs/history`: repository,
 * state, duration, files processed, embeddings generated and age, with each failure's error
 * and reason expandable. Filter by state. Jobs the backend gives no time (an empty
 * `timestamp` and null `age_seconds`, as pending jobs have today) show an age of "unknown"
 * and sort last, the later-listed first (the backend lists oldest first).
 *
 * A failed job can be re-indexed: after an inline confirmation its URL is queued again
 * through the same path as `<pharos-ingest-trigger>`, with the same messages. The backend has
 * no cancel or retry endpoint, so no such control is shown; a deployment that has one can
 * add it with the `jobActions` property. On a read-only view of the backend (a Pharos relay)
 * re-index is not offered, and the panel says where it is done.
 *
 * @tag pharos-job-history
 * @summary Ingestion job history, with re-index for failed jobs.
 *
 * @fires pharos-ingest-submitted - A re-index was accepted; `detail.origin` is `reindex`.
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart filter - The state filter (a select).
 * @csspart table-wrap - The scrolling box around the table.
 * @csspart table - The table.
 * @csspart row - One job row (`data-status`).
 * @csspart repo - A job's repository URL.
 * @csspart details - A job's expandable error and reason.
 * @csspart age - A job's age.
 * @csspart reindex - A failed job's re-index button.
 * @csspart action - A button of a deployment's `jobActions`.
 * @csspart confirm-row - The inline confirmation under a row.
 * @csspart confirm - The confirmation's "go" button.
 * @csspart cancel - The confirmation's cancel button.
 * @csspart read-only - On a read-only view with failed jobs: where re-index is done.
 * @csspart action-result - What the latest re-index or action did (`data-case` on failures).
 * @csspart truncated - The note that newer jobs may be missing.
 * @csspart empty - Shown when no job matches.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-job-history-max-height - Height past which the table scrolls (default 32em).
 * @cssprop --pharos-job-status-pending - Colour of pending (defaults to `--pharos-neutral`).
 * @cssprop --pharos-job-status-processing - Colour of processing (defaults to `--pharos-accent`).
 * @cssprop --pharos-job-status-completed - Colour of completed (defaults to `--pharos-ok`).
 * @cssprop --pharos-job-status-failed - Colour of failed (defaults to `--pharos-danger`).
 * @cssprop --pharos-job-status-unknown - Colour of unknown states (defaults to `--pharos-warn`).
 *
 * @example
 * <pharos-job-history base-url="https://pharos.onrender.com" status-filter="failed"></pharos-job-history>
 */
export class PharosJobHistory extends PharosElement {
  static override styles = [themeStyles, panelStyles, pillStyles, jobStatusStyles, jobHistoryStyles];

  /** Heading text; empty for the default, "Ingestion jobs" in the page's language. */
  @property() heading = '';

  /** How many jobs to ask the backend for (it returns the oldest that many). Default 100. */
  @property({ type: Number }) limit = DEFAULT_JOB_LIMIT;

  /** Show only jobs in this state (`pending`, `processing`, `completed`, `failed`, `unknown`), or `all`. */
  @property({ attribute: 'status-filter', reflect: true }) statusFilter: JobFilter = 'all';

  /** Hide the re-index button on failed jobs (e.g. for a read-only dashboard). */
  @property({ type: Boolean, attribute: 'no-reindex' }) noReindex = false;

  /**
   * Extra row actions a deployment provides (see {@link JobAction}); none by default. The
   * backend has no cancel endpoint, so there is no built-in cancel.
   */
  @property({ attribute: false }) jobActions: JobAction[] = [];

  /** The row whose confirmation is open, and for which action (`reindex` or an index into `jobActions`). */
  @state() private confirming: { key: string; action: 'reindex' | number } | null = null;
  @state() private lastAction: LastAction | null = null;

  private readonly history = new ResourceController(this, jobHistoryResource, () => jobLimit(this.limit));
  private readonly reindex = new IngestSubmitter(this, 'reindex');
  /** What came of an action, loaded with the first one. */
  private readonly outcomes = new OnDemand(this, () => import('./outcome-views.js'));
  /** A deployment's row action; the history refreshes afterwards, whatever the outcome. */
  private readonly customAction = new Task(this, {
    autoRun: false,
    task: async ([action, job]: [JobAction, IngestionJob]) => {
      try {
        await action.run(job, { source: this.source });
      } finally {
        void refreshJobHistories(this.source);
      }
    },
  });
  /** What to focus once the next render is in the DOM. */
  private focusAfterUpdate: (() => HTMLElement | null | undefined) | null = null;

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes now. */
  refresh(): Promise<void> {
    return this.history.resource.refresh();
  }

  /** Waits for the outcome's views too, so that `updateComplete` means an outcome is written out. */
  protected override getUpdateComplete(): Promise<boolean> {
    return completeWith(() => super.getUpdateComplete(), this.outcomes);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusAfterUpdate?.();
    this.focusAfterUpdate = null;
    target?.focus();
  }

  private ask(job: IngestionJob, action: 'reindex' | number) {
    this.confirming = { key: jobKey(job), action };
    this.focusAfterUpdate = () => this.shadowRoot?.querySelector<HTMLElement>('[part=confirm]');
  }

  private cancelConfirm() {
    const open = this.confirming;
    this.confirming = null;
    if (open) this.refocus(open.key, open.action);
  }

  /** Focus goes back to the button that opened a confirmation once it closes. */
  private refocus(key: string, action: 'reindex' | number) {
    // Found by data, not by a selector: keys are free text.
    this.focusAfterUpdate = () =>
      [...(this.shadowRoot?.querySelectorAll<HTMLTableRowElement>('[part=row]') ?? [])]
        .find((row) => row.dataset.key === key)
        ?.querySelector<HTMLElement>(`[data-action="${action}"]`);
  }

  private async go(job: IngestionJob, action: 'reindex' | number) {
    if (this.confirming) this.refocus(this.confirming.key, action);
    this.confirming = null;
    if (this.busy) return;
    if (action === 'reindex') {
      this.lastAction = { kind: 'reindex' };
      await this.reindex.submit(job.repoUrl);
      return;
    }
    const def = this.jobActions[action];
    if (!def) return;
    this.lastAction = { kind: 'custom', label: text(def.label, job), repoUrl: job.repoUrl };
    await this.customAction.run([def, job]);
  }

  private get busy(): boolean {
    return this.reindex.busy || this.customAction.status === TaskStatus.PENDING;
  }

  private onAction(job: IngestionJob, action: 'reindex' | number) {
    // aria-disabled rather than disabled while busy, so focus can stay on the button.
    if (this.busy) return;
    const def = action === 'reindex' ? null : this.jobActions[action];
    if (action === 'reindex' || def?.confirm) this.ask(job, action);
    else void this.go(job, action);
  }

  override render() {
    const resource = this.history.resource;
    const history = resource.value.get();
    const ctx: ViewContext = { lang: langOf(this), now: this.source.now.get() };
    return renderPanel(
      { heading: this.headingText(ctx.lang), resources: [resource], ctx, retry: () => void this.refresh() },
      html`<div part="action-result" role="status">${this.lastAction ? this.outcomes.render(ctx.lang, (views) => views.renderOutcome(this.lastAction!, ctx.lang, { customAction: this.customAction, reindex: this.reindex })) : nothing}</div>
    ${history ? this.renderHistory(history, ctx) : resource.error.get() ? nothing : renderSkeleton(5, t(ctx.lang, 'Loading ingestion jobs'))}`,
    );
  }

  /** The heading as shown: the one given, else the default in `lang`. */
  private headingText(lang: string): string {
    return this.heading || t(lang, 'Ingestion jobs');
  }

  private renderHistory(history: JobHistory, ctx: ViewContext) {
    const { lang } = ctx;
    const listed = formatNumber(lang, history.jobs.length, 0);
    const counts = countJobs(history.jobs);
    const filter = (JOB_STATUSES as readonly string[]).includes(this.statusFilter) ? this.statusFilter : 'all';
    const fetchedAt = this.history.resource.lastSuccessAt.get() ?? ctx.now;
    const queuedHere = queuedHereTimes(history.jobs, recentIngestSubmissions(this.source).get());
    const jobs = newestFirst(history.jobs, fetchedAt, queuedHere).filter((j) => filter === 'all' || j.status === filter);
    return html`<div class="toolbar">
        <label for="filter">${t(lang, 'Show')}</label>
        <select id="filter" part="filter" @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value as JobFilter)}>
          <option value="all" ?selected=${filter === 'all'}>${t(lang, 'All jobs ({0})', listed)}</option>
          ${JOB_STATUSES.map(
            (s) => html`<option value=${s} ?selected=${filter === s}>${jobStatusLabel(lang, s)} (${formatNumber(lang, counts[s], 0)})</option>`,
          )}
        </select>
      </div>
      ${renderTruncationNotice(history, lang)}
      ${this.source.readOnly.get() && !this.noReindex && counts.failed > 0 ? renderReadOnlyNotice(lang, translatable('Failed jobs are re-indexed')) : nothing}
      ${jobs.length === 0
        ? html`<p part="empty" class="meta">
            ${history.jobs.length === 0 ? t(lang, 'No ingestion jobs recorded.') : this.noneOfState(lang, filter as JobStatus, history.jobs.length, listed)}
          </p>`
        : html`<div part="table-wrap" tabindex="0" role="region" aria-label=${t(lang, '{0}: table', this.headingText(lang))}>
            <table part="table" id="jobs">
              <caption class="visually-hidden">
                ${this.caption(lang, filter)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t(lang, 'Repository')}</th>
                  <th scope="col">${t(lang, 'Status')}</th>
                  <th scope="col" class="num">${t(lang, 'Duration')}</th>
                  <th scope="col" class="num">${t(lang, 'Files')}</th>
                  <th scope="col" class="num">${t(lang, 'Embeddings')}</th>
                  <th scope="col">${t(lang, 'Age')}</th>
                  <th scope="col"><span class="visually-hidden">${t(lang, 'Actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${jobs.map((job) => this.renderRow(job, fetchedAt, queuedHere, ctx))}
              </tbody>
            </table>
          </div>`}`;
  }

  /** The table's caption for a filter, in `lang`. */
  private caption(lang: string, filter: JobFilter): string {
    switch (filter) {
      case 'pending':
        return t(lang, 'Pending ingestion jobs, newest first');
      case 'processing':
        return t(lang, 'Processing ingestion jobs, newest first');
      case 'completed':
        return t(lang, 'Completed ingestion jobs, newest first');
      case 'failed':
        return t(lang, 'Failed ingestion jobs, newest first');
      case 'unknown':
        return t(lang, 'Unknown ingestion jobs, newest first');
      default:
        return t(lang, 'Ingestion jobs, newest first');
    }
  }

  /** "No failed jobs among the 5 listed.", in `lang`. */
  private noneOfState(lang: string, status: JobStatus, n: number, listed: string): string {
    switch (status) {
      case 'pending':
        return tp(lang, n, 'No pending jobs among the {0} listed.', 'No pending jobs among the {0} listed.', listed);
      case 'processing':
        return tp(lang, n, 'No processing jobs among the {0} listed.', 'No processing jobs among the {0} listed.', listed);
      case 'completed':
        return tp(lang, n, 'No completed jobs among the {0} listed.', 'No completed jobs among the {0} listed.', listed);
      case 'failed':
        return tp(lang, n, 'No failed jobs among the {0} listed.', 'No failed jobs among the {0} listed.', listed);
      default:
        return tp(lang, n, 'No unknown jobs among the {0} listed.', 'No unknown jobs among the {0} listed.', listed);
    }
  }

  private renderRow(job: IngestionJob, fetchedAt: number, queuedHere: QueuedHere, ctx: ViewContext) {
    const { lang } = ctx;
    const key = jobKey(job);
    const age = jobAgeSeconds(job, fetchedAt, ctx.now, queuedHere);
    const busy = this.busy;
    const actions: Array<{ id: 'reindex' | number; label: string; part: string }> = [];
    if (!this.noReindex && !this.source.readOnly.get() && job.status === 'failed') actions.push({ id: 'reindex', label: t(lang, 'Re-index'), part: 'reindex' });
    this.jobActions.forEach((a, i) => {
      if (a.appliesTo(job)) actions.push({ id: i, label: text(a.label, job), part: 'action' });
    });
    const confirming = this.confirming?.key === key ? this.confirming : null;
    const row = html`<tr part="row" data-status=${job.status} data-key=${key}>
      <td>
        <span part="repo">${job.repoUrl}</span>
        ${job.error || job.reason
          ? html`<details part="details">
              <summary>${job.status === 'failed' ? t(lang, 'Why it failed') : t(lang, 'Details')}</summary>
              <dl class="fields">
                ${job.error ? html`<dt>${t(lang, 'Error')}</dt><dd>${job.error}</dd>` : nothing}
                ${job.reason ? html`<dt>${t(lang, 'Reason')}</dt><dd>${job.reason}</dd>` : nothing}
              </dl>
            </details>`
          : nothing}
      </td>
      <td>${renderJobStatus(lang, job.status, job.rawStatus)}</td>
      <td class="num">${formatSeconds(lang, job.durationSeconds)}</td>
      <td class="num">${formatNumber(lang, job.filesProcessed, 0)}</td>
      <td class="num">${formatNumber(lang, job.embeddingsGenerated, 0)}</td>
      <td part="age">
        ${age === null
          ? html`<span class="unknown" title=${t(lang, 'The backend gave this job no time')}>${t(lang, 'unknown')}</span>`
          : html`<span title=${job.timestamp ? formatDateTime(lang, job.timestamp) : ''}>${formatAgo(lang, ctx.now - age * 1000, ctx.now)}</span>${
              queuedHere.has(job) ? html`<span class="meta"> · ${t(lang, 'queued here')}</span>` : nothing
            }`}
      </td>
      <td>
        <div class="actions">
          ${actions.map(
            (a) => html`<button
              type="button"
              part=${a.part}
              data-action=${a.id}
              aria-disabled=${busy ? 'true' : 'false'}
              aria-expanded=${confirming?.action === a.id ? 'true' : 'false'}
              @click=${() => this.onAction(job, a.id)}
            >
              ${a.label}<span class="visually-hidden"> ${job.repoUrl}</span>
            </button>`,
          )}
        </div>
      </td>
    </tr>`;
    if (!confirming) return row;
    const question =
      confirming.action !== 'reindex'
        ? text(this.jobActions[confirming.action]?.confirm ?? '', job)
        : job.error
          ? t(lang, 'Queue {0} for ingestion again? It failed with “{1}”; a new job will be added to the queue.', job.repoUrl, job.error)
          : t(lang, 'Queue {0} for ingestion again? It failed; a new job will be added to the queue.', job.repoUrl);
    const goLabel = confirming.action === 'reindex' ? t(lang, 'Queue again') : (actions.find((a) => a.id === confirming.action)?.label ?? t(lang, 'Confirm'));
    return html`${row}
      <tr class="confirm" part="confirm-row">
        <td colspan="7">
          <div class="confirm-box" role="group" aria-labelledby="confirm-question" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancelConfirm()}>
            <p id="confirm-question">${question}</p>
            <button type="button" part="confirm" @click=${() => void this.go(job, confirming.action)}>${goLabel}</button>
            <button type="button" part="cancel" @click=${() => this.cancelConfirm()}>${t(lang, 'Cancel')}</button>
          </div>
        </td>
      </tr>`;
  }
}
