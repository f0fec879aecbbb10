/**
 * Turns the worker-health history (one row per poll: `online`, `last_seen`,
 * `seconds_since_last_seen`, `failed`) into what the heartbeat timeline draws: state
 * segments over time, the distinct heartbeats seen, and counts for the text alternative.
 */
import { FAILED_SERIES } from '../../store/resource.js';
import type { HistoryBuffer } from '../../store/history.js';

/** The worker's state at one poll; `no-answer` = the poll itself failed. */
export type PollState = 'online' | 'degraded' | 'offline' | 'no-answer';

/** A stretch of time in one state, from one poll to the next. */
export interface TimelineSegment {
  from: number;
  to: number;
  state: PollState;
}

/** Everything the timeline shows for a time window. */
export interface HeartbeatTimeline {
  from: number;
  to: number;
  segments: TimelineSegment[];
  /** Times of the distinct heartbeats the polls saw, ascending. */
  beats: number[];
  /** Polls per state. */
  counts: Record<PollState, number>;
  /** How often the state changed between consecutive polls (flapping shows here). */
  changes: number;
}

/** The state recorded in one history row. */
function rowState(online: number, lastSeen: number, failed: number): PollState {
  if (failed === 1) return 'no-answer';
  if (online === 1) return 'online';
  // `online` is 0 both when degraded and when offline; offline has no heartbeat at all.
  return Number.isFinite(lastSeen) ? 'degraded' : 'offline';
}

/** Builds the timeline of the polls between `from` and `to` (ms since the epoch). */
export function heartbeatTimeline(history: HistoryBuffer, from: number, to: number): HeartbeatTimeline {
  // `window` misses a row stamped exactly `to` (its `to + 1e-9` is lost at epoch-ms
  // magnitude), so ask up to the next millisecond: row times are whole milliseconds.
  const { times, columns } = history.window(from, to + 1, ['online', 'last_seen', FAILED_SERIES]);
  const online = columns.online!;
  const lastSeen = columns.last_seen!;
  const failed = columns[FAILED_SERIES]!;
  const counts: Record<PollState, number> = { online: 0, degraded: 0, offline: 0, 'no-answer': 0 };
  const segments: TimelineSegment[] = [];
  const beats = new Set<number>();
  let changes = 0;
  for (let i = 0; i < times.length; i++) {
    const state = rowState(online[i]!, lastSeen[i]!, failed[i]!);
    counts[state]++;
    const start = times[i]!;
    const end = i + 1 < times.length ? times[i + 1]! : to;
    const previous = segments[segments.length - 1];
    if (previous && previous.state === state) previous.to = end;
    else {
      if (previous) changes++;
      segments.push({ from: start, to: end, state });
    }
    const seen = lastSeen[i]!;
    if (Number.isFinite(seen) && seen >= from && seen <= to) beats.add(seen);
  }
  return { from, to, segments, beats: [...beats].sort((a, b) => a - b), counts, changes };
}
