/**
 * The alert engine: feeds each new result of a watched resource to the rules on it, and
 * keeps the alerts' lifecycle (firing → acknowledged → resolved into history). Pure state in
 * signals, no timers and no DOM: something else (the monitor, or a test) calls
 * {@link AlertEngine.update} when a resource has a new attempt.
 *
 * Its neighbours hold the rest: the wording of alerts' data (`messages.ts`), silence requests and
 * their refusals (`silences.ts`), the history's bounds and the merge of two tabs' histories
 * (`alert-history.ts`). What stays here is one class, over 400 lines, because evaluation and
 * lifecycle share the same state (readings, active alerts, silences) and split apart they
 * would have to hand it to each other.
 */
import { Signal } from 'signal-polyfill';
import { DAY_MS, detectAnomalyAt, explainAnomaly } from '../analysis/anomaly.js';
import { resourceKey } from '../store/resource.js';
import { boundHistory, mergeHistory } from './alert-history.js';
import { breaches, effectiveCondition, ruleEnabled } from './conditions.js';
import { refuseSilence, type SilenceRefusal, type SilenceRequest } from './silences.js';
import { translatable } from '../util/translatable.js';
import {
  DEFAULT_PREFERENCES,
  MAX_SAMPLES,
  type Alert,
  type AlertDetail,
  type HistoryEntry,
  type Silence,
  type SilenceRecord,
  type AlertPreferences,
  type AlertRule,
  type AlertTarget,
  type AnomalyCondition,
  type AnomalyRule,
  type FailingRule,
  type RuleInput,
  type RulePreference,
  type StatusRule,
  type ThresholdCondition,
  type ThresholdRule,
} from './types.js';

/** How to build an {@link AlertEngine}. */
export interface AlertEngineOptions {
  /** The rules to evaluate. */
  rules: readonly AlertRule[];
  /** Saved preferences. */
  preferences?: AlertPreferences;
  /** Saved history (resolved alerts and ended silences), newest first. */
  history?: readonly HistoryEntry[];
  /** Saved active alerts; those of unknown rules are dropped. They continue, not re-announced. */
  active?: readonly Alert[];
  /** Saved silences in force. */
  silences?: readonly Silence[];
  /**
   * The alert another view (another tab) already has for a rule, if any: a new alert of that
   * rule takes its id, start and acknowledgement instead of starting afresh, so every tab
   * names one alert the same way.
   */
  shared?(ruleId: string): Alert | undefined;
  /** Passed to status rules' `describe` (alerts are data: each view words them in its own language). Default `en`. */
  lang?: string;
  /** Called after the active alerts (started, acknowledged, resolved), the history or the preferences changed (to persist them). */
  onChange?(what: ChangeKind): void;
}

/** What changed, for {@link AlertEngineOptions.onChange}. */
export type ChangeKind = 'active' | 'history' | 'preferences' | 'silences';

/** A target's identity: its endpoint and parameters, keyed as its resource is in a source. */
export function targetKey(target: Pick<AlertTarget, 'definition' | 'params'>): string {
  return resourceKey(target.definition.name, target.params);
}

/** A target's latest attempt, as the "failing" rules need it. */
interface TargetState {
  readonly target: AlertTarget;
  readonly input: RuleInput;
}

const isFailing = (rule: AlertRule): rule is FailingRule => rule.condition.kind === 'failing';
const hasTarget = (rule: AlertRule): rule is ThresholdRule | StatusRule | AnomalyRule => 'resource' in rule;

/**
 * Evaluates alert rules against resource results and holds the alerts.
 *
 * @example
 * const engine = new AlertEngine({ rules: DEFAULT_RULES });
 * engine.onFire((alert) => console.log(alertMessage(alert)));
 * engine.update(databaseTarget, { value, ok: true, at: Date.now(), failures: 0, error: null, history, intervalMs: 30_000 });
 * engine.active.get(); // firing and acknowledged alerts
 */
export class AlertEngine {
  /** Every rule, in display order. */
  readonly rules: readonly AlertRule[];
  /** Firing and acknowledged alerts, oldest first. */
  readonly active = new Signal.State<readonly Alert[]>([]);
  /** Resolved alerts and ended silences, newest first (by end), at most `HISTORY_LIMIT` entries and `HISTORY_MAX_AGE_MS` old. */
  readonly history: Signal.State<readonly HistoryEntry[]>;
  /** Silences in force, oldest first. */
  readonly silences: Signal.State<readonly Silence[]>;
  /** The user's preferences. */
  readonly preferences: Signal.State<AlertPreferences>;
  /** When a rule was last evaluated, or null before the first result. */
  readonly checkedAt = new Signal.State<number | null>(null);
  /** Passed to status rules' `describe`. */
  lang: string;

  private readonly onChange?: (what: ChangeKind) => void;
  private readonly shared?: (ruleId: string) => Alert | undefined;
  private readonly listeners = new Set<(alert: Alert) => void>();
  /** Recent readings of each threshold rule, newest last. */
  private readonly readings = new Map<string, { at: number; value: number }[]>();
  /** Latest successful input of each anomaly rule's target, to re-check after tuning. */
  private readonly anomalyInputs = new Map<string, RuleInput>();
  private readonly targetStates = new Map<string, TargetState>();
  private readonly baselines = new Map<string, unknown>();
  private sequence = 0;

  constructor(options: AlertEngineOptions) {
    this.rules = options.rules;
    this.preferences = new Signal.State(options.preferences ?? DEFAULT_PREFERENCES);
    this.history = new Signal.State(boundHistory(options.history ?? [], -Infinity));
    this.silences = new Signal.State(options.silences ?? []);
    this.shared = options.shared;
    const known = new Set(this.rules.map((r) => r.id));
    const restored = (options.active ?? []).filter((a) => known.has(a.ruleId) && a.state !== 'resolved');
    // One active alert per rule, as raise() keeps it.
    this.active.set(restored.filter((a, i) => restored.findIndex((b) => b.ruleId === a.ruleId) === i));
    this.lang = options.lang ?? 'en';
    this.onChange = options.onChange;
  }

  /** The rule with this id. */
  rule(id: string): AlertRule | undefined {
    return this.rules.find((r) => r.id === id);
  }

  /**
   * The resources the enabled rules watch, each once (a signal read: re-read it after the
   * preferences change). The "failing" rules watch whatever the others do.
   */
  targets(): AlertTarget[] {
    const preferences = this.preferences.get();
    const byKey = new Map<string, AlertTarget>();
    for (const rule of this.rules) {
      if (hasTarget(rule) && ruleEnabled(rule, preferences)) byKey.set(targetKey(rule.resource), rule.resource);
    }
    return [...byKey.values()];
  }

  /** Calls `listener` with each newly firing alert (not again while it stays active). */
  onFire(listener: (alert: Alert) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Feeds one attempt of a target (success or failure) to the rules watching it. Call it
   * once per attempt: threshold rules count each call as a sample.
   */
  update(target: Pick<AlertTarget, 'definition' | 'params'> & Partial<Pick<AlertTarget, 'label'>>, attempt: Omit<RuleInput, 'baseline'>): void {
    const key = targetKey(target);
    if (attempt.ok && !this.baselines.has(key)) this.baselines.set(key, attempt.value);
    const input: RuleInput = { ...attempt, baseline: this.baselines.get(key) };
    const preferences = this.preferences.get();
    const watching = this.rules.filter(hasTarget).find((r) => targetKey(r.resource) === key);
    const label = target.label ?? watching?.resource.label ?? target.definition.name;
    this.targetStates.set(key, { target: { definition: target.definition, params: target.params, label }, input });

    for (const rule of this.rules) {
      if (!hasTarget(rule) || targetKey(rule.resource) !== key || !ruleEnabled(rule, preferences)) continue;
      if (!input.ok || input.value === undefined) continue; // a failed attempt is no new sample
      try {
        this.evaluate(rule, input, preferences);
      } catch (error) {
        console.warn(`[pharos] alert rule ${rule.id} could not be evaluated`, error);
      }
    }
    this.evaluateFailing(input.at, preferences);
    this.checkedAt.set(input.at);
  }

  /**
   * Marks an active alert acknowledged (still active and evaluated, no longer counted as
   * unacknowledged), with an optional comment ("checking the pool"). Returns it, or null.
   */
  acknowledge(id: string, at: number, comment = ''): Alert | null {
    const current = this.active.get().find((a) => a.id === id);
    if (!current || current.state !== 'firing') return current ?? null;
    const note = comment.trim();
    const next: Alert = { ...current, state: 'acknowledged', acknowledgedAt: at, ...(note ? { comment: note } : {}) };
    this.active.set(this.active.get().map((a) => (a.id === id ? next : a)));
    this.onChange?.('active');
    return next;
  }

  /** Replaces the preferences and re-checks what they affect. */
  setPreferences(preferences: AlertPreferences, at: number): void {
    this.preferences.set(preferences);
    this.onChange?.('preferences');
    this.recheck(at);
  }

  /** Changes one rule's preference (`undefined` fields are cleared). */
  setRulePreference(ruleId: string, patch: RulePreference, at: number): void {
    const current = this.preferences.get();
    const merged = { ...current.rules[ruleId], ...patch };
    for (const k of Object.keys(merged) as (keyof RulePreference)[]) if (merged[k] === undefined) delete merged[k];
    const rules = { ...current.rules, [ruleId]: merged };
    if (Object.keys(merged).length === 0) delete rules[ruleId];
    this.setPreferences({ ...current, rules }, at);
  }

  /** Empties the history. */
  clearHistory(): void {
    this.history.set([]);
    this.onChange?.('history');
  }

  /**
   * Mutes a rule or one alert: no sound, notification or announcement while it lasts, but
   * evaluation goes on and the alert stays shown. Returns the silence, or a refusal that
   * names the part of the request to correct and says why in plain words.
   */
  silence(request: SilenceRequest, at: number): Silence | SilenceRefusal {
    const alert = request.alertId === null ? undefined : this.active.get().find((a) => a.id === request.alertId);
    const rule = this.rule(alert?.ruleId ?? request.ruleId ?? '');
    const refusal = refuseSilence(request, at, alert, rule);
    if (refusal || !rule) return refusal!; // a request without a known rule is refused
    const silence: Silence = {
      id: `silence:${rule.id}@${at}.${++this.sequence}`,
      scope: request.scope,
      ruleId: rule.id,
      alertId: alert?.id ?? null,
      label: rule.label,
      severity: rule.severity,
      reason: request.reason.trim(),
      startedAt: at,
      until: request.until,
    };
    this.silences.set([...this.silences.get(), silence]);
    this.onChange?.('silences');
    return silence;
  }

  /** Ends a silence early. */
  lift(silenceId: string, at: number): void {
    this.endSilences((s) => s.id === silenceId, at, 'lifted');
  }

  /** Ends the silences whose time is up (call it with the clock's time). */
  expireSilences(at: number): void {
    this.endSilences((s) => s.until !== null && s.until <= at, at, 'expired');
  }

  /** The silence muting `alert` at `at`, if any. */
  silenceFor(alert: Pick<Alert, 'id' | 'ruleId'>, at: number): Silence | undefined {
    return this.silences
      .get()
      .find((s) => (s.until === null || s.until > at) && (s.scope === 'rule' ? s.ruleId === alert.ruleId : s.alertId === alert.id));
  }

  /** When the next silence ends by itself, or null. */
  nextSilenceEnd(): number | null {
    const ends = this.silences.get().flatMap((s) => (s.until === null ? [] : [s.until]));
    return ends.length ? Math.min(...ends) : null;
  }

  /**
   * Takes over what another view (another tab of this browser) saved: preferences,
   * silences, acknowledgements of the same alerts and history entries this one lacks.
   * Calls no `onChange`: it is news from elsewhere, not something to save again.
   */
  adopt(saved: { preferences: AlertPreferences; history: readonly HistoryEntry[]; active: readonly Alert[]; silences: readonly Silence[] }, at: number): void {
    if (JSON.stringify(saved.preferences) !== JSON.stringify(this.preferences.get())) {
      this.preferences.set(saved.preferences);
      this.recheck(at);
    }
    if (JSON.stringify(saved.silences) !== JSON.stringify(this.silences.get())) this.silences.set(saved.silences);
    const acked = new Map(saved.active.filter((a) => a.state === 'acknowledged').map((a) => [a.id, a]));
    const active = this.active.get();
    if (active.some((a) => a.state === 'firing' && acked.has(a.id))) {
      this.active.set(
        active.map((a) => {
          const other = a.state === 'firing' ? acked.get(a.id) : undefined;
          return other ? { ...a, state: 'acknowledged', acknowledgedAt: other.acknowledgedAt, ...(other.comment ? { comment: other.comment } : {}) } : a;
        }),
      );
    }
    const merged = mergeHistory(this.history.get(), saved.history, at);
    if (merged.length !== this.history.get().length || merged.some((e, i) => e !== this.history.get()[i])) this.history.set(merged);
  }

  private endSilences(which: (s: Silence) => boolean, at: number, ended: SilenceRecord['ended']): void {
    const ending = this.silences.get().filter(which);
    if (ending.length === 0) return;
    this.silences.set(this.silences.get().filter((s) => !which(s)));
    const records: SilenceRecord[] = ending.map((s) => ({ ...s, kind: 'silence', endedAt: Math.max(at, s.startedAt), ended }));
    this.history.set(boundHistory([...records.reverse(), ...this.history.get()], at));
    this.onChange?.('silences');
    this.onChange?.('history');
  }

  /** Re-evaluates what can be re-evaluated without a new sample (after tuning). */
  private recheck(at: number): void {
    const preferences = this.preferences.get();
    for (const rule of this.rules) {
      if (!ruleEnabled(rule, preferences)) {
        this.resolve(rule.id, at, translatable('Rule turned off'));
        if (rule.condition.kind === 'threshold') this.readings.delete(rule.id);
        continue;
      }
      const condition = effectiveCondition(rule, preferences);
      if (condition.kind === 'threshold') this.judgeThreshold(rule as ThresholdRule, condition, at);
      else if (condition.kind === 'anomaly') {
        const input = this.anomalyInputs.get(rule.id);
        if (input) this.judgeAnomaly(rule as AnomalyRule, condition, input);
      }
    }
    this.evaluateFailing(at, preferences);
  }

  private evaluate(rule: ThresholdRule | StatusRule | AnomalyRule, input: RuleInput, preferences: AlertPreferences): void {
    const condition = effectiveCondition(rule, preferences);
    switch (condition.kind) {
      case 'threshold': {
        const reading = (rule as ThresholdRule).read(input.value, input);
        if (reading === null || !Number.isFinite(reading)) return; // no verdict
        const list = this.readings.get(rule.id) ?? [];
        list.push({ at: input.at, value: reading });
        if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
        this.readings.set(rule.id, list);
        this.judgeThreshold(rule as ThresholdRule, condition, input.at);
        return;
      }
      case 'status': {
        const r = rule as StatusRule;
        const status = r.read(input.value, input);
        if (status === null) return;
        if (condition.firing.includes(status)) {
          const detail = r.describe(status, input.value, { lang: this.lang });
          this.raise(rule, input.at, status, typeof detail === 'string' ? { kind: 'text', text: detail } : detail);
        } else this.resolve(rule.id, input.at);
        return;
      }
      case 'anomaly':
        this.anomalyInputs.set(rule.id, input);
        this.judgeAnomaly(rule as AnomalyRule, condition, input);
        return;
    }
  }

  private judgeThreshold(rule: ThresholdRule, condition: ThresholdCondition, at: number): void {
    const list = this.readings.get(rule.id);
    if (!list || list.length === 0) return;
    let run = 0;
    while (run < list.length && breaches(condition.direction, condition.value, list[list.length - 1 - run]!.value)) run++;
    const latest = list[list.length - 1]!;
    if (run === 0) {
      this.resolve(rule.id, at);
      return;
    }
    const active = this.activeFor(rule.id);
    if (!active && run < condition.samples) return;
    const { direction, value: limit, unit } = condition;
    this.raise(rule, list[list.length - run]!.at, latest.value, { kind: 'threshold', subject: rule.subject, unit, direction, reading: latest.value, limit, run });
  }

  private judgeAnomaly(rule: AnomalyRule, condition: AnomalyCondition, input: RuleInput): void {
    // Enough rows for the seasonal baseline (same time of day, up to a week back); the
    // trailing one takes the newest of them.
    const from = input.at - 7 * DAY_MS - input.intervalMs * (condition.window + 1) * 4;
    const { times, columns } = input.history.window(from, input.at, [condition.series]);
    const verdict = detectAnomalyAt(times, columns[condition.series]!, {
      window: condition.window,
      minSamples: condition.minSamples,
      threshold: condition.value,
      absoluteFloor: condition.absoluteFloor ?? 0,
    });
    if (verdict.score === null || verdict.latest === null || verdict.median === null) return; // too little data
    const wanted = condition.direction === 'both' || condition.direction === verdict.direction;
    if (!verdict.anomalous || !wanted) {
      this.resolve(rule.id, input.at);
      return;
    }
    const detail: AlertDetail = { kind: 'anomaly', subject: rule.subject, unit: condition.unit, direction: verdict.direction!, explanation: explainAnomaly(verdict)! };
    this.raise(rule, this.activeFor(rule.id)?.since ?? input.at, verdict.latest, detail);
  }

  private evaluateFailing(at: number, preferences: AlertPreferences): void {
    const watched = new Set(this.targets().map(targetKey));
    for (const rule of this.rules) {
      if (!isFailing(rule) || !ruleEnabled(rule, preferences)) continue;
      const condition = effectiveCondition(rule, preferences);
      if (condition.kind !== 'failing') continue;
      const failing = [...this.targetStates.entries()]
        .filter(([key, s]) => watched.has(key) && s.input.failures >= condition.value)
        .map(([, s]) => s);
      if (failing.length === 0) {
        this.resolve(rule.id, at);
        continue;
      }
      const error = failing.find((s) => s.input.error)?.input.error;
      this.raise(rule, this.activeFor(rule.id)?.since ?? at, failing.length, {
        kind: 'failing',
        names: failing.map((s) => s.target.label),
        all: failing.length === watched.size && watched.size > 1,
        attempts: condition.value,
        // The error as data (its `message` is English): the view words it.
        error: error
          ? { kind: error.kind, ...(error.status === undefined ? {} : { status: error.status }), ...(error.description ? { description: error.description } : {}) }
          : null,
      });
    }
  }

  private activeFor(ruleId: string): Alert | undefined {
    return this.active.get().find((a) => a.ruleId === ruleId);
  }

  /** Starts an alert, or updates the active one's reading and detail. */
  private raise(rule: AlertRule, since: number, value: number | string, detail: AlertDetail): void {
    const current = this.activeFor(rule.id);
    if (current) {
      if (current.value === value && JSON.stringify(current.detail) === JSON.stringify(detail)) return;
      // An alert restored from an earlier version loses its English message: the detail says it now.
      const { message: _, ...rest } = current;
      this.active.set(this.active.get().map((a) => (a === current ? { ...rest, value, detail } : a)));
      return;
    }
    // Another tab's alert of the rule is the same alert: same id, start and acknowledgement.
    const other = this.shared?.(rule.id);
    if (other && other.state !== 'resolved' && !this.history.get().some((e) => e.id === other.id)) {
      const { message: _, ...shared } = other;
      this.active.set([...this.active.get(), { ...shared, label: rule.label, severity: rule.severity, value, detail }]);
      this.onChange?.('active');
      return;
    }
    const alert: Alert = {
      id: `${rule.id}@${since}.${++this.sequence}`,
      ruleId: rule.id,
      label: rule.label,
      severity: rule.severity,
      state: 'firing',
      since,
      value,
      detail,
      acknowledgedAt: null,
      resolvedAt: null,
    };
    this.active.set([...this.active.get(), alert]);
    this.onChange?.('active');
    for (const listener of [...this.listeners]) {
      try {
        listener(alert);
      } catch (error) {
        console.warn('[pharos] an alert listener failed', error);
      }
    }
  }

  /** Ends the rule's active alert, if any, into history. */
  private resolve(ruleId: string, at: number, note?: string): void {
    const current = this.activeFor(ruleId);
    if (!current) return;
    const resolved: Alert = { ...current, state: 'resolved', resolvedAt: Math.max(at, current.since), ...(note ? { note } : {}) };
    this.active.set(this.active.get().filter((a) => a !== current));
    this.history.set(boundHistory([resolved, ...this.history.get()], at));
    this.onChange?.('history');
    // Silences of this alert alone, or until it resolves, end with it.
    this.endSilences((s) => s.alertId === current.id && (s.scope === 'alert' || s.until === null), at, 'resolved');
  }
}
