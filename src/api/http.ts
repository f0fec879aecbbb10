import { anySignal } from './abort.js';
import { hearConnectRefusals, refusedOrigin, refusedText } from './connect-policy.js';
import { translatable } from '../util/translatable.js';
import { ErrorKind, PharosError, type EdgeWorkerOffline, type Sentence, type SentenceValue } from './errors.js';
import { object, ShapeError, type Json } from './read.js';
import { requestSlot, startTiming, type RequestTiming } from './timing.js';

/** Returns the bearer token to send, or nothing for public endpoints. May be async (refresh flows). */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/** A bearer token as a string, or a function that supplies one per request. */
export type TokenSource = string | TokenProvider | null | undefined;

/** Where and how to reach one Pharos backend. */
export interface ClientConfig {
  /** Origin (and optional path prefix) of the backend, e.g. `https://pharos.onrender.com`. `''` means this page's origin. */
  baseUrl: string;
  /** Bearer token, or a provider of one. Never put into URLs, logs, errors or events. */
  token?: TokenSource;
  /** Per-request timeout in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** The fetch implementation, for tests or instrumented fetches. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Called with each answered request's duration, measured by the network layer where the
   * browser allows it (see {@link RequestTiming}). Not called when no answer came.
   */
  onTiming?: (timing: RequestTiming) => void;
  /**
   * Called when an answer says it comes from a read-only view of the backend (a Pharos relay
   * marks each answer with {@link RELAY_HEADER}), so elements that act can say so up front.
   */
  onReadOnly?: () => void;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the request; an abort rejects with the signal's reason, never a PharosError. */
  signal?: AbortSignal;
  /** Overrides the config's timeout for this call (long-running POSTs). `0` means none. */
  timeoutMs?: number;
}

/** Describes one HTTP call of an endpoint function. */
export interface CallSpec {
  method?: 'GET' | 'POST';
  /** Path below the base URL, starting with `/`. Also the endpoint name in messages. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** JSON request body. */
  json?: unknown;
  /** Error statuses whose JSON body is a normal answer (e.g. 503 from ingestion health). */
  bodyStatuses?: readonly number[];
}

/** The parsed answer of a successful call. */
export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * The header a Pharos relay (`@pharos/ops-relay`) marks its answers with, exposed to scripts
 * by its CORS settings. `read-only` means it serves reads only and refuses actions.
 */
export const RELAY_HEADER = 'X-Pharos-Relay';

/** Whether an answer comes from a read-only view of the backend. */
export function isReadOnlyAnswer(response: Response): boolean {
  return response.headers.get(RELAY_HEADER)?.trim().toLowerCase() === 'read-only';
}

/** Default request timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Joins a base URL and an endpoint path without doubling or dropping the slash. */
export function endpointUrl(baseUrl: string, path: string, query?: CallSpec['query']): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function resolveToken(token: TokenSource): Promise<string | null> {
  const value = typeof token === 'function' ? await token() : token;
  return value ? value : null;
}

/**
 * Performs one call and returns its parsed JSON, or throws a {@link PharosError} whose
 * message says what happened in plain words.
 */
export async function requestJson(config: ClientConfig, spec: CallSpec, options: RequestOptions = {}): Promise<JsonResponse> {
  const endpoint = spec.path;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = await resolveToken(config.token);
  options.signal?.throwIfAborted();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (spec.json !== undefined) headers['Content-Type'] = 'application/json';

  const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = endpointUrl(config.baseUrl, spec.path, spec.query);
  let answer: { response: Response; text: string };
  let timing: ReturnType<typeof startTiming>;
  // The timeout runs from when the request may start, not while it waits for a slot.
  const release = await requestSlot(url, options.signal);
  try {
    timing = startTiming(url);
    answer = await fetchText(
      config.fetch ?? globalThis.fetch,
      url,
      { method: spec.method ?? 'GET', headers, body: spec.json === undefined ? undefined : JSON.stringify(spec.json) },
      options.signal,
      timeoutMs,
    );
  } catch (error) {
    throw error instanceof NoAnswerError ? noAnswer(error, config, endpoint, timeoutMs) : error;
  } finally {
    release();
  }
  if (config.onTiming) config.onTiming(await timing.finish());
  const { response, text } = answer;
  if (config.onReadOnly && isReadOnlyAnswer(response)) config.onReadOnly();
  const parsed = parseJson(text);
  const ok = response.ok || (spec.bodyStatuses ?? []).includes(response.status);
  if (!ok) throw errorFromStatus(response, parsed, text, endpoint);
  if (!parsed.ok) {
    throw new PharosError(
      ErrorKind.invalidResponse,
      [translatable('{0} answered HTTP {1} with {2} instead of JSON.'), endpoint, String(response.status), describeText(text, response)],
      { status: response.status, endpoint },
    );
  }
  return { status: response.status, body: parsed.value };
}

/** A request that produced no readable answer: none within the timeout, or none at all. */
export class NoAnswerError extends Error {
  constructor(
    /**
     * `timeout` when the timeout fired; `refused` when the page's Content-Security-Policy
     * blocked it; `network` for anything else (offline, DNS, CORS).
     */
    readonly reason: 'timeout' | 'refused' | 'network',
    cause: unknown,
    /** The origin the policy refused, for `refused`. */
    readonly origin = '',
  ) {
    super(reason, { cause });
  }
}

/**
 * fetch and read the body as text, within `timeoutMs` (0 = no limit). Rejects with the
 * caller's abort reason when `signal` aborts, and with a {@link NoAnswerError} when no
 * readable answer came, for the caller to word for its own audience.
 */
export async function fetchText(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<{ response: Response; text: string }> {
  const timeout = new AbortController();
  const timer = timeoutMs > 0 ? setTimeout(() => timeout.abort(), timeoutMs) : undefined;
  hearConnectRefusals();
  try {
    const response = await fetchImpl(url, {
      ...init,
      credentials: 'omit',
      signal: signal ? anySignal([signal, timeout.signal]) : timeout.signal,
    });
    return { response, text: await response.text() };
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.signal.aborted) throw new NoAnswerError('timeout', cause);
    const refused = await refusedOrigin(url);
    throw refused ? new NoAnswerError('refused', cause, refused) : new NoAnswerError('network', cause);
  } finally {
    clearTimeout(timer);
  }
}

function noAnswer(error: NoAnswerError, config: ClientConfig, endpoint: string, timeoutMs: number): PharosError {
  const cause = error.cause;
  if (error.reason === 'refused') return new PharosError(ErrorKind.network, refusedText([translatable('the request for {0}'), endpoint], error.origin), { endpoint, cause });
  if (error.reason === 'timeout') {
    return new PharosError(
      ErrorKind.timeout,
      [translatable('{0} did not answer within {1}. The backend may be overloaded or unreachable; retrying.'), endpoint, Math.round(timeoutMs / 100) / 10],
      { endpoint, cause },
    );
  }
  const origin = globalThis.location?.origin;
  return new PharosError(
    ErrorKind.network,
    [
      translatable(
        'Request blocked or unreachable: {0} at {1} gave no readable answer. Check the base URL, the token, and that the backend allows {2} in its CORS settings (a browser hides 401 and 500 answers that lack CORS headers).',
      ),
      endpoint,
      config.baseUrl || [translatable('this page’s origin')],
      origin ? [translatable('this page’s origin ({0})'), origin] : [translatable('this origin')],
    ],
    { endpoint, cause },
  );
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** What came instead of JSON. */
function describeText(text: string, response: Response): Sentence {
  const type = response.headers.get('content-type') ?? '';
  if (/html/i.test(type) || /^\s*</.test(text)) return [translatable('an HTML page')];
  if (text.trim() === '') return [translatable('an empty body')];
  if (/json/i.test(type)) return [translatable('malformed JSON')];
  return type ? [translatable('text ({0})'), type] : [translatable('text (no content type)')];
}

/** Turns FastAPI's `detail` (string, object or 422 list) into one readable sentence fragment. */
export function detailText(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item) => {
        if (item === null || typeof item !== 'object') return String(item);
        const { loc, msg } = item as { loc?: unknown; msg?: unknown };
        const where = Array.isArray(loc) ? loc.join('.') : '';
        return where ? `${where}: ${String(msg ?? 'invalid')}` : String(msg ?? 'invalid');
      })
      .join('; ');
  }
  if (detail !== null && typeof detail === 'object') {
    const { error, message } = detail as { error?: unknown; message?: unknown };
    if (typeof error === 'string') return error;
    if (typeof message === 'string') return message;
    return JSON.stringify(detail);
  }
  return '';
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function edgeWorkerOffline(detail: unknown): EdgeWorkerOffline | undefined {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return undefined;
  const d = detail as Json;
  if (typeof d.error !== 'string' || !/edge worker offline/i.test(d.error)) return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { lastSeenSecondsAgo: num(d.last_seen_seconds_ago), thresholdSeconds: num(d.threshold_seconds) };
}

function errorFromStatus(response: Response, parsed: Parsed, text: string, endpoint: string): PharosError {
  const status = response.status;
  const detail = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? (parsed.value as Json).detail : undefined;
  const said: SentenceValue = detail !== undefined ? detailText(detail) : parsed.ok ? '' : [translatable('{0} instead of JSON'), describeText(text, response)];
  const httpSaid: SentenceValue = said ? [translatable('HTTP {0}: {1}'), String(status), said] : `HTTP ${status}`;
  const init = { status, endpoint, detail };

  if (status === 401 || status === 403) {
    return new PharosError(ErrorKind.auth, [translatable('Not authorised ({0}). {1} needs a valid token: check the token given to this dashboard.'), httpSaid, endpoint], init);
  }
  if (status === 429) {
    const wait = retryAfterMs(response);
    return new PharosError(
      ErrorKind.rateLimited,
      wait === undefined
        ? [translatable('Too many requests ({0}). The backend asks to wait before trying again.'), httpSaid]
        : [translatable('Too many requests ({0}). The backend asks to wait {1} before trying again.'), httpSaid, wait / 1000],
      { ...init, retryAfterMs: wait },
    );
  }
  if (status === 503) {
    const offline = edgeWorkerOffline(detail);
    if (offline) {
      const seen = offline.lastSeenSecondsAgo;
      return new PharosError(
        ErrorKind.unavailable,
        seen === null
          ? [translatable('The edge worker is offline: its last heartbeat is unknown. Nothing was queued.')]
          : [translatable('The edge worker is offline: it was last seen {0} ago. Nothing was queued.'), seen],
        { ...init, edgeWorkerOffline: offline },
      );
    }
    return new PharosError(ErrorKind.unavailable, [translatable('Service unavailable ({0}). Retrying shortly.'), httpSaid], {
      ...init,
      retryAfterMs: retryAfterMs(response),
    });
  }
  if (isReadOnlyAnswer(response) && (status === 405 || status === 403)) {
    return new PharosError(
      ErrorKind.readOnly,
      [translatable('This is a read-only view of the backend ({0}). Actions are taken where people sign in to Pharos.'), httpSaid],
      init,
    );
  }
  if (status === 404) {
    return new PharosError(ErrorKind.http, [translatable('Not found ({0}): {1} does not exist at this base URL.'), httpSaid, endpoint], init);
  }
  const sentence =
    status < 500
      ? translatable('The backend rejected the request ({0}).')
      : status === 502 || status === 504
        ? translatable('The backend or the gateway in front of it failed ({0}).')
        : translatable('The backend failed ({0}).');
  return new PharosError(ErrorKind.http, [sentence, httpSaid], init);
}

/**
 * Runs a model reader over a parsed body, turning any shape problem into an
 * `invalid-response` error that names the field.
 */
export function readModel<T>(endpoint: string, body: unknown, reader: (body: Json) => T): T {
  try {
    return reader(object(body));
  } catch (error) {
    if (error instanceof ShapeError) {
      // The shape problem is the developers' words: it names a field and a JSON type.
      throw new PharosError(ErrorKind.invalidResponse, [translatable('Unexpected answer from {0}: {1}.'), endpoint, error.message], {
        endpoint,
        cause: error,
      });
    }
    throw error;
  }
}
