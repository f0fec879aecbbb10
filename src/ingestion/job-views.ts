/**
 * Ingestion jobs as the queue and the job history show them: one look per job state (icon
 * and word, colour only reinforcing), and the note that the backend's list may be cut short.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { JobHistory, JobStatus } from '../api/ingestion.js';
import { t, tp, translatable } from '../i18n/translate.js';
import { formatNumber } from '../util/format.js';
import { markup, SLOTS } from './markup.js';

/**
 * Icon and word of each job state (the word in English: show it with `t(lang, label)`, or
 * {@link jobStatusLabel}). Job states are not health states, hence their own look.
 */
export const JOB_STATUS_LOOK: Readonly<Record<JobStatus, { icon: string; label: string }>> = {
  pending: { icon: '◷', label: translatable('Pending') },
  processing: { icon: '↻', label: translatable('Processing') },
  completed: { icon: '✓', label: translatable('Completed') },
  failed: { icon: '✕', label: translatable('Failed') },
  unknown: { icon: '?', label: translatable('Unknown') },
};

/** The word for a job's state in `lang`; an unknown one also shows what the backend sent. */
export function jobStatusLabel(lang: string, status: JobStatus, rawStatus = ''): string {
  const label = t(lang, JOB_STATUS_LOOK[status].label);
  return status === 'unknown' && rawStatus ? t(lang, '{0} (“{1}”)', label, rawStatus) : label;
}

/**
 * A number of jobs in a state, as a list of counts says it ("2 pending"), in `lang`;
 * `count` is the number already formatted.
 */
export function jobStatusCount(lang: string, status: JobStatus, n: number, count: string): string {
  switch (status) {
    case 'pending':
      return tp(lang, n, '{0} pending', '{0} pending', count);
    case 'processing':
      return tp(lang, n, '{0} processing', '{0} processing', count);
    case 'completed':
      return tp(lang, n, '{0} completed', '{0} completed', count);
    case 'failed':
      return tp(lang, n, '{0} failed', '{0} failed', count);
    default:
      return tp(lang, n, '{0} unknown', '{0} unknown', count);
  }
}

/** A job state badge in `lang`: icon (decorative) and word. */
export function renderJobStatus(lang: string, status: JobStatus, rawStatus = ''): TemplateResult {
  return html`<span class="pill" data-status=${status}
    ><span class="pill-icon" aria-hidden="true">${JOB_STATUS_LOOK[status].icon}</span>${jobStatusLabel(lang, status, rawStatus)}</span
  >`;
}

/**
 * Styles of {@link renderJobStatus}, and the colour of each state in `--_job-<state>`
 * (themable with `--pharos-job-status-<state>`).
 */
export const jobStatusStyles = css`
  :host {
    --_job-pending: var(--pharos-job-status-pending, var(--_neutral));
    --_job-processing: var(--pharos-job-status-processing, var(--_accent));
    --_job-completed: var(--pharos-job-status-completed, var(--_ok));
    --_job-failed: var(--pharos-job-status-failed, var(--_danger));
    --_job-unknown: var(--pharos-job-status-unknown, var(--_warn));
  }
  [data-status='pending'] {
    --_c: var(--_job-pending);
  }
  [data-status='processing'] {
    --_c: var(--_job-processing);
  }
  [data-status='completed'] {
    --_c: var(--_job-completed);
  }
  [data-status='failed'] {
    --_c: var(--_job-failed);
  }
  [data-status='unknown'] {
    --_c: var(--_job-unknown);
  }
`;

/** The attribute's name, as code. */
const LIMIT_ATTRIBUTE = html`<code>limit</code>`; // i18n: not words

/**
 * Says that the list may be cut short: the backend lists oldest first and stops at the
 * limit, so the newest jobs are the ones missing. Nothing when the list is shorter.
 */
export function renderTruncationNotice(history: JobHistory, lang: string): TemplateResult | typeof nothing {
  if (!history.mayBeTruncated) return nothing;
  const n = history.jobs.length;
  return html`<p class="notice" data-tone="warn" part="truncated">
    ${tp(
      lang,
      n,
      'The backend returned {0} job, its limit: it lists the oldest first, so newer jobs may be missing.',
      'The backend returned {0} jobs, its limit: it lists the oldest first, so newer jobs may be missing.',
      formatNumber(lang, n, 0),
    )}
    ${markup(t(lang, 'Raise the {0} attribute to see them.', ...SLOTS), [LIMIT_ATTRIBUTE])}
  </p>`;
}
