/**
 * In-browser derivation of request statistics from the store's history: every resource
 * row carries the latency of the request this browser made (`latency_ms`) and whether it
 * failed (`failed`), so per time bucket we get latency percentiles of this browser's
 * requests (network timing where the browser records it, see `TIMING_SERIES`), the
 * request rate and the error rate. No backend involvement; honest about being client-side.
 */
import type { HistoryBuffer } from '../store/history.js';
import { timingMethodOf, type TimingMethod } from '../api/timing.js';
import { FAILED_SERIES, LATENCY_SERIES, TIMING_SERIES } from '../store/resource.js';

/** Quantile `q` (0..1) of ascending `sorted` values, linearly interpolated (like NumPy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0]!;
  const pos = Math.min(1, Math.max(0, q)) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Bucket widths a chart may use, smallest first (ms). */
export const NICE_STEPS_MS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
  10_800_000, 21_600_000, 43_200_000, 86_400_000,
] as const;

/** The smallest nice step of at least `minMs` (the largest nice step when none is). */
export function niceStep(minMs: number): number {
  for (const step of NICE_STEPS_MS) if (step >= minMs) return step;
  return Math.ceil(minMs / 86_400_000) * 86_400_000;
}

/**
 * Bucket width for in-browser statistics over a range: about 120 buckets, and never less
 * than two poll intervals, so a bucket holds a few requests of each polled endpoint.
 */
export function bucketWidth(rangeMs: number, intervalMs: number): number {
  return niceStep(Math.max(rangeMs / 120, 2 * intervalMs));
}

/** Client-observed request statistics per time bucket (columnar, ready for a chart). */
export interface RequestStats {
  /** Bucket start times (ms), multiples of `bucketMs`, ascending. */
  times: Float64Array;
  /** Latency percentiles in ms; `NaN` where a bucket saw no successful request. */
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
  /** Requests per second over the part of the bucket inside the window; `NaN` when none. */
  rate: Float64Array;
  /** Failed requests as a percentage (0..100); `NaN` when none. */
  errorPercent: Float64Array;
  /** Requests (successes and failures) per bucket. */
  count: Float64Array;
  /** Width of a bucket (ms). */
  bucketMs: number;
  /** Requests in the window. */
  total: number;
  /** Failed requests in the window. */
  failed: number;
  /** How the latencies in the window were measured: figures per method. */
  methods: Record<TimingMethod, number>;
}

/**
 * Buckets the request rows of several histories between `from` and `to`: latency
 * percentiles (P50/P95/P99) of successful requests, request rate and error rate.
 * Buckets are aligned to multiples of `bucketMs`, so they stay put as time moves on.
 */
export function requestStats(histories: readonly HistoryBuffer[], from: number, to: number, bucketMs: number): RequestStats {
  const first = Math.floor(from / bucketMs);
  const last = Math.floor(to / bucketMs);
  const n = Math.max(0, last - first + 1);
  const latencies: number[][] = Array.from({ length: n }, () => []);
  const count = new Float64Array(n);
  const failures = new Float64Array(n);
  let total = 0;
  let failed = 0;
  const methods: Record<TimingMethod, number> = { server: 0, network: 0, page: 0 };
  for (const history of histories) {
    const { times, columns } = history.window(from, to, [LATENCY_SERIES, FAILED_SERIES, TIMING_SERIES]);
    const latency = columns[LATENCY_SERIES]!;
    const fail = columns[FAILED_SERIES]!;
    const method = columns[TIMING_SERIES]!;
    for (let i = 0; i < times.length; i++) {
      const b = Math.floor(times[i]! / bucketMs) - first;
      if (b < 0 || b >= n) continue;
      count[b]!++;
      total++;
      if (fail[i] === 1) {
        failures[b]!++;
        failed++;
      } else if (!Number.isNaN(latency[i]!)) {
        latencies[b]!.push(latency[i]!);
        // Rows saved before methods were recorded were measured by the page.
        methods[timingMethodOf(method[i]) ?? 'page']++;
      }
    }
  }
  const times = new Float64Array(n);
  const p50 = new Float64Array(n);
  const p95 = new Float64Array(n);
  const p99 = new Float64Array(n);
  const rate = new Float64Array(n);
  const errorPercent = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    const start = (first + b) * bucketMs;
    times[b] = start;
    const values = latencies[b]!.sort((x, y) => x - y);
    p50[b] = quantile(values, 0.5);
    p95[b] = quantile(values, 0.95);
    p99[b] = quantile(values, 0.99);
    // The first and last buckets are partly outside the window: divide by what is inside.
    const seconds = (Math.min(to, start + bucketMs) - Math.max(from, start)) / 1000;
    rate[b] = count[b]! > 0 && seconds > 0 ? count[b]! / seconds : NaN;
    errorPercent[b] = count[b]! > 0 ? (failures[b]! / count[b]!) * 100 : NaN;
  }
  return { times, p50, p95, p99, rate, errorPercent, count, bucketMs, total, failed, methods };
}

/** The earliest row time across histories (when this browser started observing), or null. */
export function observedSince(histories: readonly HistoryBuffer[]): number | null {
  let since: number | null = null;
  for (const h of histories) {
    h.version.get();
    const t = h.firstTime;
    if (t !== null && (since === null || t < since)) since = t;
  }
  return since;
}
