/**
 * The figures' formats that the panels use and the smallest elements do not: compact numbers,
 * percentages, milliseconds and a metric's chosen format. Apart from `format.ts`, so that an
 * element that shows none of them (the health panel) does not load them.
 */
import { MISSING, cached, finite, formatNumber, formatSeconds, toLocale, unit } from './format.js';

/** A compact number, e.g. `12K`. */
export function formatCompact(lang: string, n: number | null | undefined): string {
  if (!finite(n)) return MISSING;
  return cached(`c:${lang}`, () => new Intl.NumberFormat(toLocale(lang), { notation: 'compact', maximumFractionDigits: 1 })).format(n);
}

/** A fraction (0..1) as a percentage, e.g. `87.5%`. */
export function formatPercent(lang: string, fraction: number | null | undefined, maxFractionDigits = 1): string {
  if (!finite(fraction)) return MISSING;
  return cached(`p:${lang}:${maxFractionDigits}`, () => new Intl.NumberFormat(toLocale(lang), { style: 'percent', maximumFractionDigits: maxFractionDigits })).format(fraction);
}

/** A duration in milliseconds with a unit suited to its size: `850 ms`, `2.4 s`, `3 min`. */
export function formatMs(lang: string, ms: number | null | undefined): string {
  if (!finite(ms)) return MISSING;
  if (Math.abs(ms) < 1000) return unit(lang, ms, 'millisecond', ms < 10 ? 2 : ms < 100 ? 1 : 0);
  return formatSeconds(lang, ms / 1000);
}

/** How a numeric `value` is written. `percent` takes a fraction (0.87 → 87%). */
export type MetricFormat = 'number' | 'integer' | 'compact' | 'percent' | 'ms' | 'seconds';

/** Formats a metric value; strings are shown as given, missing numbers as `—`. */
export function formatMetric(lang: string, value: number | string | null | undefined, format: MetricFormat = 'number', digits = 1): string {
  if (typeof value === 'string') return value.trim() ? value : MISSING;
  switch (format) {
    case 'integer':
      return formatNumber(lang, value, 0);
    case 'compact':
      return formatCompact(lang, value);
    case 'percent':
      return formatPercent(lang, value, digits);
    case 'ms':
      return formatMs(lang, value);
    case 'seconds':
      return formatSeconds(lang, value);
    default:
      return formatNumber(lang, value, digits);
  }
}
