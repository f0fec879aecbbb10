/**
 * The vocabulary of smart alerts: rules (what to watch and when to fire), alerts (what fired
 * and what became of it) and preferences (what the user changed). Plain data and functions:
 * no DOM, so the engine can run and be tested anywhere.
 */
import type { PharosError } from '../api/errors.js';
import type { HistoryBuffer } from '../store/history.js';
import type { ResourceDefinition } from '../store/resource.js';

/** How urgent an alert is. */
export type Severity = 'critical' | 'warning' | 'info';

/** Every severity, most urgent first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

/** Rank of each severity: higher is more urgent. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 3, warning: 2, info: 1 };

/** True when `severity` is at least `minimum`. */
export function atLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[minimum];
}

/** One resource of the store an alert rule watches: a definition and its parameters. */
export interface AlertTarget<T = any, P = any> {
  /** The endpoint, from `src/store/resources.ts`. */
  readonly definition: ResourceDefinition<T, P>;
  /** Its parameters (e.g. a job history limit); `undefined` for none. */
  readonly params: P;
  /** What to call it in messages, e.g. "System health". */
  readonly label: string;
}

/** What a rule sees of its resource at each attempt. */
export interface RuleInput<T = unknown> {
  /** The latest good value (kept through failures), or undefined before the first. */
  readonly value: T | undefined;
  /** True when this attempt succeeded (a new value); false for a failed attempt. */
  readonly ok: boolean;
  /** When the attempt finished, ms since the epoch. */
  readonly at: number;
  /** Consecutive failed attempts so far. */
  readonly failures: number;
  /** Error of this attempt, or null. */
  readonly error: PharosError | null;
  /** The resource's numeric history (for anomaly rules and rates of counters). */
  readonly history: HistoryBuffer;
  /** The resource's poll interval, to size history windows. */
  readonly intervalMs: number;
  /** The first good value this engine saw of the resource: "new since I started watching". */
  readonly baseline: T | undefined;
}

/** Units of a threshold, for messages and the preferences form. */
export type ThresholdUnit = 'percent' | 'ms' | 'seconds' | 'count';

/** Fires when a number stays at or above (or at or below) a limit for several samples in a row. */
export interface ThresholdCondition {
  readonly kind: 'threshold';
  readonly direction: 'above' | 'below';
  /** The limit, in the reading's own unit (a fraction 0..1 for `percent`). */
  readonly value: number;
  /** Consecutive samples beyond the limit before it fires (1 = at once). */
  readonly samples: number;
  /** How the reading and the limit are shown and typed. */
  readonly unit: ThresholdUnit;
}

/** Fires while a status word is one of `firing`. */
export interface StatusCondition {
  readonly kind: 'status';
  readonly firing: readonly string[];
}

/** Fires when the latest sample of a history series is far outside its trailing window. */
export interface AnomalyCondition {
  readonly kind: 'anomaly';
  /** History column of the rule's resource, e.g. `handler_p95`. */
  readonly series: string;
  /** Robust z-score from which the latest sample is anomalous (e.g. 3.5). */
  readonly value: number;
  /** Baseline samples before the latest. */
  readonly window: number;
  /** Fewer baseline samples than this give no verdict. */
  readonly minSamples: number;
  /** Which departures count: a latency only matters when it goes `up`. */
  readonly direction: 'up' | 'down' | 'both';
  /** Smallest spread in the series' unit, so a flat series does not flag a tiny wobble. */
  readonly absoluteFloor?: number;
  /** Unit of the series, for messages. */
  readonly unit: ThresholdUnit;
}

/** Fires when any watched resource has failed this many attempts in a row. */
export interface FailingCondition {
  readonly kind: 'failing';
  /** Consecutive failed attempts (the `value` a user can change). */
  readonly value: number;
}

/** Any rule condition. */
export type AlertCondition = ThresholdCondition | StatusCondition | AnomalyCondition | FailingCondition;

interface RuleBase {
  /** Stable id, used for preferences and history. */
  readonly id: string;
  /** Short name, e.g. "Connection pool usage". */
  readonly label: string;
  /** One sentence on what it watches, for the preferences form. */
  readonly description: string;
  readonly severity: Severity;
}

/** Context for building a message in plain words. */
export interface MessageContext {
  /** Language for numbers (`Intl`). */
  readonly lang: string;
}

/** A rule on a number read from a resource's value. */
export interface ThresholdRule<T = any> extends RuleBase {
  readonly resource: AlertTarget<T>;
  readonly condition: ThresholdCondition;
  /** The number to compare, or null for "no verdict" (e.g. no traffic). */
  read(value: T, input: RuleInput<T>): number | null;
  /** What the number is, for the message: "Connection pool usage". */
  readonly subject: string;
}

/** A rule on a status word read from a resource's value. */
export interface StatusRule<T = any> extends RuleBase {
  readonly resource: AlertTarget<T>;
  readonly condition: StatusCondition;
  /** The status word, or null for "no verdict". */
  read(value: T, input: RuleInput<T>): string | null;
  /** The message while firing, in plain words. */
  describe(status: string, value: T, ctx: MessageContext): string;
}

/** A rule on the latest sample of a history series. */
export interface AnomalyRule<T = any> extends RuleBase {
  readonly resource: AlertTarget<T>;
  readonly condition: AnomalyCondition;
  /** What the series is, for the message: "Event handler P95 latency". */
  readonly subject: string;
}

/** A rule on every watched resource's consecutive failures ("backend unreachable"). */
export interface FailingRule extends RuleBase {
  readonly condition: FailingCondition;
}

/** Any alert rule. */
export type AlertRule = ThresholdRule | StatusRule | AnomalyRule | FailingRule;

/** Lifecycle of an alert. */
export type AlertState = 'firing' | 'acknowledged' | 'resolved';

/** One alert: a rule's condition held from `since` (and, once resolved, until `resolvedAt`). */
export interface Alert {
  /** Unique: the rule id and the time it fired. */
  readonly id: string;
  readonly ruleId: string;
  /** The rule's label when it fired. */
  readonly label: string;
  readonly severity: Severity;
  readonly state: AlertState;
  /** When the condition started to hold, ms since the epoch. */
  readonly since: number;
  /** The latest reading (a number or a status word), or null. */
  readonly value: number | string | null;
  /** What is wrong, in plain words, as of the latest reading. */
  readonly message: string;
  /** When someone acknowledged it, or null. */
  readonly acknowledgedAt: number | null;
  /** What the person who acknowledged it noted ("checking the pool"), if anything. */
  readonly comment?: string;
  /** When the condition cleared, or null while active. */
  readonly resolvedAt: number | null;
  /** Why it ended, when not because the condition cleared (e.g. the rule was turned off). */
  readonly note?: string;
}

/** What a user changed about one rule. */
export interface RulePreference {
  /** False turns the rule off. */
  readonly enabled?: boolean;
  /** Overrides the condition's `value` (limit, z-score or attempts). */
  readonly value?: number;
  /** Overrides a threshold's consecutive samples. */
  readonly samples?: number;
}

/** Alert preferences of one backend. */
export interface AlertPreferences {
  /** Per rule id. */
  readonly rules: Readonly<Record<string, RulePreference>>;
  /** Beep when a critical or warning alert fires. Off by default (browsers block autoplay). */
  readonly sound: boolean;
  /** Alerts below this severity are kept but not shown, announced or sounded. */
  readonly minSeverity: Severity;
  /** Desktop notifications for new critical and warning alerts while the page is hidden. Off by default. */
  readonly notifications: boolean;
}

/** Preferences before anyone changes anything. */
export const DEFAULT_PREFERENCES: AlertPreferences = Object.freeze({ rules: Object.freeze({}), sound: false, minSeverity: 'info', notifications: false });

/**
 * A mute: while it lasts, the alerts it covers are still evaluated and shown (as silenced),
 * but make no sound, no notification and no announcement.
 */
export interface Silence {
  /** Unique id. */
  readonly id: string;
  /** `rule`: every alert of the rule; `alert`: only the alert `alertId`. */
  readonly scope: 'rule' | 'alert';
  readonly ruleId: string;
  /** The alert it was made from (required for scope `alert` and for "until it resolves"). */
  readonly alertId: string | null;
  /** The rule's label and severity when it was made (for history and export). */
  readonly label: string;
  readonly severity: Severity;
  /** Why, in the words of whoever made it (required). */
  readonly reason: string;
  /** When it was made, ms since the epoch. */
  readonly startedAt: number;
  /** When it ends by itself; null: when the alert `alertId` resolves. */
  readonly until: number | null;
}

/** A silence that has ended, as the history keeps it. */
export interface SilenceRecord extends Silence {
  readonly kind: 'silence';
  /** When it ended. */
  readonly endedAt: number;
  /** Why it ended: it expired, its alert resolved, or someone lifted it. */
  readonly ended: 'expired' | 'resolved' | 'lifted';
}

/** One entry of the history: a resolved alert or an ended silence. */
export type HistoryEntry = (Alert & { readonly kind?: undefined }) | SilenceRecord;

/** True for the history entries that are silences. */
export const isSilenceRecord = (entry: HistoryEntry): entry is SilenceRecord => entry.kind === 'silence';

/** When a history entry ended (resolved, or the silence ended). */
export const entryEnd = (entry: HistoryEntry): number => (isSilenceRecord(entry) ? entry.endedAt : (entry.resolvedAt ?? entry.since));

/** Most entries kept in history (and in storage). */
export const HISTORY_LIMIT = 1000;

/** Oldest history kept: entries that ended longer ago than this are dropped. */
export const HISTORY_MAX_AGE_MS = 30 * 86_400_000;

/** Largest number of consecutive samples or attempts a user can ask for. */
export const MAX_SAMPLES = 20;
