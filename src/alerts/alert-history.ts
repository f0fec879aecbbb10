/**
 * The alerts' history (resolved alerts and ended silences): how much of it is kept, and how
 * two tabs' histories merge into one.
 */
import { entryEnd, HISTORY_LIMIT, HISTORY_MAX_AGE_MS, type HistoryEntry } from './types.js';

/** Newest first by end, at most {@link HISTORY_LIMIT} entries, none ended more than {@link HISTORY_MAX_AGE_MS} before `at`. */
export function boundHistory(entries: readonly HistoryEntry[], at: number): HistoryEntry[] {
  const oldest = at - HISTORY_MAX_AGE_MS;
  return entries
    .filter((e) => entryEnd(e) >= oldest)
    .sort((a, b) => entryEnd(b) - entryEnd(a))
    .slice(0, HISTORY_LIMIT);
}

/** Both histories, each entry once (by id; `mine` wins), bounded. */
export function mergeHistory(mine: readonly HistoryEntry[], theirs: readonly HistoryEntry[], at: number): HistoryEntry[] {
  const ids = new Set(mine.map((e) => e.id));
  const extra = theirs.filter((e) => !ids.has(e.id));
  return extra.length === 0 ? boundHistory(mine, at) : boundHistory([...mine, ...extra], at);
}
