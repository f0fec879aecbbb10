/**
 * What a time-series chart shows, and how every view of it (plot, overlays, table, CSV,
 * summary) reads it: the public data shapes and the lookups over the columns. The views take
 * the element through {@link ChartModel}, so none of them imports the element.
 */
import { lowerBound, upperBound } from '../../util/sorted.js';
import { finite } from './clean-data.js';

/** Rows rendered at most by the table view; the CSV export always has them all. */
export const TABLE_ROW_LIMIT = 1000;

/** One y column of the chart's `data` (`<pharos-timeseries>`). */
export interface TimeseriesSeries {
  /** Name in the legend, tooltip, table header and CSV header. */
  label: string;
  /** Unit of the values (`ms`, `s`, `%`, `req/s`…); defaults to the chart's `unit`. */
  unit?: string;
  /** Any CSS colour (a `var(--…)` works); defaults to the `--pharos-timeseries-color-N` palette. */
  color?: string;
}

/** A horizontal line at a value, e.g. an SLO. */
export interface TimeseriesThreshold {
  /** Value on the y axis, in the unit of the series it belongs to. */
  value: number;
  /** Short text drawn on the line, e.g. `P95 SLO 500 ms`. */
  label: string;
  /** 0-based index into `series` whose axis the value is on; default the first series. */
  seriesIndex?: number;
}

/** A shaded range of values, e.g. an anomaly baseline: "usually 100–140 ms". */
export interface TimeseriesBand {
  /** Lower and upper edge, in the unit of the series it belongs to. */
  lower: number;
  upper: number;
  /** What it is, e.g. `Usual range (median ± 3.5 spreads)`: drawn in the band and read in the summary. */
  label: string;
  /** 0-based index into `series` whose axis it is on; default the first series. */
  seriesIndex?: number;
}

/** A marked moment (an anomaly, an incident, a deploy). */
export interface TimeseriesMark {
  /** Time in milliseconds since the epoch. */
  time: number;
  /** What happened, shown in the chart and the table. */
  label: string;
  /** 0-based index into `series`: mark that series' point; omitted: a vertical line. */
  seriesIndex?: number;
}

/** The chart's inputs as its views read them (the element's public properties). */
export interface ChartModel {
  /** Columnar data `[xs, ...ys]`. */
  readonly data: ArrayLike<number | null>[];
  readonly series: readonly TimeseriesSeries[];
  readonly thresholds: readonly TimeseriesThreshold[];
  readonly marks: readonly TimeseriesMark[];
  readonly bands: readonly TimeseriesBand[];
  readonly label: string;
  /** Unit of series without their own. */
  readonly unit: string;
  /** Visible window; unset fits the data. */
  readonly range?: [number, number];
  /** Plot height in CSS pixels. */
  readonly height: number;
}

/** The time column. */
export function timesOf(model: ChartModel): ArrayLike<number> {
  return (model.data[0] ?? []) as ArrayLike<number>;
}

/** The unit of series `i` (its own, else the chart's). */
export function unitOf(model: ChartModel, i: number): string {
  return model.series[i]?.unit ?? model.unit;
}

/** uPlot scale key of series `i`: one y scale per distinct unit. */
export function scaleOf(model: ChartModel, i: number): string {
  const units = [...new Set(model.series.map((_, j) => unitOf(model, j)))];
  const k = units.indexOf(unitOf(model, i));
  return k <= 0 ? 'y' : `y${k + 1}`;
}

/** The value of series `si` at row `i`, or null for a gap. */
export function valueAt(model: ChartModel, si: number, i: number): number | null {
  const v = model.data[si + 1]?.[i];
  return finite(v) ? v : null;
}

/** Indices `[start, end)` of the rows inside the visible window. */
export function visibleSpan(model: ChartModel): [number, number] {
  const xs = timesOf(model);
  if (!model.range) return [0, xs.length];
  return [lowerBound(xs, model.range[0]), upperBound(xs, model.range[1])];
}

/** The newest non-gap value of series `si` in the visible window. */
export function latestOf(model: ChartModel, si: number): number | null {
  const [start, end] = visibleSpan(model);
  for (let i = end - 1; i >= start; i--) {
    const v = valueAt(model, si, i);
    if (v !== null) return v;
  }
  return null;
}

/** The row whose time is closest to `time` (the earlier one on a tie), or null without rows. */
export function nearestIndex(xs: ArrayLike<number>, time: number): number | null {
  if (xs.length === 0) return null;
  const i = lowerBound(xs, time);
  if (i === 0) return 0;
  if (i >= xs.length) return xs.length - 1;
  return time - xs[i - 1]! <= xs[i]! - time ? i - 1 : i;
}
