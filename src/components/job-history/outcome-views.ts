/**
 * What `<pharos-job-history>` says after a row action: a re-index queued, refused or failed,
 * or a deployment's action done or failed. Loaded with the first action, with the failure
 * wording it uses: most readers only read the table.
 */
import type { Task } from '@lit/task';
import { html } from 'lit';
import { toPharosError } from '../../api/errors.js';
import { t } from '../../i18n/translate.js';
import { describeIngestFailure } from '../../ingestion/errors.js';
import { markup, SLOTS } from '../../ingestion/markup.js';
import type { IngestSubmitError, IngestSubmitter } from '../../ingestion/submit.js';
import { describeError, inLanguage } from '../../ui/resource-views.js';
import { formatNumber, formatTime } from '../../util/format.js';

/** The latest row action, whose outcome is shown (each kind's progress lives in its task). */
export type LastAction = { kind: 'reindex' } | { kind: 'custom'; label: string; repoUrl: string };

/** The tasks whose outcome is shown. */
export interface OutcomeSources {
  customAction: Pick<Task<unknown[], void>, 'render'>;
  reindex: IngestSubmitter;
}

/** What came of the last action, in `lang`. */
export function renderOutcome(last: LastAction, lang: string, { customAction, reindex }: OutcomeSources) {
  if (last.kind === 'custom') {
    return customAction.render({
      pending: () => html`<p class="meta">${last.label}: ${last.repoUrl}…</p>`,
      complete: () =>
        html`<p class="notice" data-outcome="done">${markup(t(lang, '{0}: done for {1}.', ...SLOTS), [html`<strong>${last.label}</strong>`, last.repoUrl])}</p>`,
      error: (error) => html`<div class="notice" data-tone="danger" data-outcome="failed" role="alert">
        <p><strong>${t(lang, '{0} failed for {1}.', last.label, last.repoUrl)}</strong> ${describeError(lang, toPharosError(error))}</p>
      </div>`,
    });
  }
  return reindex.task.render({
    pending: () => html`<p class="meta" data-outcome="sending">${t(lang, 'Queuing {0} again…', reindex.repoUrl)}</p>`,
    complete: ({ repoUrl, result, at }) => html`<p class="notice" data-outcome="queued">
      <strong>${t(lang, 'Re-index queued.')}</strong>
      ${t(
        lang,
        '{0}: job {1}, position {2} of {3}, at {4}.',
        repoUrl,
        result.jobId,
        formatNumber(lang, result.queuePosition, 0),
        formatNumber(lang, result.maxQueueSize, 0),
        formatTime(lang, at),
      )}
    </p>`,
    error: (error) => {
      const { repoUrl, at, error: cause, refusal, message } = error as IngestSubmitError;
      if (!cause) {
        return html`<div class="notice" data-tone="danger" data-outcome="invalid" role="alert">
          <p><strong>${t(lang, 'Cannot re-index {0}.', repoUrl)}</strong> ${inLanguage(lang, refusal ?? message)}</p>
        </div>`;
      }
      const f = describeIngestFailure(cause, lang, at);
      return html`<div class="notice" data-tone="danger" data-outcome="failed" data-case=${f.case} role="alert">
        <p><strong>${t(lang, 'Re-index of {0}: {1}', repoUrl, f.title)}</strong> ${f.message}</p>
      </div>`;
    },
  });
}
