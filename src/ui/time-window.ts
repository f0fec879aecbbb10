import { tp } from '../i18n/translate.js';
import type { SourceHost } from '../store/lit/controllers.js';
import type { PharosSource } from '../store/source.js';
import { rangeEndingAt, windowDays } from '../store/time-range.js';
import { toLocale } from '../util/format.js';

/**
 * Parameters for a windowed resource (`/user-engagement`, `/recommendation-quality`): the
 * days of the host's current time range. Reads the range signal, so the controller switches
 * to the new window's resource when the range changes.
 */
export function windowDaysOf(host: SourceHost): () => number {
  return () => windowDays(host.source.timeRange.get());
}

/** "last 1 day", "last 7 days" (the number in the page's language). */
export function formatWindow(lang: string, days: number): string {
  const count = new Intl.NumberFormat(toLocale(lang), { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 0 }).format(days);
  return tp(lang, days, 'last {0}', 'last {0}', count);
}

/** The source's selected time range ending now, as `[fromMs, toMs]` (reads its signals). */
export function selectedRange(source: PharosSource): [number, number] {
  return rangeEndingAt(source.timeRange.get(), source.now.get());
}
