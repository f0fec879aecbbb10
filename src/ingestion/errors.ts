/**
 * Why queuing a repository failed, in words that say what happened and what to do. Shared
 * by every element that calls `POST /api/v1/ingestion/ingest/...` (the trigger and a job
 * history's re-index), so the same failure reads the same everywhere.
 *
 * A failure is kept as facts ({@link ingestFailure}: a case and its figures) and worded in
 * the viewer's language only when shown ({@link describeIngestFailure}).
 */
import { ErrorKind, type PharosError } from '../api/errors.js';
import { detailText } from '../api/http.js';
import { t } from '../i18n/translate.js';
import { describeError } from '../ui/resource-views.js';
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

/** The facts of a failure, in no language: its case, the figures its words need, and the error. */
export interface IngestFailureFacts {
  case: IngestFailureCase;
  /** HTTP status, when a response was read. */
  status: number | null;
  /** What the backend said (its `detail`), as sent; '' when nothing. */
  said: string;
  /** How long the backend asked to wait, in ms (queue full). */
  retryAfterMs: number | null;
  /** Seconds since the edge worker's last heartbeat (worker offline), when known. */
  lastSeenSecondsAgo: number | null;
  /** Heartbeat age past which the worker counts as offline, when known. */
  thresholdSeconds: number | null;
  /** The error itself, whose own description says the rest (network, other). */
  error: PharosError;
}

/** A failure, ready to show: a headline and a sentence or two. */
export interface IngestFailure {
  case: IngestFailureCase;
  title: string;
  message: string;
}

/** The facts of a failed ingest. Never includes the token: PharosError messages never carry it. */
export function ingestFailure(error: PharosError): IngestFailureFacts {
  const facts = (c: IngestFailureCase): IngestFailureFacts => ({
    case: c,
    status: error.status ?? null,
    said: detailText(error.detail),
    retryAfterMs: error.retryAfterMs ?? null,
    lastSeenSecondsAgo: error.edgeWorkerOffline?.lastSeenSecondsAgo ?? null,
    thresholdSeconds: error.edgeWorkerOffline?.thresholdSeconds ?? null,
    error,
  });
  switch (error.kind) {
    case ErrorKind.auth:
      return facts('auth');
    case ErrorKind.rateLimited:
      return facts('queue-full');
    case ErrorKind.unavailable:
      return facts(error.edgeWorkerOffline ? 'worker-offline' : 'queue-unavailable');
    case ErrorKind.network:
      return facts('network');
    case ErrorKind.readOnly:
      return facts('read-only');
    case ErrorKind.timeout:
      return facts('timeout');
    default:
      return facts(error.status === 400 ? 'invalid-url' : 'other');
  }
}

/**
 * Describes a failed ingest in `lang`. `now` (ms) turns a `Retry-After` into a time of day.
 * Takes the error, or its facts from {@link ingestFailure}.
 */
export function describeIngestFailure(failure: PharosError | IngestFailureFacts, lang: string, now: number): IngestFailure {
  const f = 'kind' in failure ? ingestFailure(failure) : failure;
  const said = f.said;
  const word = (title: string, message: string): IngestFailure => ({ case: f.case, title, message });
  switch (f.case) {
    case 'auth': {
      const status = String(f.status ?? 401);
      return word(
        t(lang, 'Not authorised: nothing was queued.'),
        said
          ? t(lang, 'Queuing a repository needs a valid token (HTTP {0}: {1}). Check the token given to this dashboard, then try again.', status, said)
          : t(lang, 'Queuing a repository needs a valid token (HTTP {0}). Check the token given to this dashboard, then try again.', status),
      );
    }
    case 'queue-full': {
      const wait = f.retryAfterMs;
      return word(
        t(lang, 'The ingestion queue is full: nothing was queued.'),
        wait === null
          ? t(lang, 'Try again in a few minutes.')
          : t(lang, 'Try again in {0} (after {1}).', formatSeconds(lang, Math.ceil(wait / 1000)), formatTime(lang, now + wait)),
      );
    }
    case 'worker-offline': {
      const seen = f.lastSeenSecondsAgo === null ? null : formatSeconds(lang, f.lastSeenSecondsAgo);
      const threshold = f.thresholdSeconds === null ? null : formatSeconds(lang, f.thresholdSeconds);
      let message: string;
      if (seen === null) {
        message =
          threshold === null
            ? t(lang, 'No recent heartbeat is recorded; nothing was queued. Try again once the worker is back online.')
            : t(lang, 'No recent heartbeat is recorded (it counts as offline after {0}); nothing was queued. Try again once the worker is back online.', threshold);
      } else {
        message =
          threshold === null
            ? t(lang, 'The worker was last seen {0} ago; nothing was queued. Try again once the worker is back online.', seen)
            : t(lang, 'The worker was last seen {0} ago (it counts as offline after {1}); nothing was queued. Try again once the worker is back online.', seen, threshold);
      }
      return word(t(lang, 'The edge worker is offline.'), message);
    }
    case 'queue-unavailable':
      return word(
        t(lang, 'The ingestion queue is unavailable: nothing was queued.'),
        said
          ? t(lang, 'The backend says: {0}. Its queue store (Redis) may be down; try again later.', said)
          : t(lang, 'Its queue store (Redis) may be down; try again later.'),
      );
    case 'network':
      return word(t(lang, 'Cannot reach the backend: the request may not have been sent.'), describeError(lang, f.error));
    case 'read-only':
      return word(t(lang, 'This is a read-only view: nothing was queued.'), t(lang, 'Repositories are queued where people sign in to Pharos.'));
    case 'timeout':
      return word(
        t(lang, 'No answer in time.'),
        t(lang, 'The backend did not answer; the job may or may not have been queued. Check the job history before trying again.'),
      );
    case 'invalid-url':
      return word(
        t(lang, 'The backend rejected the URL: nothing was queued.'),
        said
          ? t(lang, '{0}. Use a form like github.com/user/repo or a full http, https or git URL.', said)
          : t(lang, 'Invalid repository URL format. Use a form like github.com/user/repo or a full http, https or git URL.'),
      );
    default:
      return word(t(lang, 'Queuing failed.'), describeError(lang, f.error));
  }
}
