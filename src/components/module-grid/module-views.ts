/**
 * What each module card shows, derived from the health report and the module's probe:
 * status and where it came from, response time, failed probes, trend and anomaly in the
 * selected range, and why the card needs attention. No rendering here.
 */
import type { PharosError } from '../../api/errors.js';
import type { HealthReport, ModuleHealth } from '../../api/monitoring.js';
import { computeTrend, detectAnomaly, type AnomalyResult, type Trend } from '../../analysis/anomaly.js';
import { translatable } from '../../i18n/translate.js';
import { formatMs } from '../../util/format-figures.js';
import { describeAnomaly } from '../alerts/alert-text.js';
import { Memo } from '../../util/memo.js';
import { toBadgeStatus, type BadgeStatus } from '../../ui/status.js';
import { FAILED_SERIES, LATENCY_SERIES, type Resource } from '../../store/resource.js';

/** How cards are ordered. `status` puts the worst first; `response-time` the slowest first. */
export type ModuleSort = 'name' | 'status' | 'response-time';

/** Everything one card shows, derived from the health report and the module's probe. */
export interface ModuleView {
  name: string;
  status: BadgeStatus;
  /** The backend's status word. */
  rawStatus: string;
  message: string;
  /** The module's other health fields. */
  details: Record<string, unknown>;
  /** Where the status comes from. */
  statusFrom: 'health' | 'probe' | null;
  probe: Resource<ModuleHealth, string> | null;
  /** Latest successful probe's latency (ms). */
  latencyMs: number | null;
  /** Failed probes within the selected range (null when not probed). */
  errors: number | null;
  trend: Trend | null;
  anomaly: AnomalyResult | null;
  /** Why the card needs attention (in English: show it with `t(lang, alert)`), or null. */
  alert: string | null;
  stale: boolean;
  loading: boolean;
  probeError: PharosError | null;
}

/** What a module's probes in the selected range say. */
export interface ProbeStats {
  errors: number;
  trend: Trend | null;
  anomaly: AnomalyResult;
}

/** The `/health` report as the views need it. */
export interface HealthState {
  report: HealthReport | undefined;
  stale: boolean;
  /** The report's last request failed. */
  failed: boolean;
}

/**
 * Each module's {@link ProbeStats}, recomputed when a probe lands or the range changes,
 * not on every one-second tick.
 */
export class ProbeStatsCache {
  private readonly memos = new Map<string, Memo<ProbeStats>>();

  /**
   * Failures, trend and anomaly of `probe`'s samples since `from`.
   * @param rangeKey Changes whenever the selected range does (the source's time range).
   */
  get(probe: Resource<ModuleHealth, string>, from: number, rangeKey: unknown): ProbeStats {
    let memo = this.memos.get(probe.key);
    if (!memo) this.memos.set(probe.key, (memo = new Memo()));
    return memo.get([probe.history.version.get(), rangeKey], () => {
      const window = probe.history.window(from, Infinity, [LATENCY_SERIES, FAILED_SERIES]);
      const latencies = window.columns[LATENCY_SERIES]!;
      let errors = 0;
      for (const f of window.columns[FAILED_SERIES]!) if (f === 1) errors++;
      return {
        errors,
        // A trend from two or three probes is noise: wait for a few.
        trend: computeTrend(latencies, { flatBelow: 0.1, minSamples: 4 }),
        // Loopback latencies wobble by a few ms: that is not news.
        anomaly: detectAnomaly(latencies, { absoluteFloor: 5 }),
      };
    });
  }
}

/** Module `name`'s card: its status from `/health` when listed there, else from its probe. */
export function moduleView(name: string, health: HealthState, probe: Resource<ModuleHealth, string> | null, stats: ProbeStats | null): ModuleView {
  const fromHealth = health.report?.modules?.find((m) => m.name === name);
  const probed = probe?.value.get();
  const source = fromHealth ?? probed;
  const status = source ? toBadgeStatus(source.status) : 'unknown';
  const latencyMs = probe ? probe.history.latest(LATENCY_SERIES) : null;
  const anomaly = stats?.anomaly ?? null;
  const slow = anomaly?.anomalous && anomaly.direction === 'up';
  const alert = status === 'down' ? translatable('Module down') : slow ? translatable('Unusually slow') : null;
  return {
    name,
    status,
    rawStatus: source?.status ?? 'unknown',
    message: source?.message ?? '',
    details: source?.details ?? {},
    statusFrom: fromHealth ? 'health' : probed ? 'probe' : null,
    probe,
    latencyMs,
    errors: stats?.errors ?? null,
    trend: stats?.trend ?? null,
    anomaly,
    alert,
    stale: fromHealth ? health.stale : Boolean(probe?.stale.get()),
    loading: !source && !(probe?.error.get() ?? health.failed),
    probeError: probe?.error.get() ?? null,
  };
}

/**
 * What a module's unusual probe latency was measured against, in `lang`: "412 ms, usually
 * 120 ms (median of the last 30 samples); 5.1× the usual spread"; '' when there is no
 * anomaly to explain (none, too little data, or the module is down).
 */
export function latencyAnomalyText(v: ModuleView, lang: string): string {
  if (!v.anomaly?.anomalous || v.status === 'down') return '';
  return describeAnomaly(lang, v.anomaly, (ms) => formatMs(lang, ms));
}

const STATUS_ORDER: Record<BadgeStatus, number> = { down: 0, degraded: 1, unknown: 2, 'not-applicable': 3, healthy: 4 };

/** `views` in the order `sort` asks for, by name within equals. */
export function sortViews(views: readonly ModuleView[], sort: ModuleSort): ModuleView[] {
  const byName = (a: ModuleView, b: ModuleView) => a.name.localeCompare(b.name);
  const list = [...views];
  if (sort === 'status') list.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byName(a, b));
  else if (sort === 'response-time') list.sort((a, b) => (b.latencyMs ?? -1) - (a.latencyMs ?? -1) || byName(a, b));
  else list.sort(byName);
  return list;
}
