/**
 * The last sparse-embedding run, remembered per backend in `localStorage` across reloads, and
 * the time estimate it gives for the next run. Anything unreadable in storage is ignored.
 */
import { pageStorage } from '../../util/page-storage.js';

/** How a run ended. `abandoned` = the user stopped waiting (the server went on). */
export type SparseRunOutcome = 'completed' | 'failed' | 'error' | 'abandoned';

/** One run, as remembered. */
export interface SparseRun {
  /** When it ended (or was abandoned), ms since the epoch. */
  at: number;
  /** How long the request took (or was waited for), in ms. */
  durationMs: number;
  outcome: SparseRunOutcome;
  /** The backend's job id, when it answered. */
  jobId: string | null;
  /** Resources processed (the backend's `resources_to_process`), when it answered. */
  resourcesProcessed: number | null;
  /** The backend's own estimate for the run, in minutes, when it answered. */
  estimatedDurationMinutes: number | null;
  /** How many resource IDs were asked for; 0 = every resource still missing one. */
  requestedIds: number;
  /** What went wrong, for `error`: the error's own description. */
  message: string | null;
  /** The kind of error (an `ErrorKind`), for `error`; null otherwise. */
  errorKind?: string | null;
  /** True when the backend answered with a status it does not document (counted as failed). */
  unknownStatus?: boolean;
}

/** What is stored: the last run, and the last completed one (the estimate's basis). */
export interface SparseRunRecord {
  last: SparseRun | null;
  lastCompleted: SparseRun | null;
}

const PREFIX = 'pharos:sparse-embeddings:v1:';

/** The storage key for a backend (`''` = this page's origin). */
export function storageKey(baseUrl: string): string {
  return PREFIX + (baseUrl || globalThis.location?.origin || '');
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => (num(v) ? v : null);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
const OUTCOMES: readonly SparseRunOutcome[] = ['completed', 'failed', 'error', 'abandoned'];

/** Reads one run, or null when its shape is wrong (corrupt or from another version). */
function readRun(raw: unknown): SparseRun | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (!num(r.at) || !num(r.durationMs) || r.durationMs < 0 || !OUTCOMES.includes(r.outcome as SparseRunOutcome)) return null;
  return {
    at: r.at,
    durationMs: r.durationMs,
    outcome: r.outcome as SparseRunOutcome,
    jobId: strOrNull(r.jobId),
    resourcesProcessed: numOrNull(r.resourcesProcessed),
    estimatedDurationMinutes: numOrNull(r.estimatedDurationMinutes),
    requestedIds: num(r.requestedIds) && r.requestedIds >= 0 ? r.requestedIds : 0,
    message: strOrNull(r.message),
    errorKind: strOrNull(r.errorKind),
    unknownStatus: r.unknownStatus === true,
  };
}

/** The remembered runs for a backend; empty when none, or when storage is unreadable. */
export function loadRuns(baseUrl: string, storage: Storage | null = pageStorage('localStorage')): SparseRunRecord {
  const empty = { last: null, lastCompleted: null };
  try {
    const text = storage?.getItem(storageKey(baseUrl));
    if (!text) return empty;
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (parsed === null || typeof parsed !== 'object') return empty;
    return { last: readRun(parsed.last), lastCompleted: readRun(parsed.lastCompleted) };
  } catch {
    return empty;
  }
}

/** Remembers a run; returns the new record. Storage failures (quota, privacy mode) are ignored. */
export function saveRun(baseUrl: string, run: SparseRun, storage: Storage | null = pageStorage('localStorage')): SparseRunRecord {
  const previous = loadRuns(baseUrl, storage);
  const record: SparseRunRecord = { last: run, lastCompleted: run.outcome === 'completed' ? run : previous.lastCompleted };
  try {
    storage?.setItem(storageKey(baseUrl), JSON.stringify(record));
  } catch {
    // Remembering is a convenience: the run itself is unaffected.
  }
  return record;
}

/**
 * An estimate of a run's total duration, and what it is based on: the last completed run's
 * rate (`last-run-rate`) or the backend's estimate for the last run (`backend-estimate`).
 */
export interface SparseEstimate {
  totalMs: number;
  basis: 'last-run-rate' | 'backend-estimate';
}

/**
 * How long a run asking for `requestedIds` resources (0 = all still missing) should take:
 * from the last completed run's rate when known, else from the backend's estimate for the
 * last run; null when there is nothing to go on.
 */
export function estimateRun(record: SparseRunRecord, requestedIds: number): SparseEstimate | null {
  const ref = record.lastCompleted;
  if (ref && ref.resourcesProcessed && ref.resourcesProcessed > 0 && ref.durationMs > 0) {
    const msPerResource = ref.durationMs / ref.resourcesProcessed;
    // For "all missing" the count is unknown until the answer: the last run's is the best guess.
    const count = requestedIds > 0 ? requestedIds : ref.resourcesProcessed;
    return { totalMs: msPerResource * count, basis: 'last-run-rate' };
  }
  const minutes = record.last?.estimatedDurationMinutes ?? ref?.estimatedDurationMinutes ?? null;
  if (minutes !== null && minutes > 0) return { totalMs: minutes * 60_000, basis: 'backend-estimate' };
  return null;
}

/** Resource IDs typed in a box: separated by commas, semicolons, spaces or new lines; duplicates dropped. */
export function parseResourceIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
}
