/**
 * The alerts of each source: one {@link AlertMonitor} per source, so every alert view of a
 * backend (a compact header badge, a full list, the dashboard's tab badge) shows the same
 * alerts, and the rules' resources are polled once. Alerts attach to a source from above:
 * the store knows nothing of them.
 */
import type { PharosSource } from '../store/source.js';
import { AlertMonitor, type AlertMonitorOptions } from './monitor.js';

// Weak, so a disposed source and its alerts go away together.
const monitors = new WeakMap<PharosSource, AlertMonitor>();

/**
 * The alert monitor of `source`, made on first use. `options` (custom rules, storage,
 * visibility, cross-tab sync) only count on that first call: call it early, before any
 * `<pharos-alerts>` connects, to configure it.
 */
export function alertMonitorFor(source: PharosSource, options?: AlertMonitorOptions): AlertMonitor {
  let monitor = monitors.get(source);
  if (!monitor) {
    monitor = new AlertMonitor(source, options);
    monitors.set(source, monitor);
  }
  return monitor;
}
