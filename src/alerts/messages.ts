/**
 * What an alert says, worded from its data (`Alert.detail`): one wording for every reader.
 * This layer sits below the translations (`src/i18n`), so the reader passes them in: the
 * view its `t`, `tp` and `list` in the viewer's language (`components/alerts/alert-text.ts`),
 * Alertmanager {@link ENGLISH} (`alertmanager.ts`: a server's payload stays English). The
 * English texts below are the translations' keys.
 */
import type { AnomalyExplanation } from '../analysis/anomaly.js';
import { inEnglish } from '../api/errors.js';
import { componentName } from '../api/monitoring.js';
import { formatNumber, formatSeconds } from '../util/format.js';
import { formatReading } from './conditions.js';
import { MAX_SAMPLES, type Alert, type AlertErrorRef } from './types.js';

/** How a reader words text: the functions of `src/i18n/translate.ts`, and how it quotes a request error. */
export interface Wording {
  t(lang: string, text: string, ...values: unknown[]): string;
  tp(lang: string, n: number, one: string, other: string, ...values: unknown[]): string;
  list(lang: string, items: readonly string[]): string;
  /** A request error an alert quotes: what the API client said, else its kind and status. */
  error(lang: string, error: AlertErrorRef): string;
}

const fill = (text: string, values: unknown[]) => text.replace(/\{(\d)\}/g, (_, i: string) => String(values[+i]));

/** The English texts as they are, for a server (Alertmanager). */
export const ENGLISH: Wording = {
  t: (_, text, ...values) => fill(text, values),
  tp: (_, n, one, other, ...values) => fill(n === 1 ? one : other, values),
  list: (_, items) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items),
  error: (_, e) => (e.description ? inEnglish(e.description) : `Last error: ${e.kind}${e.status ? `, HTTP ${e.status}` : ''}.`),
};

/**
 * What an anomaly verdict was measured against:
 * "412 ms, usually 120 ms (median of the last 30 samples); 5.1× the usual spread".
 * `format` writes a value of the series with its unit.
 */
export function anomalyWords(lang: string, e: AnomalyExplanation, format: (value: number) => string, w: Wording = ENGLISH): string {
  const { t, tp } = w;
  const samples = formatNumber(lang, e.samples, 0);
  const against =
    e.baseline === 'seasonal'
      ? tp(lang, e.days, 'median at this time of day on the last {0} day, {1} samples', 'median at this time of day on the last {0} days, {1} samples', formatNumber(lang, e.days, 0), samples)
      : tp(lang, e.samples, 'median of the last {0} sample', 'median of the last {0} samples', samples);
  const spreads = e.spreads === null ? t(lang, 'the usual spread is zero') : t(lang, '{0}× the usual spread', formatNumber(lang, Math.round(e.spreads * 10) / 10, 1));
  return t(lang, '{0}, usually {1} ({2}); {3}', format(e.latest), format(e.usual), against, spreads);
}

/**
 * What is wrong, in `lang` as `w` words it (English by default): "Connection pool usage is
 * 92%, at or above the 75% limit for 3 samples in a row." An alert saved by an earlier
 * version has no detail, only its finished English `message`: that is shown as it is.
 */
export function alertMessage(alert: Pick<Alert, 'detail' | 'message'>, lang = 'en', w: Wording = ENGLISH): string {
  const d = alert.detail;
  const { t, tp, list } = w;
  switch (d?.kind) {
    case 'threshold': {
      const fmt = (v: number) => formatReading(lang, d.unit, v);
      const values = [t(lang, d.subject), fmt(d.reading), fmt(d.limit), d.run >= MAX_SAMPLES ? `${formatNumber(lang, MAX_SAMPLES, 0)}+` : formatNumber(lang, d.run, 0)];
      // A run of one sample says nothing of a run; a longer one is always a plural.
      if (d.run > 1) {
        return d.direction === 'above'
          ? t(lang, '{0} is {1}, at or above the {2} limit for {3} samples in a row.', ...values)
          : t(lang, '{0} is {1}, at or below the {2} limit for {3} samples in a row.', ...values);
      }
      return d.direction === 'above' ? t(lang, '{0} is {1}, at or above the {2} limit.', ...values) : t(lang, '{0} is {1}, at or below the {2} limit.', ...values);
    }
    case 'anomaly': {
      const why = anomalyWords(lang, d.explanation, (v) => formatReading(lang, d.unit, v), w);
      return d.direction === 'up' ? t(lang, '{0} is unusually high: {1}.', t(lang, d.subject), why) : t(lang, '{0} is unusually low: {1}.', t(lang, d.subject), why);
    }
    case 'failing': {
      const names = list(lang, d.names.map((name) => t(lang, name)));
      const attempts = tp(lang, d.attempts, '{0} attempt', '{0} attempts', formatNumber(lang, d.attempts, 0));
      const text = d.all
        ? t(lang, 'No watched endpoint answers: {0} or more in a row ({1}).', attempts, names)
        : tp(lang, d.names.length, '{0} fails: {1} or more in a row.', '{0} fail: {1} or more in a row.', names, attempts);
      return d.error ? `${text} ${w.error(lang, d.error)}` : text;
    }
    case 'health': {
      // What the backend said (its words, as they are), else how it rates itself.
      const base = d.said || (d.status === 'unhealthy' ? t(lang, 'System health is unhealthy.') : t(lang, 'System health is degraded.'));
      if (d.down.length === 0) return base;
      const end = d.said && !/[.!?]$/.test(d.said) ? '.' : '';
      return `${base}${end} ${t(lang, 'Unhealthy: {0}.', list(lang, d.down.map((key) => t(lang, componentName(key)))))}`;
    }
    case 'modules': {
      const [first] = d.modules;
      if (d.modules.length !== 1 || !first) return t(lang, 'Modules {0} are unhealthy.', list(lang, d.modules.map((m) => m.name)));
      return first.message ? t(lang, 'Module {0} is unhealthy: {1}', first.name, first.message) : t(lang, 'Module {0} is unhealthy.', first.name);
    }
    case 'worker-offline':
      return t(lang, 'No heartbeat from the edge worker is on record (the backend forgets it after 10 minutes of silence): ingestion is unavailable.');
    case 'worker-silent':
      return d.seconds === null
        ? t(lang, 'The edge worker has not sent a heartbeat within the limit: new ingestions are refused.')
        : t(lang, "The edge worker's last heartbeat was {0} ago (limit {1}): new ingestions are refused.", formatSeconds(lang, d.seconds), formatSeconds(lang, d.limit));
    case 'job-failed':
      return d.why ? t(lang, 'Ingestion of {0} failed: {1}.', d.repoUrl, d.why) : t(lang, 'Ingestion of {0} failed.', d.repoUrl);
    case 'text':
      return t(lang, d.text);
    default:
      // Saved by an earlier version (finished English), or by a later one with a kind unknown here.
      return alert.message ?? '';
  }
}
