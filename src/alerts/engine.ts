/**
 * The alert engine: feeds each new result of a watched resource to the rules on it, and
 * keeps the alerts' lifecycle (firing → acknowledged → resolved into history). Pure state in
 * signals, no timers and no DOM: something else (the monitor, or a test) calls
 * {@link AlertEngine.update} when a resource has a new attempt.
 */
import { Signal } from 'signal-polyfill';
import { detectAnomaly } from '../internal/anomaly.js';
import { breaches, effectiveCondition, formatReading, ruleEnabled } from './conditions.js';
import {
  DEFAULT_PREFERENCES,
  HISTORY_LIMIT,
  MAX_SAMPLES,
  type Alert,
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
  /** Saved history, newest first. */
  history?: readonly Alert[];
  /** Saved active alerts; those of unknown rules are dropped. They continue, not re-announced. */
  active?: readonly Alert[];
  /** Language of messages (numbers through `Intl`). Default `en`. */
  lang?: string;
  /** Called after the active alerts (started, acknowledged, resolved), the history or the preferences changed (to persist them). */
  onChange?(what: 'active' | 'history' | 'preferences'): void;
}

/** A target's identity: its endpoint and parameters. */
export function targetKey(target: Pick<AlertTarget, 'definition' | 'params'>): string {
  return target.params === undefined ? target.definition.name : `${target.definition.name}?${JSON.stringify(target.params)}`;
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
 * engine.onFire((alert) => console.log(alert.message));
 * engine.update(databaseTarget, { value, ok: true, at: Date.now(), failures: 0, error: null, history, intervalMs: 30_000 });
 * engine.active.get(); // firing and acknowledged alerts
 */
export class AlertEngine {
  /** Every rule, in display order. */
  readonly rules: readonly AlertRule[];
  /** Firing and acknowledged alerts, oldest first. */
  readonly active = new Signal.State<readonly Alert[]>([]);
  /** Resolved alerts, newest first, at most {@link HISTORY_LIMIT}. */
  readonly history: Signal.State<readonly Alert[]>;
  /** The user's preferences. */
  readonly preferences: Signal.State<AlertPreferences>;
  /** When a rule was last evaluated, or null before the first result. */
  readonly checkedAt = new Signal.State<number | null>(null);
  /** Language of messages. */
  lang: string;

  private readonly onChange?: (what: 'active' | 'history' | 'preferences') => void;
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
    this.history = new Signal.State((options.history ?? []).slice(0, HISTORY_LIMIT));
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

  /** Marks an active alert acknowledged (still active, but silenced). Returns it, or null. */
  acknowledge(id: string, at: number): Alert | null {
    const current = this.active.get().find((a) => a.id === id);
    if (!current || current.state !== 'firing') return current ?? null;
    const next: Alert = { ...current, state: 'acknowledged', acknowledgedAt: at };
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

  /** Re-evaluates what can be re-evaluated without a new sample (after tuning). */
  private recheck(at: number): void {
    const preferences = this.preferences.get();
    for (const rule of this.rules) {
      if (!ruleEnabled(rule, preferences)) {
        this.resolve(rule.id, at, 'Rule turned off');
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
        if (condition.firing.includes(status)) this.raise(rule, input.at, status, r.describe(status, input.value, { lang: this.lang }));
        else this.resolve(rule.id, input.at);
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
    const fmt = (v: number) => formatReading(this.lang, condition.unit, v);
    const streak = run > 1 ? ` for ${run >= MAX_SAMPLES ? `${MAX_SAMPLES}+` : run} samples in a row` : '';
    const message = `${rule.subject} is ${fmt(latest.value)}, at or ${condition.direction} the ${fmt(condition.value)} limit${streak}.`;
    this.raise(rule, list[list.length - run]!.at, latest.value, message);
  }

  private judgeAnomaly(rule: AnomalyRule, condition: AnomalyCondition, input: RuleInput): void {
    // Enough rows for the baseline even with failed attempts and backoff in between.
    const from = input.at - input.intervalMs * (condition.window + 1) * 4;
    const column = input.history.window(from, input.at, [condition.series]).columns[condition.series]!;
    const verdict = detectAnomaly(column, {
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
    const fmt = (v: number) => formatReading(this.lang, condition.unit, v);
    const score = Number.isFinite(verdict.score) ? formatReading(this.lang, 'count', Math.abs(verdict.score)) : 'very high';
    const message = `${rule.subject} is ${fmt(verdict.latest)}, far ${verdict.direction === 'up' ? 'above' : 'below'} its recent median of ${fmt(verdict.median)} (robust z-score ${score}).`;
    this.raise(rule, this.activeFor(rule.id)?.since ?? input.at, verdict.latest, message);
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
      const names = failing.map((s) => s.target.label).join(', ');
      const first = failing.find((s) => s.input.error)?.input.error;
      const all = failing.length === watched.size && watched.size > 1;
      const attempts = `${condition.value} ${condition.value === 1 ? 'attempt' : 'attempts'}`;
      const message = `${all ? 'No watched endpoint answers' : `${names} ${failing.length === 1 ? 'fails' : 'fail'}`}: ${attempts} or more in a row${all ? ` (${names})` : ''}.${first ? ` ${first.message}` : ''}`;
      this.raise(rule, this.activeFor(rule.id)?.since ?? at, failing.length, message);
    }
  }

  private activeFor(ruleId: string): Alert | undefined {
    return this.active.get().find((a) => a.ruleId === ruleId);
  }

  /** Starts an alert, or updates the active one's reading and message. */
  private raise(rule: AlertRule, since: number, value: number | string, message: string): void {
    const current = this.activeFor(rule.id);
    if (current) {
      if (current.value === value && current.message === message) return;
      this.active.set(this.active.get().map((a) => (a === current ? { ...a, value, message } : a)));
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
      message,
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
    this.history.set([resolved, ...this.history.get()].slice(0, HISTORY_LIMIT));
    this.onChange?.('history');
  }
}
