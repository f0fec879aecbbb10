/** The time axis's tick labels: chart code, so elements without a chart do not carry it. */
import { cached, toLocale } from '../../util/format.js';

const DAY_MS = 86_400_000;

/**
 * Time-axis tick labels on one line, in the viewer's zone and language: the time of day
 * (`10:40`) when ticks are less than a day apart, with the date when the ticks span more
 * than a day (`Nov 22, 14:00`), and the date alone for daily ticks.
 */
export function formatTimeTicks(lang: string, ticks: readonly number[], incrementMs: number): string[] {
  const spansDays = ticks.length > 1 && ticks[ticks.length - 1]! - ticks[0]! >= DAY_MS;
  const options: Intl.DateTimeFormatOptions =
    incrementMs >= DAY_MS
      ? { month: 'short', day: 'numeric' }
      : spansDays
        ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
        : { hour: 'numeric', minute: '2-digit' };
  const key = `x:${lang}:${Object.keys(options).join(',')}`;
  const f = cached(key, () => new Intl.DateTimeFormat(toLocale(lang), options));
  return ticks.map((t) => f.format(t));
}
