/**
 * Anomaly and trend detection over a history column (a `Float64Array` from
 * `HistoryBuffer.window`, `NaN` = gap). Pure functions: no DOM, no signals, so cards, the
 * module grid and any host app compute the same verdicts.
 */
import { lowerBound } from '../util/sorted.js';

/** Which way a value moved. */
export type Direction = 'up' | 'down' | 'flat';

/** Options for {@link detectAnomaly}. */
export interface AnomalyOptions {
  /** How many finite samples before the latest form the baseline. Default 30. */
  window?: number;
  /** Fewer baseline samples than this never count as anomalous. Default 8. */
  minSamples?: number;
  /** Robust z-score from which the latest value is anomalous. Default 3.5 (Iglewicz and Hoaglin). */
  threshold?: number;
  /**
   * Smallest spread, as a fraction of the baseline median, the score is measured against.
   * Keeps a nearly constant series (a MAD of 0) from flagging a tiny wobble. Default 0.05.
   */
  relativeFloor?: number;
  /** Smallest spread in the series' own unit (e.g. 1 ms for latencies). Default 0. */
  absoluteFloor?: number;
}

/** What an anomaly verdict was measured against. */
export type BaselineKind = 'recent' | 'seasonal';

/** Verdict of {@link detectAnomaly} and {@link detectAnomalyAt}. */
export interface AnomalyResult {
  /** True when the latest value is far outside the baseline. */
  anomalous: boolean;
  /** Robust z-score of the latest value (signed): its distance from the median in spreads; null when there was too little data. */
  score: number | null;
  /** Whether the latest value sits above or below the baseline; null without a verdict. */
  direction: 'up' | 'down' | null;
  /** The latest finite value, or null. */
  latest: number | null;
  /** Median of the baseline, or null. */
  median: number | null;
  /** The usual spread (robust, in the series' unit) the score is measured in, or null. */
  spread: number | null;
  /** Number of baseline samples used. */
  samples: number;
  /** `recent`: the samples just before; `seasonal`: the same time of day on earlier days. */
  baseline: BaselineKind;
  /** Seasonal baseline: how many earlier days it drew on (0 for a recent one). */
  days: number;
}

/** Median of finite values (sorts a copy); NaN when there are none. */
export function median(values: ArrayLike<number>): number {
  const sorted = finiteValues(values).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Finite values of an array-like, in order (gaps dropped). */
export function finiteValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

// 0.6745 makes the MAD comparable to a standard deviation for normal data; 1.2533 does the
// same for the mean absolute deviation, the fallback when more than half the values are equal.
const MAD_SCALE = 0.6745;
const MEAN_AD_SCALE = 1.2533;

/** Scores `latest` against `baseline` (finite values) with the modified z-score. */
function judge(
  latest: number | null,
  baseline: readonly number[],
  options: AnomalyOptions,
  kind: BaselineKind,
  days: number,
): AnomalyResult {
  const { minSamples = 8, threshold = 3.5, relativeFloor = 0.05, absoluteFloor = 0 } = options;
  const none: AnomalyResult = { anomalous: false, score: null, direction: null, latest, median: null, spread: null, samples: baseline.length, baseline: kind, days };
  if (latest === null || baseline.length < Math.max(1, minSamples)) return none;

  const med = median(baseline);
  const deviations = baseline.map((v) => Math.abs(v - med));
  const mad = median(deviations);
  let spread = mad / MAD_SCALE;
  if (spread === 0) spread = (deviations.reduce((a, b) => a + b, 0) / deviations.length) * MEAN_AD_SCALE;
  spread = Math.max(spread, Math.abs(med) * relativeFloor, absoluteFloor);

  const diff = latest - med;
  // A perfectly flat series at zero has no spread at all: any change is news, none is not.
  const score = spread > 0 ? diff / spread : diff === 0 ? 0 : Math.sign(diff) * Infinity;
  return {
    anomalous: Math.abs(score) >= threshold,
    score,
    direction: diff > 0 ? 'up' : diff < 0 ? 'down' : null,
    latest,
    median: med,
    spread,
    samples: baseline.length,
    baseline: kind,
    days,
  };
}

/**
 * Is the latest value of a series anomalous against the samples before it? Uses the
 * modified z-score `0.6745 · (x − median) / MAD`, robust to the spikes it looks for: an
 * earlier outlier barely moves the median or the MAD, where it would inflate a mean and a
 * standard deviation and hide the next one.
 *
 * @example
 * const { columns } = resource.history.window(now - range, now, ['latency_ms']);
 * detectAnomaly(columns.latency_ms!).anomalous;
 */
export function detectAnomaly(values: ArrayLike<number>, options: AnomalyOptions = {}): AnomalyResult {
  const window = options.window ?? 30;
  const finite = finiteValues(values);
  const latest = finite.length ? finite[finite.length - 1]! : null;
  const baseline = finite.slice(Math.max(0, finite.length - 1 - window), finite.length - 1);
  return judge(latest, baseline, options, 'recent', 0);
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Options for {@link detectAnomalyAt}: those of {@link detectAnomaly}, plus the seasonal baseline's. */
export interface SeasonalOptions extends AnomalyOptions {
  /** Earlier days the seasonal baseline looks at, at most. Default 7. */
  days?: number;
  /** Days with samples near the same time of day needed before it is used. Default 2. */
  minDays?: number;
  /** How far either side of the same time of day a sample counts. Default 15 minutes. */
  halfWindowMs?: number;
}

/**
 * The samples of earlier days within `halfWindowMs` of `at`'s time of day (up to `days`
 * days back), and how many days had any. `times` ascending, as history windows are.
 */
export function seasonalSamples(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  at: number,
  { days = 7, halfWindowMs = 15 * 60_000 }: Pick<SeasonalOptions, 'days' | 'halfWindowMs'> = {},
): { values: number[]; days: number } {
  const out: number[] = [];
  let found = 0;
  for (let d = 1; d <= days; d++) {
    const centre = at - d * DAY_MS;
    let i = lowerBound(times, centre - halfWindowMs);
    let any = false;
    for (; i < times.length && times[i]! <= centre + halfWindowMs; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        out.push(v);
        any = true;
      }
    }
    if (any) found++;
  }
  return { values: out, days: found };
}

/**
 * Like {@link detectAnomaly}, but on a timed series: once at least `minDays` earlier days
 * have samples near the latest sample's time of day, the baseline is those samples
 * (seasonal), so a daily rhythm (busy afternoons, quiet nights) is not flagged every day.
 * With less history it falls back to the trailing `window` samples.
 *
 * @example
 * const { times, columns } = resource.history.window(now - 8 * DAY_MS, now, ['p95']);
 * detectAnomalyAt(times, columns.p95!).baseline; // 'seasonal' after two days of history
 */
export function detectAnomalyAt(times: ArrayLike<number>, values: ArrayLike<number>, options: SeasonalOptions = {}): AnomalyResult {
  let last = values.length - 1;
  while (last >= 0 && !Number.isFinite(values[last]!)) last--;
  if (last >= 0) {
    const seasonal = seasonalSamples(times, values, times[last]!, options);
    if (seasonal.days >= Math.max(1, options.minDays ?? 2)) return judge(values[last]!, seasonal.values, options, 'seasonal', seasonal.days);
  }
  return detectAnomaly(Array.prototype.slice.call(values, 0, last + 1) as number[], options);
}

/**
 * What an anomaly verdict was measured against, as figures: which explanation and its numbers,
 * for the UI to word in the viewer's language (`describeAnomaly` in
 * `components/alerts/alert-text.ts`): "412 ms, usually 120 ms (median of the last 30 samples);
 * 5.1× the usual spread". Plain data (no `Infinity`), so an alert can keep it in storage.
 */
export interface AnomalyExplanation {
  /** The latest value, in the series' unit. */
  readonly latest: number;
  /** The usual value: the baseline's median. */
  readonly usual: number;
  /** `recent`: the median of the last `samples` samples; `seasonal`: of `samples` samples at this time of day on the last `days` days. */
  readonly baseline: BaselineKind;
  readonly samples: number;
  readonly days: number;
  /** How many usual spreads the latest value is from the usual one; null when the usual spread is zero. */
  readonly spreads: number | null;
}

/**
 * What an anomaly verdict was measured against (see {@link AnomalyExplanation}); null when
 * the verdict has no baseline (too little data).
 */
export function explainAnomaly(result: AnomalyResult): AnomalyExplanation | null {
  const { latest, median: usual, score, baseline, samples, days } = result;
  if (latest === null || usual === null || score === null) return null;
  return { latest, usual, baseline, samples, days, spreads: Number.isFinite(score) ? Math.abs(score) : null };
}

/** How {@link computeTrend} compares a range. */
export type TrendMethod = 'halves' | 'endpoints';

/** Options for {@link computeTrend}. */
export interface TrendOptions {
  /**
   * `halves` (default): mean of the recent half against the mean of the older half, steady
   * against noise. `endpoints`: last value against first (for cumulative counters).
   */
  method?: TrendMethod;
  /** A relative change smaller than this is `flat`. Default 0.02 (2 %). */
  flatBelow?: number;
  /** Fewer finite samples than this give no trend. Default 2. */
  minSamples?: number;
}

/** Result of {@link computeTrend}. */
export interface Trend {
  direction: Direction;
  /** `to − from`, in the series' unit. */
  change: number;
  /** `(to − from) / |from|`; null when `from` is 0 (no meaningful ratio). */
  ratio: number | null;
  /** Older value (mean of the older half, or the first value). */
  from: number;
  /** Recent value (mean of the recent half, or the last value). */
  to: number;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The trend of a series over the selected range, or null with too few samples.
 *
 * @example
 * computeTrend(columns.latency_ms!)?.direction; // 'up' | 'down' | 'flat'
 */
export function computeTrend(values: ArrayLike<number>, options: TrendOptions = {}): Trend | null {
  const { method = 'halves', flatBelow = 0.02, minSamples = 2 } = options;
  const finite = finiteValues(values);
  if (finite.length < Math.max(2, minSamples)) return null;
  let from: number;
  let to: number;
  if (method === 'endpoints') {
    from = finite[0]!;
    to = finite[finite.length - 1]!;
  } else {
    const half = finite.length >> 1;
    // With an odd count the middle sample belongs to neither half.
    from = mean(finite.slice(0, half));
    to = mean(finite.slice(finite.length - half));
  }
  const change = to - from;
  const ratio = from === 0 ? null : change / Math.abs(from);
  // Without a ratio (from 0), any non-zero change is a move.
  const moved = ratio === null ? change !== 0 : Math.abs(ratio) >= flatBelow;
  return { direction: moved ? (change > 0 ? 'up' : 'down') : 'flat', change, ratio, from, to };
}

/**
 * True when a cumulative counter went down from `previous` to `next`: the backend restarted
 * and the counter began again at zero.
 */
export function counterRestarted(previous: number, next: number): boolean {
  return next < previous;
}

/** How much a cumulative counter grew from `previous` to `next`; after a restart, the new value itself. */
export function counterGrowth(previous: number, next: number): number {
  return counterRestarted(previous, next) ? next : next - previous;
}

/**
 * Rate of a cumulative counter at each sample, per `perMs` (default per minute), from the
 * previous finite sample: `NaN` at the first sample and at gaps; a restart counts as in
 * {@link counterGrowth}.
 * Gaps (failed polls) are spanned: the counter kept counting meanwhile.
 *
 * @example
 * const { times, columns } = events.history.window(from, now, ['emitted']);
 * const perMinute = counterRates(times, columns.emitted!);
 */
export function counterRates(times: ArrayLike<number>, values: ArrayLike<number>, perMs = 60_000): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  let lastValue = NaN;
  let lastTime = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = times[i]!;
    if (!Number.isFinite(v)) continue;
    if (Number.isFinite(lastValue) && t > lastTime) out[i] = (counterGrowth(lastValue, v) / (t - lastTime)) * perMs;
    lastValue = v;
    lastTime = t;
  }
  return out;
}

/**
 * Times at which a cumulative counter dropped, i.e. the backend restarted and its counters
 * began again from zero (gaps are skipped).
 */
export function counterResets(times: ArrayLike<number>, values: ArrayLike<number>): number[] {
  const resets: number[] = [];
  let last = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (Number.isFinite(last) && counterRestarted(last, v)) resets.push(times[i]!);
    last = v;
  }
  return resets;
}
