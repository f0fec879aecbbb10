/**
 * Readable text for free-form backend values (model facts, Celery stats, metric records)
 * whose keys the library does not know in advance. Always returns plain text, never
 * "undefined", "NaN" or "[object Object]"; lit renders it escaped.
 */
import { parseUtc } from '../api/time.js';
import { t, tp } from '../i18n/translate.js';
import { formatNumber, formatSeconds, formatDateTime, humanize, MISSING } from '../util/format.js';
import { formatMs, formatPercent } from '../util/format-figures.js';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const MAX_TEXT = 200;
/** Keys whose numbers are counts, never shown as a percentage even below 1. */
const COUNT_KEY = /(^|_)(total|count|num|number|size|users|items|calls|requests|dim)(_|$)/i;
/** Keys whose 0..1 values are shares of something: shown as a percentage. */
const SHARE_KEY = /(rate|ratio|coverage|precision|recall|accuracy|share|fraction|ctr)/i;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * A number shown by what its key says it is: `_ms` durations, `_seconds`/`_s` durations,
 * `_mb` sizes, `_percent` percentages, and plain numbers otherwise.
 */
export function formatKeyedNumber(lang: string, key: string, n: number): string {
  if (!Number.isFinite(n)) return MISSING;
  if (/_ms$/i.test(key)) return formatMs(lang, n);
  if (/(_seconds|_secs|_s|^uptime)$/i.test(key)) return formatSeconds(lang, n);
  if (/_mb$/i.test(key)) return `${formatNumber(lang, n, 2)} MB`;
  if (/_percent$/i.test(key)) return formatPercent(lang, n / 100);
  return formatNumber(lang, n, Number.isInteger(n) ? 0 : 3);
}

/** Text for any JSON value under `key`: dates, booleans, numbers with units, short lists and objects summarised. */
export function formatFreeValue(lang: string, key: string, value: unknown): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'boolean') return value ? t(lang, 'Yes') : t(lang, 'No');
  if (typeof value === 'number') return formatKeyedNumber(lang, key, value);
  if (typeof value === 'string') {
    if (ISO_DATE_TIME.test(value)) {
      const date = parseUtc(value);
      if (date) return formatDateTime(lang, date);
    }
    return value.trim() === '' ? MISSING : clip(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t(lang, 'None');
    if (value.length <= 5 && value.every(isPrimitive)) return clip(value.map((v) => formatFreeValue(lang, key, v)).join(', '));
    return tp(lang, value.length, '{0} item', '{0} items', formatNumber(lang, value.length, 0));
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return t(lang, 'None');
    if (entries.length <= 4 && entries.every(([, v]) => isPrimitive(v))) {
      return clip(entries.map(([k, v]) => `${humanize(k)}: ${formatFreeValue(lang, k, v)}`).join(', '));
    }
    return tp(lang, entries.length, '{0} field', '{0} fields', formatNumber(lang, entries.length, 0));
  }
  return MISSING;
}

/**
 * A label for a free-form key: humanized, without the unit suffix the value already shows
 * (`file_size_mb` → "File size", shown as "3.42 MB") and with `num_` spelled out in `lang`
 * (`num_users` → "Number of users"). The key's own words stay the backend's.
 */
export function fieldLabel(lang: string, key: string): string {
  const bare = key.replace(/_(mb|ms|seconds|secs|percent)$/i, '');
  return /^num_/i.test(bare) ? t(lang, 'Number of {0}', humanize(bare.slice(4)).toLowerCase()) : humanize(bare);
}

/**
 * A quality or rate metric: a 0..1 value under a share-like key is a percentage, counts stay
 * counts, and other fractions (scores such as NDCG) keep three decimals.
 */
export function formatMetricValue(lang: string, key: string, value: number | string | null): string {
  if (typeof value !== 'number') return formatFreeValue(lang, key, value);
  if (!Number.isFinite(value)) return MISSING;
  if (!COUNT_KEY.test(key) && SHARE_KEY.test(key) && value >= 0 && value <= 1) return formatPercent(lang, value);
  return formatKeyedNumber(lang, key, value);
}
