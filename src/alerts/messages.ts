/**
 * What an alert says, in plain English: one function per kind of condition, so the engine
 * decides when an alert fires and this file alone words it.
 */
import type { PharosError } from '../api/errors.js';
import { explainAnomaly, type AnomalyResult } from '../analysis/anomaly.js';
import { formatReading } from './conditions.js';
import { MAX_SAMPLES, type AnomalyCondition, type AnomalyRule, type ThresholdCondition, type ThresholdRule } from './types.js';

/** "Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row." */
export function thresholdMessage(lang: string, rule: ThresholdRule, condition: ThresholdCondition, latest: number, run: number): string {
  const fmt = (v: number) => formatReading(lang, condition.unit, v);
  const streak = run > 1 ? ` for ${run >= MAX_SAMPLES ? `${MAX_SAMPLES}+` : run} samples in a row` : '';
  return `${rule.subject} is ${fmt(latest)}, at or ${condition.direction} the ${fmt(condition.value)} limit${streak}.`;
}

/** "The event handlers' P95 latency is unusually high: …" (why, from the anomaly verdict). */
export function anomalyMessage(lang: string, rule: AnomalyRule, condition: AnomalyCondition, verdict: AnomalyResult): string {
  const fmt = (v: number) => formatReading(lang, condition.unit, v);
  const ratio = (v: number) => formatReading(lang, 'count', Math.round(v * 10) / 10);
  const why = explainAnomaly(verdict, { format: fmt, formatRatio: ratio });
  return `${rule.subject} is unusually ${verdict.direction === 'up' ? 'high' : 'low'}: ${why}.`;
}

/**
 * "Database fails: 3 attempts or more in a row. …", or "No watched endpoint answers" when
 * every one of several watched endpoints fails. `first` is an error to quote.
 */
export function failingMessage(names: readonly string[], watched: number, attempts: number, first: PharosError | null): string {
  const all = names.length === watched && watched > 1;
  const list = names.join(', ');
  const counted = `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`;
  return `${all ? 'No watched endpoint answers' : `${list} ${names.length === 1 ? 'fails' : 'fail'}`}: ${counted} or more in a row${all ? ` (${list})` : ''}.${first ? ` ${first.message}` : ''}`;
}
