import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isAbortError, toPharosError, type PharosError } from '../../api/errors.js';
import { generateSparseEmbeddings, type SparseGenerateResult } from '../../api/search.js';
import { PharosSparseGeneratedEvent } from '../../events/sparse-generated.js';
import { t, translatable } from '../../i18n/translate.js';
import { formatDateTime, formatNumber, langOf } from '../../util/format.js';
import { formatMs } from '../../util/format-figures.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderReadOnlyNotice } from '../../ui/read-only-notice.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { TickController } from '../../store/lit/controllers.js';
import {
  estimateRun, loadRuns, parseResourceIds, saveRun, type SparseRun, type SparseRunRecord,
} from './last-run.js';
import { sparseEmbeddingsStyles } from './sparse-embeddings.styles.js';
import type { RunActions, SparseLaunch, SparseRequest } from './run-views.js';
import { completeWith, OnDemand } from '../../ui/on-demand.js';

/** How the last run ended, as the last-run box says it (English: shown with `t(lang, …)`). */
const RESULT_LABEL: Record<SparseRun['outcome'], string> = {
  completed: translatable('Completed'),
  failed: translatable('Failed (reported by the backend)'),
  error: translatable('Could not be run'),
  abandoned: translatable('Stopped waiting (the server went on)'),
};

/**
 * Generates sparse embeddings (`POST /api/search/admin/sparse-embeddings/generate`, token
 * required): for the resource IDs given, or for every resource still missing one.
 *
 * A confirmation says what will happen before anything is sent. The backend answers only
 * once the work is done, which can take minutes: meanwhile the element shows the time
 * elapsed and an estimate of the time left (from the last run's rate when known, else the
 * backend's estimate for the last run), and lets the user stop waiting: the request is
 * aborted, but the server keeps working, and the element says so. The outcome (completed,
 * failed, or the error) is reported with the resources processed, and the last run (time,
 * result, job id, duration, count) is remembered across reloads, per backend, in
 * `localStorage`. On a read-only view of the backend (a Pharos relay) it says so in place of
 * the form.
 *
 * @tag pharos-sparse-embeddings
 * @summary Generate sparse embeddings, with progress and the last run.
 *
 * @fires pharos-sparse-generated - The backend answered (completed or failed); `detail` has the job id, count and duration.
 *
 * @csspart base - The card.
 * @csspart header - Title row.
 * @csspart form - The request form.
 * @csspart read-only - Shown instead of the form on a read-only view of the backend.
 * @csspart ids - The resource IDs box.
 * @csspart batch - The batch size field.
 * @csspart review - The button that opens the confirmation.
 * @csspart confirm - The confirmation: what will happen, and the start and back buttons.
 * @csspart start - The button that sends the request.
 * @csspart back - The button that returns to the form.
 * @csspart progress - The running state: elapsed time, estimate, stop button.
 * @csspart elapsed - The time elapsed.
 * @csspart remaining - The estimate of the time left.
 * @csspart stop - The "stop waiting" button.
 * @csspart result - The outcome of the run that just ended (`data-outcome`).
 * @csspart last-run - The remembered last run.
 *
 * @cssprop --pharos-sparse-embeddings-button-background - Primary button background (defaults to `--pharos-accent`).
 * @cssprop --pharos-sparse-embeddings-button-color - Primary button text (defaults to `--pharos-surface`).
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com" token="…">
 *   <pharos-sparse-embeddings></pharos-sparse-embeddings>
 * </pharos-source>
 */
export class PharosSparseEmbeddings extends PharosElement {
  static override styles = [themeStyles, panelStyles, sparseEmbeddingsStyles];

  /** Heading text; empty for the default, "Sparse embeddings" in the page's language. */
  @property() heading = '';

  /** The request awaiting confirmation, or null while the form shows. */
  @state() private confirming: SparseRequest | null = null;
  /** The batch size typed is not a whole number of 1 or more. */
  @state() private batchInvalid = false;
  @state() private record: SparseRunRecord = { last: null, lastCompleted: null };

  @query('#ids') private idsField?: HTMLTextAreaElement;
  @query('#batch') private batchField?: HTMLInputElement;

  /** The confirmation, progress and outcome views, loaded when a run is first asked for. */
  private readonly runViews = new OnDemand(this, () => import('./run-views.js'));
  private readonly actions: RunActions = {
    start: (request) => this.start(request),
    back: () => this.back(),
    stopWaiting: () => this.stopWaiting(),
  };

  /**
   * The generation: one POST, pending until the backend answers or the user stops waiting
   * (`abort()`), complete with the run as remembered (any outcome, the abandoned one too).
   */
  private readonly generation = new Task(this, {
    autoRun: false,
    task: ([launch]: [SparseLaunch], { signal }) => this.generate(launch, signal),
    onComplete: () => (this.focusAfterUpdate = '[part=review]'),
  });
  private launch: SparseLaunch | null = null;
  /** The error of the latest run, worded in the reader's language when shown (the run keeps its English). */
  private lastError: PharosError | null = null;
  private recordFor: string | null = null;
  private focusAfterUpdate: string | null = null;
  // What the user typed, kept across the confirmation and the run (the form re-renders).
  private idsText = '';
  private batchText = '';

  constructor() {
    super();
    new TickController(this);
  }

  /** The remembered runs of this element's backend. */
  get lastRuns(): SparseRunRecord {
    return this.record;
  }

  /** True while waiting for the backend's answer. */
  get running(): boolean {
    return this.generation.status === TaskStatus.PENDING;
  }

  /** Stops waiting for the answer. The server keeps working; the run is remembered as abandoned. */
  stopWaiting(): void {
    this.generation.abort();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Nobody is left to show the answer; the server goes on regardless.
    this.stopWaiting();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Reload the remembered run when the backend changes (or on first render).
    const key = this.source.baseUrl;
    if (key !== this.recordFor) {
      this.recordFor = key;
      this.record = loadRuns(key);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // What to focus may arrive with the run views, a render later.
    const target = this.focusAfterUpdate && this.shadowRoot?.querySelector<HTMLElement>(this.focusAfterUpdate);
    if (target) {
      target.focus();
      this.focusAfterUpdate = null;
    }
  }

  /** Waits for the run views too, so that `updateComplete` means what was asked for is shown. */
  protected override getUpdateComplete(): Promise<boolean> {
    return completeWith(() => super.getUpdateComplete(), this.runViews);
  }

  private readForm(): SparseRequest | null {
    this.idsText = this.idsField?.value ?? this.idsText;
    this.batchText = (this.batchField?.value ?? this.batchText).trim();
    let batchSize: number | undefined;
    if (this.batchText !== '') {
      const n = Number(this.batchText);
      if (!Number.isInteger(n) || n < 1) {
        this.batchInvalid = true;
        this.focusAfterUpdate = '#batch';
        return null;
      }
      batchSize = n;
    }
    this.batchInvalid = false;
    return { resourceIds: parseResourceIds(this.idsText), batchSize };
  }

  private review(event: SubmitEvent) {
    event.preventDefault();
    if (this.running) return;
    const request = this.readForm();
    if (!request) return;
    this.confirming = request;
    this.focusAfterUpdate = '[part=start]';
  }

  private back() {
    this.confirming = null;
    this.focusAfterUpdate = '[part=review]';
  }

  /** Sends the confirmed request and waits for the answer (or for the user to stop waiting). */
  private start(request: SparseRequest) {
    if (this.running) return;
    const source = this.source;
    this.confirming = null;
    this.launch = { request, baseUrl: source.baseUrl, startedAt: source.clock.now(), estimate: estimateRun(this.record, request.resourceIds.length) };
    this.focusAfterUpdate = '[part=stop]';
    void this.generation.run([this.launch]);
  }

  /** The task: POSTs, waits, and turns whatever happens into a remembered run. */
  private async generate({ request, baseUrl, startedAt }: SparseLaunch, signal: AbortSignal): Promise<SparseRun> {
    const source = this.source;
    const base = {
      requestedIds: request.resourceIds.length,
      jobId: null,
      resourcesProcessed: null,
      estimatedDurationMinutes: null,
      message: null,
      errorKind: null,
      unknownStatus: false,
    };
    let run: SparseRun;
    let answer: SparseGenerateResult | null = null;
    this.lastError = null;
    try {
      answer = await generateSparseEmbeddings(source.config, { resourceIds: request.resourceIds, batchSize: request.batchSize }, { signal });
      const at = source.clock.now();
      run = {
        ...base,
        at,
        durationMs: at - startedAt,
        outcome: answer.status === 'completed' ? 'completed' : 'failed',
        jobId: answer.jobId,
        resourcesProcessed: answer.resourcesToProcess,
        estimatedDurationMinutes: answer.estimatedDurationMinutes,
        unknownStatus: answer.status === 'unknown',
      };
    } catch (error) {
      const at = source.clock.now();
      if (signal.aborted || isAbortError(error)) {
        run = { ...base, at, durationMs: at - startedAt, outcome: 'abandoned' };
      } else {
        const e = toPharosError(error);
        this.lastError = e;
        run = { ...base, at, durationMs: at - startedAt, outcome: 'error', message: e.message, errorKind: e.kind };
      }
    }
    this.record = saveRun(baseUrl, run);
    // Nobody is left to hear it once the element is gone (it stopped waiting then).
    if (answer && this.isConnected) {
      this.emit(
        new PharosSparseGeneratedEvent({
          status: answer.status,
          jobId: answer.jobId,
          resourcesProcessed: answer.resourcesToProcess,
          durationMs: run.durationMs,
          resourceIds: request.resourceIds,
          baseUrl,
        }),
      );
    }
    return run;
  }

  override render() {
    const lang = langOf(this);
    const confirming = this.confirming;
    // The run that just ended shows with the form, not over a new confirmation.
    const generation = confirming ? null : this.generation;
    const views = confirming || this.generation.status !== TaskStatus.INITIAL ? this.runViews.get() : undefined;
    return html`<section part="base" aria-labelledby="title">
      <div part="header"><h2 id="title">${this.heading || t(lang, 'Sparse embeddings')}</h2></div>
      ${this.source.readOnly.get()
        ? renderReadOnlyNotice(lang, translatable('Sparse embeddings are generated'))
        : confirming
          ? this.runViews.render(lang, (v) => v.renderConfirm(confirming, lang, this.actions))
          : this.renderForm(this.running, lang)}
      <div role="status" class="visually-hidden">
        ${generation?.render({ pending: () => t(lang, 'Generating sparse embeddings…'), complete: (run) => views?.statusWord(run, lang) })}
      </div>
      ${generation?.render({
        // Reading `now` only while running: the tick re-renders this element only then.
        pending: () => this.runViews.render(lang, (v) => v.renderProgress(this.launch!, lang, this.source.now.get(), this.actions)),
        complete: (run) => this.runViews.render(lang, (v) => v.renderResult(run, lang, this.lastError)),
      })}
      ${this.renderLastRun(lang)}
    </section>`;
  }

  private renderForm(running: boolean, lang: string) {
    const invalid = this.batchInvalid;
    const optional = t(lang, '(optional)');
    return html`<form part="form" novalidate @submit=${this.review}>
      <fieldset ?disabled=${running}>
        <label for="ids">${t(lang, 'Resource IDs')} <span class="meta">${optional}</span></label>
        <textarea id="ids" part="ids" rows="3" spellcheck="false" aria-describedby="ids-hint" .value=${this.idsText}></textarea>
        <p id="ids-hint" class="meta">${t(lang, 'Separated by commas, spaces or new lines. Empty = every resource that still lacks a sparse embedding.')}</p>
        <label for="batch">${t(lang, 'Batch size')} <span class="meta">${optional}</span></label>
        <input
          id="batch"
          part="batch"
          type="text"
          inputmode="numeric"
          .value=${this.batchText}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'batch-error batch-hint' : 'batch-hint'}
        />
        ${invalid
          ? html`<p id="batch-error" class="field-error">${t(lang, 'The batch size must be a whole number of 1 or more (or empty for the backend’s default).')}</p>`
          : nothing}
        <p id="batch-hint" class="meta">${t(lang, 'Resources embedded per batch. Empty = the backend’s default.')}</p>
        <div class="buttons"><button part="review" type="submit" class="primary">${t(lang, 'Generate…')}</button></div>
      </fieldset>
    </form>`;
  }

  private renderLastRun(lang: string) {
    const run = this.record.last;
    if (!run) return html`<p part="last-run" class="meta">${t(lang, 'No run recorded from this browser yet.')}</p>`;
    return html`<div part="last-run">
      <h3>${t(lang, 'Last run')}</h3>
      <dl class="fields">
        <dt>${t(lang, 'When')}</dt>
        <dd><time datetime=${new Date(run.at).toISOString()}>${formatDateTime(lang, run.at)}</time></dd>
        <dt>${t(lang, 'Result')}</dt>
        <dd>${t(lang, RESULT_LABEL[run.outcome])}</dd>
        <dt>${t(lang, 'Job ID')}</dt>
        <dd class="id">${run.jobId ?? t(lang, 'None (no answer)')}</dd>
        <dt>${t(lang, 'Duration')}</dt>
        <dd>${formatMs(lang, run.durationMs)}</dd>
        <dt>${t(lang, 'Resources')}</dt>
        <dd>
          ${run.resourcesProcessed === null ? t(lang, 'Unknown') : formatNumber(lang, run.resourcesProcessed, 0)}
          <span class="meta">${run.requestedIds > 0 ? t(lang, '({0} asked for)', formatNumber(lang, run.requestedIds, 0)) : t(lang, '(all missing)')}</span>
        </dd>
      </dl>
    </div>`;
  }
}
