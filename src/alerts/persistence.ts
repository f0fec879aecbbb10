/**
 * Alert history and preferences in `localStorage`, one entry per backend base URL. What is
 * read back is checked field by field: anything corrupt is dropped with a console warning,
 * never trusted and never fatal.
 */
import { pageStorage } from '../util/page-storage.js';
import {
  DEFAULT_PREFERENCES,
  HISTORY_LIMIT,
  SEVERITIES,
  type Alert,
  type AlertDetail,
  type AlertPreferences,
  type HistoryEntry,
  type RulePreference,
  type Severity,
  type Silence,
  type SilenceRecord,
} from './types.js';

/** The part of the Web Storage API this needs (so tests and hosts can pass their own). */
export interface AlertStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What is kept per backend. */
export interface SavedAlerts {
  preferences: AlertPreferences;
  /** Resolved alerts and ended silences, newest first, at most {@link HISTORY_LIMIT}. */
  history: HistoryEntry[];
  /**
   * Alerts still firing or acknowledged when last saved, so a reload neither forgets an
   * acknowledgement nor announces a running alert as new.
   */
  active: Alert[];
  /** Silences still in force. */
  silences: Silence[];
}

const VERSION = 1;

/** The storage key for a backend: `pharos-alerts:v1:<base URL>` (`''` is the page's origin). */
export function alertStorageKey(baseUrl: string): string {
  return `pharos-alerts:v${VERSION}:${baseUrl}`;
}

/** `localStorage`, or null where it is unavailable (blocked, sandboxed, server). */
export function browserStorage(): AlertStorage | null {
  return pageStorage('localStorage');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeverity = (v: unknown): v is Severity => SEVERITIES.includes(v as Severity);
const finiteOrNull = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

function readPreferences(raw: unknown): AlertPreferences | null {
  if (!isObject(raw)) return null;
  const rules: Record<string, RulePreference> = {};
  if (isObject(raw.rules)) {
    for (const [id, pref] of Object.entries(raw.rules)) {
      if (!isObject(pref)) continue;
      const out: { -readonly [K in keyof RulePreference]: RulePreference[K] } = {};
      if (typeof pref.enabled === 'boolean') out.enabled = pref.enabled;
      if (typeof pref.value === 'number' && Number.isFinite(pref.value)) out.value = pref.value;
      if (typeof pref.samples === 'number' && Number.isInteger(pref.samples)) out.samples = pref.samples;
      if (Object.keys(out).length) rules[id] = out;
    }
  }
  return {
    rules,
    sound: typeof raw.sound === 'boolean' ? raw.sound : DEFAULT_PREFERENCES.sound,
    minSeverity: isSeverity(raw.minSeverity) ? raw.minSeverity : DEFAULT_PREFERENCES.minSeverity,
    notifications: typeof raw.notifications === 'boolean' ? raw.notifications : DEFAULT_PREFERENCES.notifications,
  };
}

/** The fields each kind of alert detail has, and their `typeof` (`array` for an array). */
const DETAIL_FIELDS: Readonly<Record<AlertDetail['kind'], Readonly<Record<string, string>>>> = {
  threshold: { subject: 'string', unit: 'string', direction: 'string', reading: 'number', limit: 'number', run: 'number' },
  anomaly: { subject: 'string', unit: 'string', direction: 'string', explanation: 'object' },
  failing: { names: 'array', all: 'boolean', attempts: 'number', error: 'object' },
  health: { status: 'string', said: 'string', down: 'array' },
  modules: { modules: 'array' },
  'worker-offline': {},
  'worker-silent': { limit: 'number' },
  'job-failed': { repoUrl: 'string', why: 'string' },
  text: { text: 'string' },
};

/**
 * A saved alert's detail when it has the fields its kind needs; undefined when there is none
 * (an earlier version's alert, with its `message` only); null when it is corrupt.
 */
function readDetail(raw: unknown): AlertDetail | null | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw) || typeof raw.kind !== 'string') return null;
  const fields = DETAIL_FIELDS[raw.kind as AlertDetail['kind']];
  if (!fields) return null;
  const ok = Object.entries(fields).every(([k, type]) => (type === 'array' ? Array.isArray(raw[k]) : typeof raw[k] === type));
  return ok ? (raw as unknown as AlertDetail) : null;
}

/** Reads a saved resolved alert (`active` false) or a firing/acknowledged one (`active` true). */
function readAlert(raw: unknown, active = false): Alert | null {
  if (!isObject(raw)) return null;
  const { id, ruleId, label, severity, since, value, message, acknowledgedAt, resolvedAt, note, comment } = raw;
  const detail = readDetail(raw.detail);
  if (typeof id !== 'string' || typeof ruleId !== 'string' || typeof label !== 'string') return null;
  // Its words: a detail, or (saved by an earlier version) a finished message.
  if (detail === null || (detail === undefined && typeof message !== 'string')) return null;
  if (!isSeverity(severity) || typeof since !== 'number' || !Number.isFinite(since)) return null;
  if (!finiteOrNull(acknowledgedAt)) return null;
  if (active ? resolvedAt !== null : typeof resolvedAt !== 'number' || !Number.isFinite(resolvedAt)) return null;
  if (!(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) return null;
  return {
    id,
    ruleId,
    label,
    severity,
    state: active ? (acknowledgedAt === null ? 'firing' : 'acknowledged') : 'resolved',
    since,
    value,
    ...(detail ? { detail } : { message: message as string }),
    acknowledgedAt,
    resolvedAt: active ? null : (resolvedAt as number),
    ...(typeof note === 'string' ? { note } : {}),
    ...(typeof comment === 'string' && comment ? { comment } : {}),
  };
}

const ENDINGS: readonly SilenceRecord['ended'][] = ['expired', 'resolved', 'lifted'];

/** Reads a saved silence in force (`ended` false) or an ended one from the history. */
function readSilence(raw: unknown, ended: boolean): Silence | SilenceRecord | null {
  if (!isObject(raw)) return null;
  const { id, scope, ruleId, alertId, label, severity, reason, startedAt, until, endedAt } = raw;
  if (typeof id !== 'string' || typeof ruleId !== 'string' || typeof label !== 'string' || typeof reason !== 'string' || !reason.trim()) return null;
  if ((scope !== 'rule' && scope !== 'alert') || !isSeverity(severity) || !(alertId === null || typeof alertId === 'string')) return null;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt) || !finiteOrNull(until)) return null;
  if ((scope === 'alert' || until === null) && alertId === null) return null;
  const silence: Silence = { id, scope, ruleId, alertId, label, severity, reason, startedAt, until };
  if (!ended) return silence;
  if (typeof endedAt !== 'number' || !Number.isFinite(endedAt) || !ENDINGS.includes(raw.ended as SilenceRecord['ended'])) return null;
  return { ...silence, kind: 'silence', endedAt, ended: raw.ended as SilenceRecord['ended'] };
}

function readEntry(raw: unknown): HistoryEntry | null {
  return isObject(raw) && raw.kind === 'silence' ? (readSilence(raw, true) as SilenceRecord | null) : readAlert(raw);
}

/**
 * Reads what was saved for `key`. Missing: defaults. Unreadable or of another shape: defaults
 * and a console warning. Individual corrupt alerts are dropped (one warning).
 */
export function loadAlerts(storage: AlertStorage | null, key: string): SavedAlerts {
  const empty: SavedAlerts = { preferences: DEFAULT_PREFERENCES, history: [], active: [], silences: [] };
  if (!storage) return empty;
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (error) {
    console.warn('[pharos] alert storage is not readable; using defaults', error);
    return empty;
  }
  if (text === null) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    console.warn(`[pharos] ignoring corrupt saved alerts in "${key}" (not JSON)`);
    return empty;
  }
  if (!isObject(raw) || raw.version !== VERSION) {
    console.warn(`[pharos] ignoring saved alerts in "${key}": unknown format`);
    return empty;
  }
  const preferences = readPreferences(raw.preferences);
  if (!preferences && raw.preferences !== undefined) console.warn(`[pharos] ignoring corrupt alert preferences in "${key}"`);
  const list = Array.isArray(raw.history) ? raw.history : [];
  const history = list.map(readEntry).filter((a): a is HistoryEntry => a !== null);
  if (history.length !== list.length || (raw.history !== undefined && !Array.isArray(raw.history))) {
    console.warn(`[pharos] dropped ${list.length - history.length || 'the'} corrupt saved alert(s) in "${key}"`);
  }
  const activeList = Array.isArray(raw.active) ? raw.active : [];
  const active = activeList.map((a) => readAlert(a, true)).filter((a): a is Alert => a !== null);
  if (active.length !== activeList.length) console.warn(`[pharos] dropped corrupt active alert(s) in "${key}"`);
  const silenceList = Array.isArray(raw.silences) ? raw.silences : [];
  const silences = silenceList.map((a) => readSilence(a, false)).filter((a): a is Silence => a !== null);
  if (silences.length !== silenceList.length) console.warn(`[pharos] dropped corrupt silence(s) in "${key}"`);
  return { preferences: preferences ?? DEFAULT_PREFERENCES, history: history.slice(0, HISTORY_LIMIT), active, silences };
}

/** Saves preferences, the active alerts, the silences and the newest {@link HISTORY_LIMIT} history entries. Storage errors (quota) only warn. */
export function saveAlerts(storage: AlertStorage | null, key: string, saved: SavedAlerts): void {
  if (!storage) return;
  const body = { version: VERSION, preferences: saved.preferences, history: saved.history.slice(0, HISTORY_LIMIT), active: saved.active, silences: saved.silences };
  try {
    storage.setItem(key, JSON.stringify(body));
  } catch (error) {
    console.warn('[pharos] could not save alerts', error);
  }
}
