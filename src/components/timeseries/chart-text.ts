/**
 * The chart in words, for assistive technology: the plot's accessible summary and the row
 * announced as the keyboard moves the cursor.
 */
import { formatDateTime } from '../../util/format.js';
import { latestOf, nearestIndex, timesOf, unitOf, valueAt, visibleSpan, type ChartModel } from './chart-model.js';
import { formatWithUnit } from './units.js';

/** What the chart shows, over which window, the latest values, thresholds, bands and marks. */
export function describeChart(model: ChartModel, lang: string): string {
  const xs = timesOf(model);
  const [start, end] = visibleSpan(model);
  const name = model.label || 'Time series';
  if (end <= start) return `${name}: no data in this time range.`;
  const from = model.range?.[0] ?? xs[start]!;
  const to = model.range?.[1] ?? xs[end - 1]!;
  const withUnit = (value: number | null, si: number) => formatWithUnit(lang, value, unitOf(model, si));
  const latest = model.series.map((s, i) => `${s.label} ${withUnit(latestOf(model, i), i)}`).join(', ');
  const thresholds = model.thresholds.length ? ` Thresholds: ${model.thresholds.map((t) => `${t.label} ${withUnit(t.value, t.seriesIndex ?? 0)}`).join(', ')}.` : '';
  const bands = model.bands.length ? ` ${model.bands.map((b) => `${b.label}: ${withUnit(b.lower, b.seriesIndex ?? 0)} to ${withUnit(b.upper, b.seriesIndex ?? 0)}`).join('; ')}.` : '';
  const marked = model.marks.filter((m) => m.time >= from && m.time <= to).length;
  const marks = marked ? ` ${marked} marked point${marked === 1 ? '' : 's'}.` : '';
  return `${name}, ${formatDateTime(lang, from)} to ${formatDateTime(lang, to)}, ${end - start} points. Latest: ${latest}.${thresholds}${bands}${marks}`;
}

/** Row `idx` read out: its time, each series' value, and the marks on it. */
export function describeRow(model: ChartModel, lang: string, idx: number): string {
  const xs = timesOf(model);
  const values = model.series.map((s, i) => `${s.label} ${formatWithUnit(lang, valueAt(model, i, idx), unitOf(model, i))}`);
  const marks = model.marks.filter((m) => nearestIndex(xs, m.time) === idx).map((m) => m.label);
  return `${formatDateTime(lang, xs[idx]!)}: ${values.join(', ')}${marks.length ? `. ${marks.join(', ')}` : ''}`;
}
