/**
 * What `<pharos-ingest-trigger>` says once a URL was sent: the job queued, or why nothing was.
 * Loaded with the first submission, with the failure wording it uses.
 */
import { html } from 'lit';
import { t } from '../../i18n/translate.js';
import { describeIngestFailure } from '../../ingestion/errors.js';
import { markup, SLOTS } from '../../ingestion/markup.js';
import type { IngestQueued, IngestSubmitError } from '../../ingestion/submit.js';
import { inLanguage } from '../../ui/resource-views.js';
import { formatNumber, formatTime } from '../../util/format.js';

/** A repository queued: its job, its place in the queue, when. */
export function renderQueued({ repoUrl, result: r, at }: IngestQueued, lang: string) {
  const over = r.queuePosition > r.maxQueueSize;
  const jobId = html`<span class="job-id">${r.jobId}</span>`;
  const position = html`<span part="position">${t(lang, '{0} of {1}', formatNumber(lang, r.queuePosition, 0), formatNumber(lang, r.maxQueueSize, 0))}</span>`;
  const sentence = over
    ? t(lang, 'Job {0} for {1}, position {2} in the queue (past the advertised maximum; the backend accepted it anyway), at {3}.', ...SLOTS)
    : t(lang, 'Job {0} for {1}, position {2} in the queue, at {3}.', ...SLOTS);
  return html`<div class="notice" part="success">
    <p><strong>${t(lang, 'Queued.')}</strong> ${markup(sentence, [jobId, repoUrl, position, formatTime(lang, at)])}</p>
  </div>`;
}

/** Why nothing was queued, in `lang`. */
export function renderFailure(failure: IngestSubmitError, lang: string) {
  // The field is checked before sending, so a refusal in the browser is rare here; it reads as the backend's 400 would.
  const f = failure.error
    ? describeIngestFailure(failure.error, lang, failure.at)
    : { case: 'invalid-url', title: t(lang, 'The URL was not sent.'), message: inLanguage(lang, failure.refusal ?? failure.message) };
  return html`<div class="notice" data-tone="danger" part="failure" data-case=${f.case} role="alert">
    <p><strong>${f.title}</strong> ${f.message}</p>
  </div>`;
}
