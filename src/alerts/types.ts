/**
 * The vocabulary of smart alerts: rules (what to watch and when to fire), alerts (what fired
 * and what became of it) and preferences (what the user changed). Plain data and functions:
 * no DOM, so the engine can run and be tested anywhere.
 */
import type { AnomalyExplanation } from '../analysis/anomaly.js';
import type { ErrorKind, PharosError, Sentence } from '../api/errors.js';
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
  /** What to call it in messages, e.g. "System health" (English, declared with `translatable`: the UI translates it). */
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
  /**
   * Short name, e.g. "Connection pool usage". In English: the element shows it through its
   * translations (`t()`), so declare a default rule's with `translatable('…')`; a text with no
   * translation shows as it is.
   */
  readonly label: string;
  /** One sentence on what it watches, for the preferences form (English, translated like `label`). */
  readonly description: string;
  readonly severity: Severity;
}

/** Context for describing a status. */
export interface MessageContext {
  /** The engine's `lang` (alerts are worded later, by the view, in its own language). */
  readonly lang: string;
}

/** A request error an alert quotes, worded by the view: its kind and HTTP status, and what it says when the API client worded it. */
export interface AlertErrorRef {
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly description?: Sentence;
}

/**
 * What an alert says, as data: which explanation and the figures it needs, worded by the
 * view in its viewer's language (`describeAlert` in `components/alerts/alert-text.ts`), and
 * in English for Alertmanager (`alertmanagerAnnotations`). Names of rules, subjects and
 * watched endpoints are English texts declared with `translatable`; what the backend said
 * (`said`, module names and messages, `why`, `repoUrl`) is shown as it is.
 */
export type AlertDetail =
  /** "Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row." */
  | { readonly kind: 'threshold'; readonly subject: string; readonly unit: ThresholdUnit; readonly direction: 'above' | 'below'; readonly reading: number; readonly limit: number; readonly run: number }
  /** "Event handler P95 latency is unusually high: 412 ms, usually 120 ms (…)." */
  | { readonly kind: 'anomaly'; readonly subject: string; readonly unit: ThresholdUnit; readonly direction: 'up' | 'down'; readonly explanation: AnomalyExplanation }
  /** "Database fails: 3 attempts or more in a row." (`all`: no watched endpoint answers), and the error of one of them. */
  | { readonly kind: 'failing'; readonly names: readonly string[]; readonly all: boolean; readonly attempts: number; readonly error: AlertErrorRef | null }
  /** The backend's own health message (`said`, may be empty), and its unhealthy components (backend keys). */
  | { readonly kind: 'health'; readonly status: 'unhealthy' | 'degraded'; readonly said: string; readonly down: readonly string[] }
  /** Unhealthy backend modules, with what each said. */
  | { readonly kind: 'modules'; readonly modules: readonly { readonly name: string; readonly message: string }[] }
  /** No heartbeat from the edge worker on record. */
  | { readonly kind: 'worker-offline' }
  /** The edge worker's last heartbeat, in seconds ago (null: unknown), is older than `limit` seconds. */
  | { readonly kind: 'worker-silent'; readonly seconds: number | null; readonly limit: number }
  /** An ingestion job failed, and why as the backend says (may be empty). */
  | { readonly kind: 'job-failed'; readonly repoUrl: string; readonly why: string }
  /** A custom rule's own words (shown through the translations, so a page can translate them). */
  | { readonly kind: 'text'; readonly text: string };

/** A rule on a number read from a resource's value. */
export interface ThresholdRule<T = any> extends RuleBase {
  readonly resource: AlertTarget<T>;
  readonly condition: ThresholdCondition;
  /** The number to compare, or null for "no verdict" (e.g. no traffic). */
  read(value: T, input: RuleInput<T>): number | null;
  /** What the number is, for the message: "Connection pool usage" (English, translated like `label`). */
  readonly subject: string;
}

/** A rule on a status word read from a resource's value. */
export interface StatusRule<T = any> extends RuleBase {
  readonly resource: AlertTarget<T>;
  readonly condition: StatusCondition;
  /** The status word, or null for "no verdict". */
  read(value: T, input: RuleInput<T>): string | null;
  /** What is wrong while firing: a detail (worded by the view), or a rule's own words. */
  describe(status: string, value: T, ctx: MessageContext): AlertDetail | string;
}

/** A rule on the latest sample of a history series. */
export interface AnomalyRule<T = any> extends RuleBase {
  readonly resource: AlertTarget<T>;
  readonly condition: AnomalyCondition;
  /** What the series is, for the message: "Event handler P95 latency" (English, translated like `label`). */
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
  /** The rule's label when it fired (English; the view translates it). */
  readonly label: string;
  readonly severity: Severity;
  readonly state: AlertState;
  /** When the condition started to hold, ms since the epoch. */
  readonly since: number;
  /** The latest reading (a number or a status word), or null. */
  readonly value: number | string | null;
  /** What is wrong as of the latest reading, as data the view words in its language. */
  readonly detail?: AlertDetail;
  /**
   * What was wrong, as finished English text: only in alerts saved by earlier versions,
   * which had no `detail` (shown as it is).
   */
  readonly message?: string;
  /** When someone acknowledged it, or null. */
  readonly acknowledgedAt: number | null;
  /** What the person who acknowledged it noted ("checking the pool"), if anything. */
  readonly comment?: string;
  /** When the condition cleared, or null while active. */
  readonly resolvedAt: number | null;
  /** Why it ended, when not because the condition cleared: "Rule turned off" (English; the view translates it). */
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
