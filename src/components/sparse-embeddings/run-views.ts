/**
 * What `<pharos-sparse-embeddings>` shows once someone asks for a run: the confirmation, the
 * progress while the backend works, and the outcome. Loaded when a run is first asked for:
 * most readers of a dashboard only look at the form and the last run.
 */
import { html, nothing } from 'lit';
import type { PharosError } from '../../api/errors.js';
import { t, tp } from '../../i18n/translate.js';
import { markup, SLOTS } from '../../ingestion/markup.js';
import { describeError, ERROR_TITLES } from '../../ui/resource-views.js';
import { formatNumber, formatSeconds } from '../../util/format.js';
import { formatMs } from '../../util/format-figures.js';
import type { SparseEstimate, SparseRun } from './last-run.js';

/** A generation request as the user set it up. */
export interface SparseRequest {
  resourceIds: string[];
  batchSize: number | undefined;
}

/** A run as started: what the progress view shows while the task is pending. */
export interface SparseLaunch {
  request: SparseRequest;
  baseUrl: string;
  startedAt: number;
  estimate: SparseEstimate | null;
}

/** What the buttons of these views do. */
export interface RunActions {
  start(request: SparseRequest): void;
  back(): void;
  stopWaiting(): void;
}

/** The confirmation: what will be sent, and what waiting for it means. */
export function renderConfirm(request: SparseRequest, lang: string, actions: RunActions) {
  const n = request.resourceIds.length;
  const count = formatNumber(lang, n, 0);
  let question: string;
  if (request.batchSize === undefined) {
    question =
      n === 0
        ? t(lang, 'Generate sparse embeddings for every resource that still lacks a sparse embedding, in batches of the backend’s default size?')
        : tp(
            lang,
            n,
            'Generate sparse embeddings for {0} listed resource, in batches of the backend’s default size?',
            'Generate sparse embeddings for {0} listed resources, in batches of the backend’s default size?',
            count,
          );
  } else {
    const batch = formatNumber(lang, request.batchSize, 0);
    question =
      n === 0
        ? t(lang, 'Generate sparse embeddings for every resource that still lacks a sparse embedding, in batches of {0}?', batch)
        : tp(
            lang,
            n,
            'Generate sparse embeddings for {0} listed resource, in batches of {1}?',
            'Generate sparse embeddings for {0} listed resources, in batches of {1}?',
            count,
            batch,
          );
  }
  return html`<div class="notice" part="confirm" role="group" aria-labelledby="confirm-title">
    <p id="confirm-title"><strong>${question}</strong></p>
    <p>
      ${t(
        lang,
        'The backend answers only when it has finished, which can take minutes. You can stop waiting at any time, but once started the server keeps working until it is done.',
      )}
    </p>
    <div class="buttons">
      <button type="button" part="start" class="primary" @click=${() => actions.start(request)}>${t(lang, 'Start generation')}</button>
      <button type="button" part="back" @click=${actions.back}>${t(lang, 'Back')}</button>
    </div>
  </div>`;
}

/** A run under way: the time elapsed, the estimate of the time left, and a way to stop waiting. */
export function renderProgress(launch: SparseLaunch, lang: string, now: number, actions: RunActions) {
  const elapsedMs = Math.max(0, now - launch.startedAt);
  const estimate = launch.estimate;
  let remaining: string;
  if (!estimate) remaining = t(lang, 'No estimate yet: the first completed run sets one.');
  else if (elapsedMs < estimate.totalMs) {
    const left = formatSeconds(lang, Math.ceil((estimate.totalMs - elapsedMs) / 1000));
    remaining =
      estimate.basis === 'last-run-rate'
        ? t(lang, 'About {0} left (from the last run’s rate).', left)
        : t(lang, 'About {0} left (from the backend’s estimate for the last run).', left);
  } else {
    const expected = formatMs(lang, estimate.totalMs);
    remaining =
      estimate.basis === 'last-run-rate'
        ? t(lang, 'Taking longer than expected ({0} from the last run’s rate).', expected)
        : t(lang, 'Taking longer than expected ({0} from the backend’s estimate for the last run).', expected);
  }
  const elapsed = html`<span part="elapsed">${formatSeconds(lang, Math.floor(elapsedMs / 1000))}</span>`;
  return html`<div part="progress">
    ${estimate
      ? html`<progress
          aria-label=${t(lang, 'Generation progress (estimated)')}
          max=${Math.round(estimate.totalMs)}
          value=${Math.min(elapsedMs, estimate.totalMs)}
        ></progress>`
      : html`<progress aria-label=${t(lang, 'Generation in progress')}></progress>`}
    <p>${markup(t(lang, 'Running for {0}.', ...SLOTS), [elapsed])} <span part="remaining">${remaining}</span></p>
    <div class="buttons"><button type="button" part="stop" @click=${actions.stopWaiting}>${t(lang, 'Stop waiting')}</button></div>
    <p class="meta">${t(lang, 'Stopping only stops this page from waiting: the server keeps generating until it is done.')}</p>
  </div>`;
}

/** How a run ended, in a few words for the live region. */
export function statusWord(run: SparseRun, lang: string): string {
  switch (run.outcome) {
    case 'completed':
      return t(lang, 'Sparse embeddings generated.');
    case 'failed':
      return t(lang, 'Sparse embedding generation failed.');
    case 'abandoned':
      return t(lang, 'Stopped waiting; the server keeps working.');
    default:
      return t(lang, 'Sparse embedding generation could not be run.');
  }
}

/** How a run ended, with its figures. `lastError` is the error of a run that could not be run. */
export function renderResult(run: SparseRun, lang: string, lastError: PharosError | null) {
  const n = run.resourcesProcessed;
  const count = n === null ? '' : formatNumber(lang, n, 0);
  const took = formatMs(lang, run.durationMs);
  const job = run.jobId ? html` ${markup(t(lang, 'Job {0}.', ...SLOTS), [html`<span class="id">${run.jobId}</span>`])}` : nothing;
  switch (run.outcome) {
    case 'completed':
      return html`<div class="notice" part="result" data-outcome="completed">
        <p>
          <strong>${t(lang, 'Completed:')}</strong>
          ${n === null
            ? t(lang, 'Processed in {0}.', took)
            : tp(lang, n, '{0} resource processed in {1}.', '{0} resources processed in {1}.', count, took)}${job}
        </p>
      </div>`;
    case 'failed': {
      const headline = html`<strong>${t(lang, 'The backend reports that the generation failed')}</strong>`;
      const sentence =
        n === null
          ? t(lang, '{0} after {1}.', ...SLOTS)
          : tp(lang, n, '{0} after {1} ({2} resource to process).', '{0} after {1} ({2} resources to process).', ...SLOTS);
      return html`<div class="notice" part="result" data-outcome="failed" data-tone="danger" role="alert">
        <p>
          ${markup(sentence, [headline, took, count])}${job} ${run.unknownStatus ? t(lang, 'The backend answered with an unknown status.') : ''}
        </p>
      </div>`;
    }
    case 'abandoned':
      return html`<div class="notice" part="result" data-outcome="abandoned" data-tone="warn">
        <p>
          <strong>${t(lang, 'Stopped waiting after {0}.', took)}</strong>
          ${t(
            lang,
            'The server keeps generating embeddings; its result will not show here. Run again later to pick up anything still missing: only resources without a sparse embedding are processed.',
          )}
        </p>
      </div>`;
    default: {
      const title = run.errorKind && run.errorKind in ERROR_TITLES ? t(lang, ERROR_TITLES[run.errorKind as keyof typeof ERROR_TITLES]) : '';
      return html`<div class="notice" part="result" data-outcome="error" data-tone="danger" role="alert">
        <p><strong>${t(lang, 'Generation could not be run.')}</strong> ${title} ${lastError ? describeError(lang, lastError) : run.message}</p>
      </div>`;
    }
  }
}
