/** Bits of `<pharos-alerts>`' views shared by its active list and its on-demand panels. */
import { html, type TemplateResult } from 'lit';
import type { Alert, Severity } from '../../alerts/types.js';
import { SEVERITY_LOOK } from './severity.js';

/** A severity's icon and word, as a pill. */
export function renderSeverity(severity: Severity): TemplateResult {
  const look = SEVERITY_LOOK[severity];
  return html`<span part="severity" class="pill severity" data-severity=${severity}
    ><span class="pill-icon" aria-hidden="true">${look.icon}</span>${look.label}</span
  >`;
}

/** A short time of day: `14:02` (or `2:02 PM`, as the language has it). */
export function shortTime(lang: string, ms: number): string {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(ms));
}

/** "Acknowledged 14:02 — checking the pool". */
export function acknowledgedText(lang: string, alert: Pick<Alert, 'acknowledgedAt' | 'comment'>): string {
  if (alert.acknowledgedAt === null) return '';
  return `Acknowledged ${shortTime(lang, alert.acknowledgedAt)}${alert.comment ? ` — ${alert.comment}` : ''}`;
}
