/**
 * Ingestion jobs as the queue and the job history count and order them: the limit asked
 * for, counts by state, newest-first order, ages, and the jobs queued from this page.
 */
import { JOB_HISTORY_LIMIT, JOB_STATUSES, type IngestionJob, type JobStatus } from '../api/ingestion.js';

/** Jobs asked for by default: all the backend keeps. */
export const DEFAULT_JOB_LIMIT = JOB_HISTORY_LIMIT;

/** A usable `limit` attribute: a positive integer, else the default. */
export function jobLimit(limit: unknown): number {
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_JOB_LIMIT;
}

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
