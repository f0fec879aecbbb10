import { formatNumber, formatSeconds, MISSING } from '../../util/format.js';
import { formatMs } from '../../util/format-figures.js';

/**
 * A number with its unit, for chart legends, tooltips and tables: `ms` and `s` as
 * durations (`850 ms`, `2.4 s`), `%` as a percentage of 100 (`4.2 %`), anything else as
 * `<number> <unit>` (`12.5 req/s`). Missing values give {@link MISSING}.
 */
export function formatWithUnit(lang: string, value: number | null | undefined, unit = ''): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING;
  if (unit === 'ms') return formatMs(lang, value);
  if (unit === 's') return formatSeconds(lang, value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = formatNumber(lang, value, digits);
  if (!unit) return text;
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}

/** A short axis tick label: a plain number with at most two decimals, no unit. */
export function formatTick(lang: string, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return formatNumber(lang, value, Math.abs(value) >= 10 ? 0 : 2);
}
