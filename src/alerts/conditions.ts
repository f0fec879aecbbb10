/**
 * Conditions as the user has tuned them, their limits, and numbers in each unit: shared by
 * the engine (messages) and the preferences form (inputs and validation).
 */
import { formatNumber, formatSeconds } from '../util/format.js';
import { translatable } from '../util/translatable.js';
import { formatMs, formatPercent } from '../util/format-figures.js';
import { MAX_SAMPLES, type AlertCondition, type AlertPreferences, type AlertRule, type ThresholdUnit } from './types.js';

/** A rule's condition with the user's overrides applied (invalid overrides ignored). */
export function effectiveCondition(rule: AlertRule, preferences: AlertPreferences): AlertCondition {
  const pref = preferences.rules[rule.id];
  const c = rule.condition;
  if (!pref || c.kind === 'status') return c;
  const value = pref.value !== undefined && validValue(c, pref.value) === null ? pref.value : c.value;
  if (c.kind === 'threshold') {
    const samples = pref.samples !== undefined && validSamples(pref.samples) === null ? pref.samples : c.samples;
    return { ...c, value, samples };
  }
  return { ...c, value };
}

/** Whether a rule is on. */
export function ruleEnabled(rule: AlertRule, preferences: AlertPreferences): boolean {
  return preferences.rules[rule.id]?.enabled !== false;
}

/** True when `reading` is at or beyond the threshold (a pool at exactly 80 % is at its limit). */
export function breaches(direction: 'above' | 'below', limit: number, reading: number): boolean {
  return direction === 'above' ? reading >= limit : reading <= limit;
}

/**
 * Why a tuned `value` is not acceptable for a condition, or null when it is. Values are in
 * the condition's own unit (a fraction for percentages). The reason is an English text to
 * translate, whose `{0}` is {@link MAX_SAMPLES}: the view shows `t(lang, reason, MAX_SAMPLES)`.
 */
export function validValue(condition: AlertCondition, value: number): string | null {
  if (!Number.isFinite(value)) return translatable('Enter a number.');
  switch (condition.kind) {
    case 'threshold':
      if (condition.unit === 'percent') return value < 0 || value > 1 ? translatable('Enter a percentage from 0 to 100.') : null;
      return value < 0 ? translatable('Enter zero or more.') : null;
    case 'anomaly':
      return value <= 0 || value > 50 ? translatable('Enter a score above 0 and at most 50.') : null;
    case 'failing':
      return validSamples(value) && translatable('Enter a whole number of attempts from 1 to {0}.');
    default:
      return null;
  }
}

/** Why a consecutive-samples count is not acceptable, or null (a text to translate, as {@link validValue}'s). */
export function validSamples(samples: number): string | null {
  return Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES ? null : translatable('Enter a whole number from 1 to {0}.');
}

/** A reading in its unit, e.g. `92%`, `240 ms`, `12`. */
export function formatReading(lang: string, unit: ThresholdUnit, value: number): string {
  switch (unit) {
    case 'percent':
      return formatPercent(lang, value, 1);
    case 'ms':
      return formatMs(lang, value);
    case 'seconds':
      return formatSeconds(lang, value);
    default:
      return formatNumber(lang, value, 2);
  }
}

/** What a user types for a value: percentages as 0..100, everything else as is. */
export function toInputNumber(unit: ThresholdUnit | null, value: number): number {
  return unit === 'percent' ? Math.round(value * 100 * 1000) / 1000 : value;
}

/** The stored value for what a user typed. */
export function fromInputNumber(unit: ThresholdUnit | null, typed: number): number {
  return unit === 'percent' ? typed / 100 : typed;
}

/** The unit of a condition's tunable value, or null when it is a plain count or score. */
export function valueUnit(condition: AlertCondition): ThresholdUnit | null {
  return condition.kind === 'threshold' ? condition.unit : null;
}
