import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { PharosError } from '../../api/errors.js';
import type { WorkersStatus } from '../../api/monitoring.js';
import { figureStyles, renderFigures, type Figure } from '../../ui/figures.js';
import { formatFreeValue } from '../../ui/free-form.js';
import { formatAgo, formatNumber, formatSeconds, formatTime, humanize, langOf, MISSING } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton, type ViewContext } from '../../ui/resource-views.js';
import { SortableTableController, sortableTableStyles, type TableColumn } from '../../ui/sortable-table.js';
import { renderEmpty, stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import type { Resource } from '../../store/resource.js';
import { workersStatusResource } from '../../store/resources/monitoring.js';
import { PharosMetricCard } from '../metric-card/metric-card.component.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { workerRow, type WorkerRow } from './celery-stats.js';
import { workersStyles } from './workers.styles.js';
import { selectedRange } from '../../ui/time-window.js';
import { t, tp } from '../../i18n/translate.js';
import { list } from '../../i18n/list.js';

/** A worker name that may wrap after its `@` (`celery@` / `host-1`) rather than anywhere. */
function breakableName(name: string) {
  const at = name.indexOf('@');
  return at === -1 ? name : html`${name.slice(0, at + 1)}<wbr /><span class="host">${name.slice(at + 1)}</span>`;
}

/**
 * The backend's own words when it says Celery cannot be reached (`status: "error"` with
 * `message` and `error`), or null for any other failure.
 */
export function celeryUnreachableText(error: PharosError | null, lang = 'en'): string | null {
  if (!error || error.kind !== 'backend') return null;
  const detail = (typeof error.detail === 'object' && error.detail !== null ? error.detail : {}) as { message?: unknown; error?: unknown };
  const clean = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const message = clean(detail.message);
  const cause = clean(detail.error);
  if (message && cause) return `${message} (${cause})`;
  return message ?? cause ?? t(lang, 'the backend gave no details.');
}

/**
 * Celery workers from `/api/monitoring/workers/status`: how many answered, their active and
 * scheduled tasks, and a sortable table of each worker's stats (pool, processes, tasks
 * done, uptime, PID; other fields summarised in a details disclosure).
 *
 * When the backend says it cannot reach Celery (today's deployment: HTTP 200 with
 * `status: "error"`), the element says so in the backend's words, as a state of the
 * workers rather than a generic failure, and keeps the last known workers if it had any.
 *
 * @tag pharos-workers
 * @summary Celery workers and their tasks.
 *
 * @dependency pharos-status-badge
 * @dependency pharos-metric-card
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart unreachable - The "Celery workers are not reachable" state, with a retry button.
 * @csspart figures - The headline figures (workers, active and scheduled tasks).
 * @csspart figure - One headline figure.
 * @csspart value - The value of a figure.
 * @csspart workers - The table of workers.
 * @csspart row - One worker's row.
 * @csspart sort-button - A column header's sort button.
 * @csspart details - A worker's details disclosure (below the table; `data-key` is the worker).
 * @csspart empty - The "no workers answered" notice.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice for other failures, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-workers-unreachable - Accent of the unreachable state (defaults to `--pharos-danger`).
 * @cssprop --pharos-surface - Card background.
 *
 * @example
 * <pharos-workers base-url="https://pharos.onrender.com"></pharos-workers>
 */
export class PharosWorkers extends PharosElement {
  static override styles = [themeStyles, panelStyles, figureStyles, sortableTableStyles, stateViewStyles, workersStyles];
  static override dependencies = { 'pharos-status-badge': PharosStatusBadge, 'pharos-metric-card': PharosMetricCard };

  /** Heading text (default: "Celery workers" in the page's language). */
  @property() heading?: string;

  private readonly workers = new ResourceController(this, workersStatusResource);

  private readonly table = new SortableTableController<WorkerRow>(this, this.columns(), { column: 'name', direction: 'ascending' });

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes now (the retry button). */
  refresh(): Promise<void> {
    return this.workers.resource.refresh();
  }

  /** The table's columns; each header is read in the page's language when the table renders. */
  private columns(): TableColumn<WorkerRow>[] {
    const lang = () => langOf(this);
    return [
      { key: 'name', get label() { return t(lang(), 'Worker'); }, cell: (w) => breakableName(w.name), sortValue: (w) => w.name },
      { key: 'active', get label() { return t(lang(), 'Active'); }, numeric: true, cell: (w) => this.count(w.active), sortValue: (w) => w.active },
      { key: 'scheduled', get label() { return t(lang(), 'Scheduled'); }, numeric: true, cell: (w) => this.count(w.scheduled), sortValue: (w) => w.scheduled },
      { key: 'pool', get label() { return t(lang(), 'Pool'); }, cell: (w) => this.poolText(w), sortValue: (w) => w.processes ?? w.concurrency },
      { key: 'tasksDone', get label() { return t(lang(), 'Tasks done'); }, numeric: true, cell: (w) => this.count(w.tasksDone), sortValue: (w) => w.tasksDone },
      { key: 'uptime', get label() { return t(lang(), 'Uptime'); }, numeric: true, cell: (w) => formatSeconds(lang(), w.uptimeSeconds), sortValue: (w) => w.uptimeSeconds },
    ];
  }

  /** "prefork · 4 processes", falling back to the concurrency limit. */
  private poolText(w: WorkerRow): string {
    const lang = langOf(this);
    const size =
      w.processes !== null
        ? tp(lang, w.processes, '{0}\u00a0process', '{0}\u00a0processes', this.count(w.processes))
        : w.concurrency !== null
          ? t(lang, 'max\u00a0{0}', this.count(w.concurrency))
          : null;
    return [w.pool, size].filter(Boolean).join(' · ') || MISSING;
  }

  private count(n: number | null): string {
    return formatNumber(langOf(this), n, 0);
  }

  override render() {
    const resource = this.workers.resource;
    const status = resource.value.get();
    const error = resource.error.get();
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    const unreachable = celeryUnreachableText(error, ctx.lang);
    return renderPanel(
      { heading: this.heading ?? t(ctx.lang, 'Celery workers'), resources: [resource], ctx, retry: () => void this.refresh(), notice: unreachable !== null ? this.renderUnreachable(unreachable, resource, ctx) : undefined },
      html`${status ? this.renderStatus(status) : error ? nothing : renderSkeleton(5, t(ctx.lang, 'Loading Celery workers'))}`,
    );
  }

  private renderUnreachable(said: string, resource: Resource, ctx: ViewContext) {
    const kept = resource.lastSuccessAt.get();
    const checked = resource.fetchedAt.get();
    const next = resource.nextRefreshAt.get();
    return html`<div class="notice" data-tone=${kept ? 'warn' : 'danger'} part="unreachable">
      <div class="unreachable-text">
        <pharos-status-badge status="down" label=${t(ctx.lang, 'Not reachable')}></pharos-status-badge>
        <p role="status"><strong>${t(ctx.lang, 'Celery workers are not reachable:')}</strong> ${said}</p>
        ${kept ? html`<p class="stale-note">${t(ctx.lang, 'Showing the last known workers, from {0}.', formatTime(ctx.lang, kept))}</p>` : nothing}
        <p class="meta">
          ${checked === null ? '' : t(ctx.lang, 'Checked {0}.', formatAgo(ctx.lang, checked, ctx.now))}
          ${next === null ? '' : ` ${t(ctx.lang, 'Next check in {0}.', formatSeconds(ctx.lang, Math.max(0, Math.ceil((next - ctx.now) / 1000))))}`}
        </p>
      </div>
      <button type="button" part="retry" @click=${() => void this.refresh()}>${t(ctx.lang, 'Check again')}</button>
    </div>`;
  }

  private renderStatus(status: WorkersStatus) {
    const lang = langOf(this);
    const figures: Figure[] = [
      { key: 'workers', label: t(lang, 'Workers'), value: status.workerCount, format: 'integer', series: 'worker_count', good: 'up' },
      { key: 'active', label: t(lang, 'Active tasks'), value: status.totalActiveTasks, format: 'integer', series: 'active_tasks' },
      { key: 'scheduled', label: t(lang, 'Scheduled tasks'), value: status.totalScheduledTasks, format: 'integer', series: 'scheduled_tasks' },
    ];
    const rows = status.workers.map(workerRow);
    return html`
      ${renderFigures(figures, t(lang, 'Worker figures'), { resource: this.workers.resource, range: selectedRange(this.source) })}
      ${rows.length === 0
        ? renderEmpty(t(lang, 'No Celery workers answered.'), t(lang, 'Celery is reachable, but no worker replied to the inspection.'))
        : html`<div class="table-wrap" role="region" aria-label=${t(lang, 'Workers table')} tabindex="0">
            ${this.table.render({ rows, caption: t(lang, 'Celery workers: tasks and stats per worker'), rowKey: (w) => w.name, lang, part: 'workers' })}
          </div>
          <div class="worker-details">${rows.map((w) => this.renderDetails(w))}</div>`}
    `;
  }

  private renderDetails(w: WorkerRow) {
    const lang = langOf(this);
    const fields: [string, string][] = [
      ...(w.pid !== null ? ([['PID', String(w.pid)]] as [string, string][]) : []),
      ...(w.concurrency !== null ? ([[t(lang, 'Max concurrency'), this.count(w.concurrency)]] as [string, string][]) : []),
      ...(w.broker ? ([[t(lang, 'Broker'), w.broker]] as [string, string][]) : []),
      ...(w.prefetch !== null ? ([[t(lang, 'Prefetch count'), this.count(w.prefetch)]] as [string, string][]) : []),
      ...(w.activeTaskNames.length ? ([[t(lang, 'Running'), list(lang, w.activeTaskNames)]] as [string, string][]) : []),
      ...w.totals.map(([task, n]) => [t(lang, 'Done: {0}', task), this.count(n)] as [string, string]),
      ...w.other.map(([k, v]) => [humanize(k), formatFreeValue(lang, k, v)] as [string, string]),
    ];
    if (fields.length === 0) return nothing;
    return html`<details part="details" data-key=${w.name}>
      <summary>${this.renderMoreAbout(w.name, fields.length, lang)}</summary>
      <dl class="fields">${fields.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    </details>`;
  }

  /** "More about <span class=mono>celery@host</span> (3 fields)", the name wherever the language puts it. */
  private renderMoreAbout(name: string, fields: number, lang: string) {
    const text = tp(lang, fields, 'More about {0} ({1} field)', 'More about {0} ({1} fields)', '\u0000', this.count(fields));
    const [before = '', after = ''] = text.split('\u0000');
    return html`${before}<span class="mono">${name}</span>${after}`;
  }
}
