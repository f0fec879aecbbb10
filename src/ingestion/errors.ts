/**
 * Why queuing a repository failed, in words that say what happened and what to do. Shared
 * by every element that calls `POST /api/v1/ingestion/ingest/...` (the trigger and a job
 * history's re-index), so the same failure reads the same everywhere.
 */
import { ErrorKind, type PharosError } from '../api/errors.js';
import { detailText } from '../api/http.js';
import { formatSeconds, formatTime } from '../util/format.js';

/** The distinct ways an ingest can fail, each with its own advice. */
export type IngestFailureCase =
  | 'invalid-url'
  | 'auth'
  | 'queue-full'
  | 'worker-offline'
  | 'queue-unavailable'
  | 'network'
  | 'timeout'
  | 'read-only'
  | 'other';

/** A failure, ready to show: a headline and a sentence or two. */
export interface IngestFailure {
  case: IngestFailureCase;
  title: string;
  message: string;
}

/**
 * Describes a failed ingest. `now` (ms) turns a `Retry-After` into a time of day.
 * Never includes the token: PharosError messages never carry it.
 */
export function describeIngestFailure(error: PharosError, lang: string, now: number): IngestFailure {
  const said = detailText(error.detail);
  switch (error.kind) {
    case ErrorKind.auth:
      return {
        case: 'auth',
        title: 'Not authorised: nothing was queued.',
        message: `Queuing a repository needs a valid token (HTTP ${error.status ?? 401}${said ? `: ${said}` : ''}). Check the token given to this dashboard, then try again.`,
      };
    case ErrorKind.rateLimited: {
      const wait = error.retryAfterMs;
      const when =
        wait === undefined
          ? 'Try again in a few minutes.'
          : `Try again in ${formatSeconds(lang, Math.ceil(wait / 1000))} (after ${formatTime(lang, now + wait)}).`;
      return { case: 'queue-full', title: 'The ingestion queue is full: nothing was queued.', message: when };
    }
    case ErrorKind.unavailable: {
      const offline = error.edgeWorkerOffline;
      if (offline) {
        const seen =
          offline.lastSeenSecondsAgo === null
            ? 'no recent heartbeat is recorded'
            : `the worker was last seen ${formatSeconds(lang, offline.lastSeenSecondsAgo)} ago`;
        const threshold = offline.thresholdSeconds === null ? '' : ` (it counts as offline after ${formatSeconds(lang, offline.thresholdSeconds)})`;
        return {
          case: 'worker-offline',
          title: 'The edge worker is offline.',
          message: `${capitalize(seen)}${threshold}; nothing was queued. Try again once the worker is back online.`,
        };
      }
      return {
        case: 'queue-unavailable',
        title: 'The ingestion queue is unavailable: nothing was queued.',
        message: `${said ? `The backend says: ${said}. ` : ''}Its queue store (Redis) may be down; try again later.`,
      };
    }
    case ErrorKind.network:
      return { case: 'network', title: 'Cannot reach the backend: the request may not have been sent.', message: error.message };
    case ErrorKind.readOnly:
      return {
        case: 'read-only',
        title: 'This is a read-only view: nothing was queued.',
        message: 'Repositories are queued where people sign in to Pharos.',
      };
    case ErrorKind.timeout:
      return {
        case: 'timeout',
        title: 'No answer in time.',
        message: 'The backend did not answer; the job may or may not have been queued. Check the job history before trying again.',
      };
    default:
      if (error.status === 400) {
        return {
          case: 'invalid-url',
          title: 'The backend rejected the URL: nothing was queued.',
          message: `${said || 'Invalid repository URL format'}. Use a form like github.com/user/repo or a full http, https or git URL.`,
        };
      }
      return { case: 'other', title: 'Queuing failed.', message: error.message };
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
