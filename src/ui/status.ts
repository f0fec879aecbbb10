
/**
 * One vocabulary for every status the backend can report, so every element shows the same
 * tone, icon and words. The icon and words carry the meaning; colour only reinforces it.
 */

/** Visual tone of a status. */
export type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'unknown';

/** The statuses a badge can show. */
export type BadgeStatus = 'healthy' | 'degraded' | 'down' | 'unknown' | 'not-applicable';

/** Tone, icon and label of each status. */
export const STATUS_LOOK: Readonly<Record<BadgeStatus, { tone: Tone; icon: string; label: string }>> = {
  healthy: { tone: 'ok', icon: '✓', label: 'Healthy' },
  degraded: { tone: 'warn', icon: '!', label: 'Degraded' },
  down: { tone: 'danger', icon: '✕', label: 'Down' },
  unknown: { tone: 'unknown', icon: '?', label: 'Unknown' },
  'not-applicable': { tone: 'neutral', icon: '–', label: 'Not applicable' },
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
