/**
 * Silences: what a request to mute a rule or an alert says, how long one may last, and why a
 * request is refused (the engine keeps the silences themselves).
 */
import { DAY_MS } from '../analysis/anomaly.js';
import { translatable } from '../util/translatable.js';
import type { Alert, AlertRule } from './types.js';

/** What a new silence covers and how long it lasts (`AlertEngine.silence`). */
export interface SilenceRequest {
  /** `rule`: every alert of the alert's rule; `alert`: this alert only. */
  scope: 'rule' | 'alert';
  /** The alert it is made from, or null to silence a rule that is not firing. */
  alertId: string | null;
  /** The rule (needed when `alertId` is null). */
  ruleId?: string;
  /** Why (required, trimmed). */
  reason: string;
  /** When it ends, ms since the epoch; null: when the alert resolves. */
  until: number | null;
}

/** How long a silence may last at most. */
export const MAX_SILENCE_MS = 30 * DAY_MS;

/** Why `AlertEngine.silence` made no silence: the part of the request to correct, and why. */
export interface SilenceRefusal {
  readonly refused: true;
  /** What to correct: the `reason`, when it ends (`until`), or what it silences (`target`). */
  readonly field: 'reason' | 'until' | 'target';
  /** The same, in plain words for the person silencing (English: the view translates it). */
  readonly message: string;
}

/**
 * Why `request` cannot make a silence at `at`, checked in the order a person fills the form
 * in; null when it can. `alert` is the active alert it names (undefined when it names none or
 * one no longer active), `rule` the rule it silences.
 */
export function refuseSilence(request: SilenceRequest, at: number, alert: Alert | undefined, rule: AlertRule | undefined): SilenceRefusal | null {
  const refuse = (field: SilenceRefusal['field'], message: string): SilenceRefusal => ({ refused: true, field, message });
  if (!request.reason.trim()) return refuse('reason', translatable('Give a reason, so others know why it is muted.'));
  if (request.alertId !== null && !alert) return refuse('target', translatable('That alert is no longer active.'));
  if (!rule) return refuse('target', translatable('Unknown rule.'));
  if (request.until === null ? !alert : !Number.isFinite(request.until)) return refuse('until', translatable('Choose when the silence ends.'));
  if (request.until !== null && request.until <= at) return refuse('until', translatable('Choose an end in the future.'));
  // MAX_SILENCE_MS, in days.
  if (request.until !== null && request.until > at + MAX_SILENCE_MS) return refuse('until', translatable('A silence can last 30 days at most.'));
  if (request.scope === 'alert' && !alert) return refuse('target', translatable('Choose the alert to silence.'));
  return null;
}
