/** Bits of `<pharos-alerts>`' views shared by its active list and its on-demand panels. */
import { html, type TemplateResult } from 'lit';
import type { Alert, Severity } from '../../alerts/types.js';
import { t } from '../../i18n/translate.js';
import { SEVERITY_LOOK } from './severity.js';

/** A severity's icon and word, as a pill. */
export function renderSeverity(lang: string, severity: Severity): TemplateResult {
  const look = SEVERITY_LOOK[severity];
  return html`<span part="severity" class="pill severity" data-severity=${severity}
    ><span class="pill-icon" aria-hidden="true">${look.icon}</span>${t(lang, look.label)}</span
  >`;
}

/** A short time of day: `14:02` (or `2:02 PM`, as the language has it). */
export function shortTime(lang: string, ms: number): string {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(ms));
}

/** "Acknowledged 14:02 — checking the pool". */
export function acknowledgedText(lang: string, alert: Pick<Alert, 'acknowledgedAt' | 'comment'>): string {
  if (alert.acknowledgedAt === null) return '';
  const at = shortTime(lang, alert.acknowledgedAt);
  return alert.comment ? t(lang, 'Acknowledged {0} — {1}', at, alert.comment) : t(lang, 'Acknowledged {0}', at);
}

/** "Critical alert: Edge worker offline", in `lang`. */
export function alertTitle(lang: string, alert: Pick<Alert, 'severity' | 'label'>): string {
  const label = t(lang, alert.label);
  return alert.severity === 'critical'
    ? t(lang, 'Critical alert: {0}', label)
    : alert.severity === 'warning'
      ? t(lang, 'Warning alert: {0}', label)
      : t(lang, 'Info alert: {0}', label);
}
