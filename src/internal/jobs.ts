/**
 * Ingestion jobs as the queue and the job history show them: one look per job state (icon
 * and word, colour only reinforcing), counts by state, newest-first order, and the note
 * that the backend's list may be cut short.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { JOB_STATUSES, type IngestionJob, type JobHistory, type JobStatus } from '../api/ingestion.js';
import { formatNumber } from './format.js';

/** Jobs asked for by default. */
export const DEFAULT_JOB_LIMIT = 100;

/** A usable `limit` attribute: a positive integer, else the default. */
export function jobLimit(limit: unknown): number {
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_JOB_LIMIT;
}

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

/** Number of jobs in each state. */
export function countJobs(jobs: readonly IngestionJob[]): Record<JobStatus, number> {
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const job of jobs) counts[job.status]++;
  return counts;
}

/**
 * Newest first. Jobs whose time is known (`age_seconds`, or else `timestamp`) come first,
 * youngest first; jobs of unknown age (empty `timestamp`, null `age_seconds`) come last.
 * The backend lists oldest first, so among equal or unknown ages a later list position is
 * newer. `fetchedAt` is when the list was fetched (ages are relative to it).
 */
export function newestFirst(jobs: readonly IngestionJob[], fetchedAt: number, queuedHere: QueuedHere = new Map()): IngestionJob[] {
  const created = (j: IngestionJob) =>
    j.ageSeconds !== null ? fetchedAt - j.ageSeconds * 1000 : j.timestamp ? j.timestamp.getTime() : queuedHere.get(j) ?? null;
  return jobs
    .map((job) => ({ job, at: created(job) }))
    .sort((a, b) => {
      if (a.at === null || b.at === null) {
        if (a.at !== b.at) return a.at === null ? 1 : -1;
      } else if (a.at !== b.at) {
        return b.at - a.at;
      }
      return b.job.order - a.job.order;
    })
    .map((x) => x.job);
}

/** True when the job's age is known from `age_seconds` or `timestamp`. */
export function knownAge(job: IngestionJob): boolean {
  return job.ageSeconds !== null || job.timestamp !== null;
}

/**
 * A job's age in seconds at `now`: the backend's `age_seconds` plus the time since it was
 * fetched (`fetchedAt`), else from its `timestamp`; null when unknown.
 */
export function jobAgeSeconds(job: IngestionJob, fetchedAt: number | null, now: number, queuedHere: QueuedHere = new Map()): number | null {
  if (job.ageSeconds !== null) return job.ageSeconds + (fetchedAt === null ? 0 : Math.max(0, now - fetchedAt) / 1000);
  if (job.timestamp) return Math.max(0, (now - job.timestamp.getTime()) / 1000);
  const at = queuedHere.get(job);
  return at === undefined ? null : Math.max(0, (now - at) / 1000);
}

/** When this page queued a job the backend lists without any time. */
export type QueuedHere = ReadonlyMap<IngestionJob, number>;

/** A repository URL without scheme, `.git` or trailing slash, lower-cased, for matching. */
const sameRepo = (url: string) => url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/(\.git)?\/*$/, '').toLowerCase();

/**
 * Dates the time-less jobs that were queued from this page: the newest submission of a
 * repository goes with the newest time-less job of that repository (the backend lists
 * oldest first), the one before with the one before, and so on.
 */
export function queuedHereTimes(jobs: readonly IngestionJob[], submissions: readonly { repoUrl: string; at: number }[]): QueuedHere {
  const times = new Map<IngestionJob, number>();
  const timeless = jobs.filter((j) => !knownAge(j));
  for (let s = submissions.length - 1; s >= 0; s--) {
    const submission = submissions[s]!;
    const repo = sameRepo(submission.repoUrl);
    for (let j = timeless.length - 1; j >= 0; j--) {
      const job = timeless[j]!;
      if (!times.has(job) && sameRepo(job.repoUrl) === repo) {
        times.set(job, submission.at);
        break;
      }
    }
  }
  return times;
}

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
