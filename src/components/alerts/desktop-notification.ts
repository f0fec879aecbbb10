/**
 * Desktop notifications for new alerts, through the Notification API. The constructor is
 * looked up when used (not at import), so a page or a test can provide its own.
 */
import type { Alert } from '../../alerts/types.js';
import { describeAlert } from './alert-text.js';
import { alertTitle } from './alert-views.js';

type NotificationCtor = typeof Notification;

const ctor = (): NotificationCtor | undefined => (globalThis as { Notification?: NotificationCtor }).Notification;

/** The page's permission for notifications, or `unsupported`. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  const N = ctor();
  return N ? N.permission : 'unsupported';
}

/**
 * Asks for permission (only call it from the person's own action: turning the option on).
 * Resolves with the answer; `unsupported` where there is no Notification API.
 */
export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  const N = ctor();
  if (!N) return 'unsupported';
  if (N.permission !== 'default') return N.permission;
  try {
    return await N.requestPermission();
  } catch {
    return N.permission;
  }
}

/**
 * Shows a notification for `alert` (when permitted), in `lang`, and calls `onClick` when it
 * is clicked. The tag is per backend and rule, so a repeat replaces the old notification.
 */
export function notifyAlert(lang: string, alert: Alert, baseUrl: string, onClick: () => void): Notification | null {
  const N = ctor();
  if (!N || N.permission !== 'granted') return null;
  try {
    const notification = new N(alertTitle(lang, alert), {
      body: describeAlert(lang, alert),
      tag: `pharos-alert:${baseUrl}:${alert.ruleId}`,
      data: { alertId: alert.id, baseUrl },
    });
    notification.onclick = () => {
      onClick();
      notification.close();
    };
    return notification;
  } catch {
    // Some browsers only allow notifications from a service worker: then there are none.
    return null;
  }
}
