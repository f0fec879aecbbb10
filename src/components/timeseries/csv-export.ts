/** CSV export: the visible rows of a chart as RFC 4180 text, and the file name to save it as. */
import { t } from '../../i18n/translate.js';
import { timesOf, unitOf, valueAt, visibleSpan, type ChartModel } from './chart-model.js';

/** A cell quoted only when it has to be (a comma, quote or line break inside). */
function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The visible data as CSV: a header row (`time`, in `lang`, and each series with its unit),
 * then one row per point: ISO 8601 UTC time, values with full precision, empty cells for gaps.
 */
export function toCSV(model: ChartModel, lang = 'en'): string {
  const xs = timesOf(model);
  const [start, end] = visibleSpan(model);
  const header = [t(lang, 'time'), ...model.series.map((s, i) => (unitOf(model, i) ? `${s.label} (${unitOf(model, i)})` : s.label))];
  const lines = [header.map(csvCell).join(',')];
  for (let i = start; i < end; i++) {
    const cells = [new Date(xs[i]!).toISOString()];
    for (let s = 0; s < model.series.length; s++) {
      const v = valueAt(model, s, i);
      cells.push(v === null ? '' : String(v));
    }
    lines.push(cells.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** `<label>.csv` with the label made safe for a file name (`timeseries.csv` without one). */
export function csvFileName(label: string): string {
  const name = label.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'timeseries';
  return `${name}.csv`;
}
