/**
 * The alerts of each source: one {@link AlertMonitor} per source, so every alert view of a
 * backend (a compact header badge and a full list, say) shows the same alerts, and the
 * rules' resources are polled once.
 */
import { AlertMonitor, type AlertMonitorOptions } from '../alerts/monitor.js';
import type { PharosSource } from './source.js';

// Weak, so a disposed source and its alerts go away together.
const monitors = new WeakMap<PharosSource, AlertMonitor>();

/**
 * The alert monitor of `source`, made on first use. `options` (custom rules, storage) only
 * count on that first call: call it early, before any `<pharos-alerts>` connects, to
 * configure it.
 */
export function alertMonitorFor(source: PharosSource, options?: AlertMonitorOptions): AlertMonitor {
  let monitor = monitors.get(source);
  if (!monitor) {
    monitor = new AlertMonitor(source, options);
    monitors.set(source, monitor);
  }
  return monitor;
}
