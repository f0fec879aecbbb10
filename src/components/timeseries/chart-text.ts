/**
 * The chart in words, for assistive technology: the plot's accessible summary and the row
 * announced as the keyboard moves the cursor.
 */
import { cached, formatDateTime, formatNumber, toLocale } from '../../util/format.js';
import { t, tp } from '../../i18n/translate.js';
import { list } from '../../i18n/list.js';
import { latestOf, nearestIndex, timesOf, unitOf, valueAt, visibleSpan, type ChartModel } from './chart-model.js';
import { formatWithUnit } from './units.js';

/**
 * Measurements read one after another ("P50 109 ms, P95 390 ms"), joined as the language
 * joins a list of measures (Intl.ListFormat's `unit` list; {@link list} would add "and").
 */
function measures(lang: string, items: readonly string[]): string {
  return cached(`lu:${lang}`, () => new Intl.ListFormat(toLocale(lang), { type: 'unit', style: 'short' })).format(items);
}

/** What the chart shows, over which window, the latest values, thresholds, bands and marks. */
export function describeChart(model: ChartModel, lang: string): string {
  const xs = timesOf(model);
  const [start, end] = visibleSpan(model);
  const name = model.label || t(lang, 'Time series');
  if (end <= start) return t(lang, '{0}: no data in this time range.', name);
  const from = model.range?.[0] ?? xs[start]!;
  const to = model.range?.[1] ?? xs[end - 1]!;
  const withUnit = (value: number | null, si: number) => formatWithUnit(lang, value, unitOf(model, si));
  // A value after its series' name ("P95 320 ms"), as the legend shows it.
  const named = (label: string, value: string) => `${label} ${value}`;
  const latest = model.series.map((s, i) => named(s.label, withUnit(latestOf(model, i), i)));
  const thresholds = model.thresholds.length
    ? ` ${t(lang, 'Thresholds: {0}.', measures(lang, model.thresholds.map((th) => named(th.label, withUnit(th.value, th.seriesIndex ?? 0)))))}`
    : '';
  const bands = model.bands
    .map((b) => ` ${t(lang, '{0}: {1} to {2}.', b.label, withUnit(b.lower, b.seriesIndex ?? 0), withUnit(b.upper, b.seriesIndex ?? 0))}`)
    .join('');
  const marked = model.marks.filter((m) => m.time >= from && m.time <= to).length;
  const marks = marked ? ` ${tp(lang, marked, '{0} marked point.', '{0} marked points.', formatNumber(lang, marked, 0))}` : '';
  const points = end - start;
  const summary = tp(
    lang,
    points,
    '{0}, {1} to {2}, {3} point. Latest: {4}.',
    '{0}, {1} to {2}, {3} points. Latest: {4}.',
    name,
    formatDateTime(lang, from),
    formatDateTime(lang, to),
    formatNumber(lang, points, 0),
    measures(lang, latest),
  );
  return `${summary}${thresholds}${bands}${marks}`;
}

/** Row `idx` read out: its time, each series' value, and the marks on it. */
export function describeRow(model: ChartModel, lang: string, idx: number): string {
  const xs = timesOf(model);
  const values = model.series.map((s, i) => `${s.label} ${formatWithUnit(lang, valueAt(model, i, idx), unitOf(model, i))}`);
  const marks = model.marks.filter((m) => nearestIndex(xs, m.time) === idx).map((m) => m.label);
  const row = t(lang, '{0}: {1}', formatDateTime(lang, xs[idx]!), measures(lang, values));
  return marks.length ? t(lang, '{0}. {1}', row, list(lang, marks)) : row;
}
