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
 * can act on; it never contains the token.
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

  constructor(kind: ErrorKind, message: string, init: PharosErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
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
  const message = error instanceof Error && error.message ? error.message : 'An unexpected error occurred.';
  return new PharosError(ErrorKind.http, message, { cause: error });
}
