import { formatSeconds } from '../util/format.js';
import { fill, translatable } from '../util/translatable.js';

/**
 * What went wrong with a request, in a form elements can act on. The kinds map to what a
 * person can do about it: fix the URL or CORS (`network`), wait (`timeout`,
 * `rate-limited`, `unavailable`), supply a token (`auth`), act where they sign in
 * (`read-only`), or report a bug (`http`, `invalid-response`, `backend`).
 */
export const ErrorKind = {
  /** The request never produced a readable response (offline, DNS, CORS, a hidden 401/500). */
  network: 'network',
  /** No answer within the timeout. */
  timeout: 'timeout',
  /** 401 or 403: a valid token is needed. */
  auth: 'auth',
  /** 429: the backend asks to slow down; `retryAfterMs` says for how long when known. */
  rateLimited: 'rate-limited',
  /** 503: the backend or a part of it (the edge worker, the queue) is unavailable. */
  unavailable: 'unavailable',
  /** Any other HTTP error status. */
  http: 'http',
  /** The body is not JSON, or lacks a field the model needs. */
  invalidResponse: 'invalid-response',
  /** HTTP 200 whose envelope says `status: "error"`: the backend reports its own failure. */
  backend: 'backend',
  /** An action sent to a read-only view (a Pharos relay): it is taken where people sign in. */
  readOnly: 'read-only',
} as const;

/** One of the {@link ErrorKind} values. */
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

/** Extra facts the backend sent with an edge-worker-offline 503. */
export interface EdgeWorkerOffline {
  /** Seconds since the worker's last heartbeat, when the backend knows. */
  lastSeenSecondsAgo: number | null;
  /** Heartbeat age past which the worker counts as offline. */
  thresholdSeconds: number | null;
}

/**
 * Words the API client puts together (an error's message, a note), in no language yet: the
 * English text, with `{0}`, `{1}`… for the values that follow. A value is text as it is (a
 * path, a URL, what the backend said), a sentence of its own (to translate in turn), or a
 * number: a duration in seconds. {@link inEnglish} writes it in English; the UI, in the
 * reader's language (src/ui's `inLanguage`).
 */
export type Sentence = readonly [english: string, ...values: SentenceValue[]];

/** A value of a {@link Sentence}. */
export type SentenceValue = string | number | Sentence;

/** A {@link Sentence} (or one of its values) in English. */
export const inEnglish = (v: SentenceValue): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? formatSeconds('en', v) : fill(v[0], v.slice(1).map(inEnglish));

/** Options for {@link PharosError}. */
export interface PharosErrorInit {
  /** HTTP status, when a response was read. */
  status?: number;
  /** Path of the endpoint (no host, no query), for messages and logs. */
  endpoint?: string;
  /** How long the backend asked to wait (from `Retry-After`). */
  retryAfterMs?: number;
  /** The backend's parsed `detail` (string, object or validation list). */
  detail?: unknown;
  /** Set when a 503 says the edge worker is offline. */
  edgeWorkerOffline?: EdgeWorkerOffline;
  /** The underlying exception, if any. */
  cause?: unknown;
}

/**
 * The single error type thrown by the API client. `message` is always a sentence a person
 * can act on, in English (logs, Node, the relay); it never contains the token. The errors the
 * client words itself also carry that sentence as a {@link Sentence}, for the UI.
 */
export class PharosError extends Error {
  /** What kind of failure this is. */
  readonly kind: ErrorKind;
  /** HTTP status, when a response was read. */
  readonly status?: number;
  /** Endpoint path that failed. */
  readonly endpoint?: string;
  /** How long the backend asked to wait before retrying, in milliseconds. */
  readonly retryAfterMs?: number;
  /** The backend's parsed `detail`. */
  readonly detail?: unknown;
  /** Present when the failure is the edge worker being offline. */
  readonly edgeWorkerOffline?: EdgeWorkerOffline;
  /** What `message` says, for the UI to word in the reader's language; absent when `message` came from elsewhere. */
  readonly description?: Sentence;

  /** `message`: the English sentence, or its {@link Sentence} (then `message` is its English). */
  constructor(kind: ErrorKind, message: string | Sentence, init: PharosErrorInit = {}) {
    super(typeof message === 'string' ? message : inEnglish(message), init.cause === undefined ? undefined : { cause: init.cause });
    if (typeof message !== 'string') this.description = message;
    this.name = 'PharosError';
    this.kind = kind;
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
    this.edgeWorkerOffline = init.edgeWorkerOffline;
  }
}

/** True for errors produced by aborting a request on purpose (not failures to report). */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Turns any thrown value into a {@link PharosError}, so elements always have a kind and a
 * readable message.
 */
export function toPharosError(error: unknown): PharosError {
  if (error instanceof PharosError) return error;
  const message = error instanceof Error && error.message ? error.message : [translatable('An unexpected error occurred.')] as const;
  return new PharosError(ErrorKind.http, message, { cause: error });
}
