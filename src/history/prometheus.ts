/**
 * A small client for the Prometheus HTTP API's `query_range`, which Prometheus, Thanos,
 * Mimir/Cortex and VictoriaMetrics all serve. Plain functions over `fetch` with an
 * `AbortSignal`: no DOM, no timers; failures are {@link PharosError}s with plain words.
 */
import { anySignal } from '../api/abort.js';
import { ErrorKind, PharosError } from '../api/errors.js';
import { translatable } from '../util/translatable.js';
import { refusedText } from '../api/connect-policy.js';
import { fetchText, NoAnswerError } from '../api/http.js';

/** Where and how to reach a Prometheus-compatible server. */
export interface PrometheusConfig {
  /** Base URL, e.g. `https://prometheus.example.com`. */
  url: string;
  /**
   * Path before `/api/v1/...`: `''` for Prometheus and Thanos, `/prometheus` for Mimir,
   * `/select/0/prometheus` for a VictoriaMetrics cluster.
   */
  pathPrefix?: string;
  /** Extra request headers, e.g. `{ 'X-Scope-OrgID': 'tenant-1' }` for a multi-tenant Mimir. */
  headers?: Record<string, string>;
  /** Per-request timeout in ms. Default 10 000; `0` means none. */
  timeoutMs?: number;
  /** fetch implementation (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** Prometheus refuses a `query_range` whose series would exceed this many points. */
export const MAX_POINTS_PER_SERIES = 11_000;

/** One series of a range query result, converted to numbers. */
export interface RangeSeries {
  /** The series' labels. */
  metric: Record<string, string>;
  /** Sample times in ms since the epoch. */
  times: Float64Array;
  /** Sample values (`NaN` for Prometheus' `NaN`, infinities kept). */
  values: Float64Array;
}

/** A range query: PromQL and a window aligned to the step. */
export interface RangeQuery {
  query: string;
  /** Window start, ms since the epoch. */
  start: number;
  /** Window end, ms. */
  end: number;
  /** Resolution, ms (at least 1 ms; Prometheus accepts fractional seconds). */
  stepMs: number;
}

/** Step sizes the chooser picks from (ms): round numbers keep refreshed windows aligned. */
const STEPS_MS = [1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];

/**
 * The step for a window: the smallest round step giving at most `targetPoints` points
 * (default 1 000, plenty for a chart), never under `minStepMs`, and never so small that a
 * series would exceed {@link MAX_POINTS_PER_SERIES} points.
 */
export function chooseStep(rangeMs: number, targetPoints = 1_000, minStepMs = 1_000): number {
  const target = Math.min(MAX_POINTS_PER_SERIES - 1, Math.max(1, targetPoints));
  const wanted = Math.max(minStepMs, rangeMs / target);
  for (const step of STEPS_MS) if (step >= wanted) return step;
  return Math.ceil(wanted / 3_600_000) * 3_600_000;
}

/**
 * The window `[start, end]` of length `rangeMs` ending at or just before `now`, both on
 * multiples of the step, so successive refreshes ask for the same evaluation points.
 */
export function alignedWindow(now: number, rangeMs: number, stepMs: number): { start: number; end: number } {
  const end = Math.floor(now / stepMs) * stepMs;
  const start = end - Math.ceil(rangeMs / stepMs) * stepMs;
  return { start, end };
}

/** Number of points a series of this query can have. */
export function pointCount(q: Pick<RangeQuery, 'start' | 'end' | 'stepMs'>): number {
  return Math.floor((q.end - q.start) / q.stepMs) + 1;
}

const apiBase = (config: PrometheusConfig) => `${config.url.replace(/\/+$/, '')}${(config.pathPrefix ?? '').replace(/\/+$/, '')}`;

/** Formats ms as Prometheus' seconds, without float noise (`1763805600.5`). */
function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

/**
 * Runs a PromQL range query and returns its series, or throws a {@link PharosError}.
 * An abort through `signal` rejects with the signal's reason, never a PharosError.
 */
export async function queryRange(config: PrometheusConfig, q: RangeQuery, signal?: AbortSignal): Promise<RangeSeries[]> {
  const endpoint = '/api/v1/query_range';
  if (pointCount(q) > MAX_POINTS_PER_SERIES) {
    throw new PharosError(ErrorKind.http, [translatable('A {0} step over this window would exceed Prometheus’ {1} points per series.'), q.stepMs / 1000, String(MAX_POINTS_PER_SERIES)], { endpoint });
  }
  const params = new URLSearchParams({ query: q.query, start: seconds(q.start), end: seconds(q.end), step: seconds(q.stepMs) });
  const url = `${apiBase(config)}${endpoint}?${params}`;
  const timeoutMs = config.timeoutMs ?? 10_000;
  let answer: { response: Response; text: string };
  try {
    answer = await fetchText(config.fetch ?? globalThis.fetch, url, { headers: { Accept: 'application/json', ...(config.headers ?? {}) } }, signal, timeoutMs);
  } catch (error) {
    if (!(error instanceof NoAnswerError)) throw error;
    if (error.reason === 'timeout') {
      throw new PharosError(ErrorKind.timeout, [translatable('Prometheus at {0} did not answer within {1}.'), config.url, timeoutMs / 1000], { endpoint, cause: error.cause });
    }
    if (error.reason === 'refused') throw new PharosError(ErrorKind.network, refusedText([translatable('the request to Prometheus')], error.origin), { endpoint, cause: error.cause });
    const origin = globalThis.location?.origin;
    throw new PharosError(
      ErrorKind.network,
      origin
        ? [translatable('Prometheus at {0} gave no readable answer. Check the URL, and that it allows this page’s origin ({1}) (Prometheus: --web.cors.origin).'), config.url, origin]
        : [translatable('Prometheus at {0} gave no readable answer. Check the URL, and that it allows this page’s origin (Prometheus: --web.cors.origin).'), config.url],
      { endpoint, cause: error.cause },
    );
  }
  const { response, text } = answer;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const envelope = (body && typeof body === 'object' ? body : {}) as { status?: unknown; error?: unknown; errorType?: unknown; data?: unknown };
  const said = typeof envelope.error === 'string' ? envelope.error : '';
  if (!response.ok) throw statusError(response, said, endpoint, config);
  if (body === undefined) {
    throw new PharosError(ErrorKind.invalidResponse, [translatable('Prometheus at {0} answered HTTP {1} with something other than JSON. Check the URL and path prefix.'), config.url, String(response.status)], {
      status: response.status,
      endpoint,
    });
  }
  if (envelope.status !== 'success') {
    throw new PharosError(ErrorKind.backend, said ? [translatable('Prometheus could not run the query: {0}'), said] : [translatable('Prometheus could not run the query.')], { status: response.status, endpoint, detail: body });
  }
  return readMatrix(envelope.data, endpoint);
}

function statusError(response: Response, said: string, endpoint: string, config: PrometheusConfig): PharosError {
  const status = response.status;
  const detail = `HTTP ${status}${said ? `: ${said}` : ''}`;
  const init = { status, endpoint };
  if (status === 401 || status === 403) {
    return new PharosError(ErrorKind.auth, [translatable('Prometheus at {0} refused access ({1}). Check the headers given for it.'), config.url, detail], init);
  }
  if (status === 429) return new PharosError(ErrorKind.rateLimited, [translatable('Prometheus asks to slow down ({0}).'), detail], init);
  if (status === 503) return new PharosError(ErrorKind.unavailable, [translatable('Prometheus is unavailable ({0}).'), detail], init);
  if (status === 404) {
    return new PharosError(ErrorKind.http, [translatable('No Prometheus API at {0} ({1}). Check the URL and path prefix.'), apiBase(config) + endpoint, detail], init);
  }
  if (status === 400 || status === 422) return new PharosError(ErrorKind.http, [translatable('Prometheus rejected the query ({0}).'), detail], init);
  return new PharosError(ErrorKind.http, [translatable('Prometheus failed ({0}).'), detail], init);
}

function readMatrix(data: unknown, endpoint: string): RangeSeries[] {
  // What is wrong in the answer stays English: a detail for a bug report.
  const bad = (what: string) => new PharosError(ErrorKind.invalidResponse, [translatable('Unexpected answer from Prometheus {0}: {1}.'), endpoint, what], { endpoint });
  if (!data || typeof data !== 'object') throw bad('no data');
  const { resultType, result } = data as { resultType?: unknown; result?: unknown };
  if (resultType !== 'matrix') throw bad(`resultType is ${JSON.stringify(resultType)}, not "matrix"`);
  if (!Array.isArray(result)) throw bad('result is not a list');
  return result.map((item, i) => {
    const { metric, values } = (item ?? {}) as { metric?: unknown; values?: unknown };
    if (!Array.isArray(values)) throw bad(`result[${i}].values is not a list`);
    const times = new Float64Array(values.length);
    const nums = new Float64Array(values.length);
    values.forEach((pair, j) => {
      if (!Array.isArray(pair) || pair.length < 2) throw bad(`result[${i}].values[${j}] is not a [time, value] pair`);
      times[j] = Math.round(Number(pair[0]) * 1000);
      nums[j] = parseSampleValue(pair[1]);
    });
    const labels: Record<string, string> = {};
    if (metric && typeof metric === 'object') for (const [k, v] of Object.entries(metric)) labels[k] = String(v);
    return { metric: labels, times, values: nums };
  });
}

/** Prometheus sends values as strings: `"0.25"`, `"NaN"`, `"+Inf"`, `"-Inf"`. */
export function parseSampleValue(value: unknown): number {
  if (value === '+Inf' || value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isNaN(n) ? NaN : n;
}

/**
 * Places a series on the query's time grid (`start`, `start + step`, … `end`): `NaN` where
 * Prometheus returned no point (no data, a stale series), so the chart shows a gap.
 * Non-finite values (a quantile over no requests is `NaN`) are gaps too; `scale` converts
 * units (seconds → ms).
 */
export function toGrid(series: RangeSeries | undefined, q: Pick<RangeQuery, 'start' | 'end' | 'stepMs'>, scale = 1): Float64Array {
  const out = new Float64Array(pointCount(q)).fill(NaN);
  if (!series) return out;
  for (let i = 0; i < series.times.length; i++) {
    const k = Math.round((series.times[i]! - q.start) / q.stepMs);
    const v = series.values[i]!;
    if (k >= 0 && k < out.length && Number.isFinite(v)) out[k] = v * scale;
  }
  return out;
}

/** The PromQL behind each performance figure. */
export interface PerformanceQueries {
  /** Latency quantiles, in seconds. */
  p50: string;
  p95: string;
  p99: string;
  /** Requests per second. */
  rate: string;
  /** Share of failed requests, as a fraction 0..1. */
  errors: string;
}

/**
 * The Pharos backend's own metrics (`ENABLE_METRICS=true`): request duration histogram and
 * request counter. `or vector(0)` keeps the error share at 0, not missing, when there has
 * been no 5xx at all.
 */
export const DEFAULT_QUERIES: Readonly<PerformanceQueries> = {
  p50: 'histogram_quantile(0.5, sum by (le) (rate(neo_alexandria_request_duration_seconds_bucket[5m])))',
  p95: 'histogram_quantile(0.95, sum by (le) (rate(neo_alexandria_request_duration_seconds_bucket[5m])))',
  p99: 'histogram_quantile(0.99, sum by (le) (rate(neo_alexandria_request_duration_seconds_bucket[5m])))',
  rate: 'sum(rate(neo_alexandria_requests_total[5m]))',
  errors:
    '(sum(rate(neo_alexandria_requests_total{status_code=~"5.."}[5m])) or vector(0)) / sum(rate(neo_alexandria_requests_total[5m]))',
};

/** Performance history from Prometheus, on one time grid (columnar, ready for charts). */
export interface PrometheusPerformance {
  /** Grid times (ms): `start`, `start + stepMs`, … `end`. */
  times: Float64Array;
  /** Latency quantiles in ms. */
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
  /** Requests per second. */
  rate: Float64Array;
  /** Failed requests in percent (0..100). */
  errorPercent: Float64Array;
  start: number;
  end: number;
  stepMs: number;
  /** The queries that were run. */
  queries: PerformanceQueries;
}

/**
 * Runs the five performance queries over the window of `rangeMs` ending `now`, in
 * parallel, and aligns them on one grid. The first series of each result is used (the
 * default queries aggregate to one).
 */
export async function fetchPerformance(
  config: PrometheusConfig,
  options: { rangeMs: number; now?: number; queries?: Partial<PerformanceQueries>; targetPoints?: number },
  signal?: AbortSignal,
): Promise<PrometheusPerformance> {
  const queries: PerformanceQueries = { ...DEFAULT_QUERIES };
  for (const [key, value] of Object.entries(options.queries ?? {}) as [keyof PerformanceQueries, string | undefined][]) {
    if (value && value.trim()) queries[key] = value.trim();
  }
  const stepMs = chooseStep(options.rangeMs, options.targetPoints);
  const { start, end } = alignedWindow(options.now ?? Date.now(), options.rangeMs, stepMs);
  const grid = { start, end, stepMs };
  // The first failure cancels the other queries: their answers would be thrown away.
  const siblings = new AbortController();
  const shared = signal ? anySignal([signal, siblings.signal]) : siblings.signal;
  const run = (query: string) =>
    queryRange(config, { query, ...grid }, shared).then(
      (series) => series[0],
      (error: unknown) => {
        if (!siblings.signal.aborted) siblings.abort();
        throw error;
      },
    );
  const [p50, p95, p99, rate, errors] = await Promise.all([queries.p50, queries.p95, queries.p99, queries.rate, queries.errors].map(run));
  const times = new Float64Array(pointCount(grid));
  for (let i = 0; i < times.length; i++) times[i] = start + i * stepMs;
  return {
    times,
    p50: toGrid(p50, grid, 1000),
    p95: toGrid(p95, grid, 1000),
    p99: toGrid(p99, grid, 1000),
    rate: toGrid(rate, grid),
    errorPercent: toGrid(errors, grid, 100),
    start,
    end,
    stepMs,
    queries,
  };
}
