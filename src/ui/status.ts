import { translatable } from '../i18n/translate.js';

/**
 * One vocabulary for every status the backend can report, so every element shows the same
 * tone, icon and words. The icon and words carry the meaning; colour only reinforces it.
 */

/** Visual tone of a status. */
export type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'unknown';

/** The statuses a badge can show. */
export type BadgeStatus = 'healthy' | 'degraded' | 'down' | 'unknown' | 'not-applicable';

/** Tone, icon and label of each status; the label is English, to pass to `t`. */
export const STATUS_LOOK: Readonly<Record<BadgeStatus, { tone: Tone; icon: string; label: string }>> = {
  healthy: { tone: 'ok', icon: '✓', label: translatable('Healthy') },
  degraded: { tone: 'warn', icon: '!', label: translatable('Degraded') },
  down: { tone: 'danger', icon: '✕', label: translatable('Down') },
  unknown: { tone: 'unknown', icon: '?', label: translatable('Unknown') },
  'not-applicable': { tone: 'neutral', icon: '–', label: translatable('Not applicable') },
};

/** Maps any backend status word onto a badge status. */
export function toBadgeStatus(status: string | null | undefined): BadgeStatus {
  switch (status) {
    case 'healthy':
    case 'ok':
    case 'online':
    case 'completed':
      return 'healthy';
    case 'degraded':
    case 'warning':
      return 'degraded';
    case 'unhealthy':
    case 'down':
    case 'error':
    case 'offline':
    case 'failed':
      return 'down';
    case 'not_applicable':
    case 'not-applicable':
    case 'not-configured':
      return 'not-applicable';
    default:
      return 'unknown';
  }
}
