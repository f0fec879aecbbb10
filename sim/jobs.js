// @ts-check
// The ingestion queue and the edge worker that drains it, one job at a time. Each job's
// fate (pickup delay, duration, success or failure) is drawn when it is submitted; the
// clock then decides where it is: pending → processing → completed | failed.
import { isoNaive, round } from './time.js';

const MAX_HISTORY = 100; // the backend keeps (and returns) at most 100 records
const FAILURE_CHANCE = 0.18;
const FAILURES = [
  ['git clone failed: repository not found', 'Repository does not exist or is private'],
  ['Clone timed out after 300s', 'Repository too large for the edge worker time budget'],
  ['CUDA out of memory while embedding batch 12', 'GPU memory exhausted; retry with a smaller batch size'],
  ['No parsable source files found', 'Repository contains no supported languages'],
];

/** @typedef {'pending' | 'processing' | 'completed' | 'failed'} JobStatus */

/**
 * @typedef {object} Job
 * @property {number} id
 * @property {string} repoUrl
 * @property {number} submittedAt
 * @property {JobStatus} status
 * @property {number} pickupMs delay before the worker starts it once it is free
 * @property {number} durationMs
 * @property {boolean} fails
 * @property {number} files
 * @property {[string, string]} failure error and reason, used when it fails
 * @property {number} [startedAt]
 * @property {number} [finishAt]
 */

/**
 * The job history record as `/jobs/history` returns it. Every key is always present.
 * @typedef {object} JobRecord
 * @property {string} repo_url
 * @property {string} status
 * @property {number | null} duration_seconds
 * @property {number | null} files_processed
 * @property {number | null} embeddings_generated
 * @property {string} timestamp `""` for a pending job, as the backend does
 * @property {string | null} error
 * @property {string | null} reason
 * @property {number | null} age_seconds
 */

export class JobQueue {
  /** @param {import('./rng.js').Rng} rng */
  constructor(rng) {
    this.rng = rng;
    /** @type {Job[]} oldest first */
    this.jobs = [];
    this.workerFreeAt = -Infinity;
    this.lastAdvance = -Infinity;
  }

  /**
   * Queues a repository; returns the job and the queue size after it (its position).
   * @param {string} repoUrl
   * @param {number} at
   */
  submit(repoUrl, at) {
    const { rng } = this;
    const files = rng.int(12, 1800);
    /** @type {Job} */
    const job = {
      id: rng.int(0, 0xffffffff),
      repoUrl,
      submittedAt: at,
      status: 'pending',
      pickupMs: rng.between(2_000, 8_000),
      durationMs: 15_000 + files * rng.between(40, 120),
      fails: rng.next() < FAILURE_CHANCE,
      files,
      failure: /** @type {[string, string]} */ (rng.pick(FAILURES)),
    };
    this.jobs.push(job);
    const overflow = this.jobs.length - MAX_HISTORY;
    if (overflow > 0) this.jobs.splice(0, overflow);
    return { job, queueSize: this.count('pending') };
  }

  /** @param {JobStatus} status */
  count(status) {
    return this.jobs.filter((job) => job.status === status).length;
  }

  /**
   * Moves jobs along up to time `t`. A dead worker picks nothing up and its current job
   * stalls; when it comes back it resumes from then.
   * @param {number} t
   * @param {boolean} workerAlive
   * @returns {Job[]} the jobs that finished in this interval
   */
  advanceTo(t, workerAlive) {
    const elapsed = Math.max(0, t - this.lastAdvance);
    this.lastAdvance = Math.max(this.lastAdvance, t);
    /** @type {Job[]} */
    const finished = [];
    if (!workerAlive) {
      const current = this.jobs.find((job) => job.status === 'processing');
      if (current?.finishAt !== undefined && Number.isFinite(elapsed)) current.finishAt += elapsed;
      this.workerFreeAt = Math.max(this.workerFreeAt, t);
      return finished;
    }
    for (;;) {
      const current = this.jobs.find((job) => job.status === 'processing');
      if (current) {
        const finishAt = /** @type {number} */ (current.finishAt);
        if (finishAt > t) break;
        current.status = current.fails ? 'failed' : 'completed';
        this.workerFreeAt = finishAt;
        finished.push(current);
        continue;
      }
      const next = this.jobs.find((job) => job.status === 'pending');
      if (!next) break;
      const startAt = Math.max(next.submittedAt, this.workerFreeAt) + next.pickupMs;
      if (startAt > t) break;
      next.status = 'processing';
      next.startedAt = startAt;
      // A failing job gives up part-way through.
      next.finishAt = startAt + next.durationMs * (next.fails ? 0.4 : 1);
    }
    return finished;
  }

  /**
   * The history as the backend lists it: oldest first, and `limit` keeps the oldest.
   * @param {number} limit
   * @param {number} now
   * @returns {JobRecord[]}
   */
  history(limit, now) {
    return this.jobs.slice(0, Math.max(0, limit)).map((job) => toRecord(job, now));
  }
}

/**
 * @param {Job} job
 * @param {number} now
 * @returns {JobRecord}
 */
function toRecord(job, now) {
  const pending = job.status === 'pending';
  const done = job.status === 'completed' || job.status === 'failed';
  const completed = job.status === 'completed';
  const duration = done ? (/** @type {number} */ (job.finishAt) - /** @type {number} */ (job.startedAt)) / 1000 : null;
  return {
    repo_url: job.repoUrl,
    status: job.status,
    duration_seconds: duration === null ? null : round(duration, 2),
    files_processed: completed ? job.files : null,
    embeddings_generated: completed ? job.files * 7 + (job.id % 97) : null,
    timestamp: pending ? '' : isoNaive(job.submittedAt),
    error: job.status === 'failed' ? job.failure[0] : null,
    reason: job.status === 'failed' ? job.failure[1] : null,
    age_seconds: pending ? null : round((now - job.submittedAt) / 1000, 3),
  };
}
