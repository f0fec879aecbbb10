/**
 * The alert history as files: CSV for spreadsheets, JSON for scripts. Pure functions from
 * entries to text; the element turns the text into a download. Labels, messages and notes
 * are in the language the element passes (with its translations), English by default;
 * codes (type, severity, scope, how it ended) and column names stay as they are.
 */
import { alertMessage, ENGLISH, type Wording } from './messages.js';
import { isSilenceRecord, type HistoryEntry, type Severity } from './types.js';

/** The language of an export, and how to word it in that language. */
export interface ExportLanguage {
  lang: string;
  wording: Wording;
}

const EN: ExportLanguage = { lang: 'en', wording: ENGLISH };

/** What to keep of the history ({@link filterHistory}). */
export interface HistoryFilter {
  /** Only these severities; empty or omitted: all. */
  severities?: readonly Severity[];
  /** Only this rule id; omitted or empty: all. */
  ruleId?: string;
}

/** The entries matching `filter`, in their order. */
export function filterHistory(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  const severities = filter.severities?.length ? new Set(filter.severities) : null;
  return entries.filter((e) => (!severities || severities.has(e.severity)) && (!filter.ruleId || e.ruleId === filter.ruleId));
}

/** The columns of the CSV export, in order. */
export const HISTORY_CSV_COLUMNS = [
  'type',
  'id',
  'rule',
  'label',
  'severity',
  'started',
  'ended',
  'message',
  'acknowledged',
  'comment',
  'silence_scope',
  'silence_until',
  'reason',
  'ended_because',
] as const;

const iso = (ms: number | null | undefined) => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/** One entry as a flat record with the {@link HISTORY_CSV_COLUMNS}. */
function flatten(e: HistoryEntry, { lang, wording }: ExportLanguage): Record<(typeof HISTORY_CSV_COLUMNS)[number], string> {
  const { t } = wording;
  if (isSilenceRecord(e)) {
    return {
      type: 'silence',
      id: e.id,
      rule: e.ruleId,
      label: t(lang, e.label),
      severity: e.severity,
      started: iso(e.startedAt),
      ended: iso(e.endedAt),
      message: '',
      acknowledged: '',
      comment: '',
      silence_scope: e.scope,
      silence_until: e.until === null ? t(lang, 'until resolved') : iso(e.until),
      reason: e.reason,
      ended_because: e.ended,
    };
  }
  return {
    type: 'alert',
    id: e.id,
    rule: e.ruleId,
    label: t(lang, e.label),
    severity: e.severity,
    started: iso(e.since),
    ended: iso(e.resolvedAt),
    message: alertMessage(e, lang, wording),
    acknowledged: iso(e.acknowledgedAt),
    comment: e.comment ?? '',
    silence_scope: '',
    silence_until: '',
    reason: '',
    ended_because: e.note ? t(lang, e.note) : 'resolved',
  };
}

/**
 * One CSV cell (RFC 4180 quoting). Text a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`: backend messages and
 * typed comments are text, never formulas (OWASP "CSV injection").
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The entries as CSV: a header row, then one row per entry, CRLF line ends. */
export function historyToCsv(entries: readonly HistoryEntry[], language: ExportLanguage = EN): string {
  const rows = [HISTORY_CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const flat = flatten(e, language);
    rows.push(HISTORY_CSV_COLUMNS.map((c) => csvCell(flat[c])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

/**
 * The entries as JSON: `{ exportedAt, baseUrl, entries }`, times as ISO 8601 and as ms. An
 * alert keeps its `detail` (figures, for scripts) and has its `message` in words.
 */
export function historyToJson(entries: readonly HistoryEntry[], meta: { baseUrl: string; exportedAt: number }, { lang, wording }: ExportLanguage = EN): string {
  const { t } = wording;
  const entry = (e: HistoryEntry) =>
    isSilenceRecord(e)
      ? { type: 'silence', ...e, label: t(lang, e.label) }
      : { type: 'alert', ...e, label: t(lang, e.label), message: alertMessage(e, lang, wording), ...(e.note ? { note: t(lang, e.note) } : {}) };
  return JSON.stringify({ exportedAt: iso(meta.exportedAt), baseUrl: meta.baseUrl, entries: entries.map(entry) }, null, 2);
}
