/**
 * One page (the test page, or a same-origin frame standing in for a second tab) with an
 * instrumented `<pharos-alerts>`: its `Notification` constructor is replaced by a recorder
 * (nothing else is stubbed) and its alert sound counts instead of playing. The frame loads
 * this module through `alerts-page.html` and calls it through `window.pharosPage`.
 */
import type { CrossTabOptions } from '../../src/alerts/cross-tab.js';
import { alertMonitorFor } from '../../src/alerts/registry.js';
import type { Severity } from '../../src/alerts/types.js';
import { alertSound } from '../../src/components/alerts/beep.js';
import type { PharosAlerts } from '../../src/components/alerts/alerts.component.js';
import '../../src/components/alerts/alerts.js';
import '../../src/components/source/source.js';
import type { PharosSourceElement } from '../../src/components/source/source.js';
import type { Clock } from '../../src/store/clock.js';
import { PharosSource } from '../../src/store/source.js';
import { ManualVisibility } from './manual-clock.js';

/** What a recorded `new Notification(title, options)` was given. */
export interface NotificationCall {
  title: string;
  options: NotificationOptions;
  notification: Notification;
}

/** What one instrumented page recorded. */
export interface PageRecord {
  notifications: NotificationCall[];
  beeps: Severity[];
}

/** Replaces `Notification` with a recorder whose permission is `permission`; returns what it records and the restore. */
export function recordNotifications(permission: NotificationPermission = 'granted') {
  const calls: NotificationCall[] = [];
  const original = globalThis.Notification;
  const asked: string[] = [];
  class RecordingNotification extends EventTarget {
    static permission: NotificationPermission = permission;
    static async requestPermission(): Promise<NotificationPermission> {
      asked.push('asked');
      return RecordingNotification.permission;
    }
    onclick: ((this: Notification, ev: Event) => unknown) | null = null;
    closed = false;
    constructor(
      readonly title: string,
      readonly options: NotificationOptions = {},
    ) {
      super();
      calls.push({ title, options, notification: this as unknown as Notification });
    }
    close() {
      this.closed = true;
    }
  }
  (globalThis as { Notification: unknown }).Notification = RecordingNotification;
  return {
    calls,
    asked,
    ctor: RecordingNotification,
    restore: () => ((globalThis as { Notification: unknown }).Notification = original),
  };
}

/** Counts alert sounds instead of playing them; returns the list and the restore. */
export function recordBeeps() {
  const beeps: Severity[] = [];
  const original = alertSound.play;
  alertSound.play = async (severity) => {
    beeps.push(severity);
    return true;
  };
  return { beeps, restore: () => (alertSound.play = original) };
}

/** How {@link mountAlerts} sets up the page's source and monitor. */
export interface MountOptions {
  baseUrl: string;
  /** Poll interval in ms; default 1000. */
  intervalMs?: number;
  clock?: Clock;
  /** Start hidden (notifications need a hidden page). Default false. */
  hidden?: boolean;
  crossTab?: CrossTabOptions | false;
  /** Turn on sound and notifications in the saved preferences. */
  preferences?: { sound?: boolean; notifications?: boolean };
  autoRefresh?: boolean;
}

/**
 * Mounts `<pharos-source><pharos-alerts>` into `container` on a source made here, so the
 * clock and visibility are the test's. Returns the element, the source and the visibility.
 */
export async function mountAlerts(container: HTMLElement, options: MountOptions) {
  const visibility = new ManualVisibility();
  if (options.hidden) visibility.set(false);
  const source = new PharosSource({
    baseUrl: options.baseUrl,
    intervalMs: options.intervalMs ?? 1000,
    clock: options.clock,
    visibility,
    pollWhenHidden: true,
    autoRefresh: options.autoRefresh ?? true,
  });
  const monitor = alertMonitorFor(source, { visibility, crossTab: options.crossTab });
  if (options.preferences) {
    monitor.engine.setPreferences({ ...monitor.engine.preferences.get(), ...options.preferences }, source.clock.now());
  }
  const sourceEl = document.createElement('pharos-source') as PharosSourceElement;
  sourceEl.source = source;
  const el = document.createElement('pharos-alerts') as PharosAlerts;
  sourceEl.appendChild(el);
  container.appendChild(sourceEl);
  await el.updateComplete;
  return { el, source, visibility, monitor, sourceEl };
}

declare global {
  interface Window {
    /** Set by `alerts-page.html` in a frame: this page's instrumented alerts. */
    pharosPage?: {
      start(options: MountOptions): Promise<void>;
      record: PageRecord;
      el?: PharosAlerts;
    };
  }
}
