/** The time ranges a dashboard can show. */
export const TIME_RANGES = ['1h', '6h', '24h', '7d'] as const;

/** One of {@link TIME_RANGES}. */
export type TimeRange = (typeof TIME_RANGES)[number];

const HOUR = 3_600_000;

/** Length of each time range in milliseconds. */
export const TIME_RANGE_MS: Readonly<Record<TimeRange, number>> = {
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
};

/** True when `value` names a time range. */
export function isTimeRange(value: unknown): value is TimeRange {
  return typeof value === 'string' && (TIME_RANGES as readonly string[]).includes(value);
}

/** The `time_window_days` the backend's windowed endpoints need for a range (at least one day). */
export function windowDays(range: TimeRange): number {
  return Math.max(1, Math.ceil(TIME_RANGE_MS[range] / (24 * HOUR)));
}

/** The window of `range` that ends at `end` (ms since the epoch), as `[fromMs, toMs]`. */
export function rangeEndingAt(range: TimeRange, end: number): [number, number] {
  return [end - TIME_RANGE_MS[range], end];
}
