/**
 * Ingestion jobs as the queue and the job history show them: one look per job state (icon
 * and word, colour only reinforcing), and the note that the backend's list may be cut short.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { JobHistory, JobStatus } from '../api/ingestion.js';
import { formatNumber } from '../util/format.js';

/** Icon and word of each job state. Job states are not health states, hence their own look. */
export const JOB_STATUS_LOOK: Readonly<Record<JobStatus, { icon: string; label: string }>> = {
  pending: { icon: '◷', label: 'Pending' },
  processing: { icon: '↻', label: 'Processing' },
  completed: { icon: '✓', label: 'Completed' },
  failed: { icon: '✕', label: 'Failed' },
  unknown: { icon: '?', label: 'Unknown' },
};

/** The word for a job's state; an unknown one also shows what the backend sent. */
export function jobStatusLabel(status: JobStatus, rawStatus = ''): string {
  const label = JOB_STATUS_LOOK[status].label;
  return status === 'unknown' && rawStatus ? `${label} (“${rawStatus}”)` : label;
}

/** A job state badge: icon (decorative) and word. */
export function renderJobStatus(status: JobStatus, rawStatus = ''): TemplateResult {
  return html`<span class="pill" data-status=${status}
    ><span class="pill-icon" aria-hidden="true">${JOB_STATUS_LOOK[status].icon}</span>${jobStatusLabel(status, rawStatus)}</span
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

/**
 * Says that the list may be cut short: the backend lists oldest first and stops at the
 * limit, so the newest jobs are the ones missing. Nothing when the list is shorter.
 */
export function renderTruncationNotice(history: JobHistory, lang: string): TemplateResult | typeof nothing {
  if (!history.mayBeTruncated) return nothing;
  return html`<p class="notice" data-tone="warn" part="truncated">
    The backend returned ${formatNumber(lang, history.jobs.length, 0)} jobs, its limit: it lists the oldest first, so newer
    jobs may be missing. Raise the <code>limit</code> attribute to see them.
  </p>`;
}
