/**
 * The alert rules that make sense for the real Pharos API (see `shared/pharos-api.md`):
 * what each watches, when it fires and what it says (as data, which the views word in
 * their language: `messages.ts`). Labels, descriptions and subjects are English, declared
 * with `translatable` for the views to translate.
 */
import type { HealthReport } from '../api/monitoring.js';
import { JOB_HISTORY_LIMIT, type IngestionJob, type JobHistory, type WorkerHealth } from '../api/ingestion.js';
import { POOL_USAGE_LIMITS, type CacheStats, type DatabaseReport, type EventBusMetrics } from '../api/monitoring.js';
import { counterGrowth } from '../analysis/anomaly.js';
import { HANDLER_LATENCY_ANOMALY } from '../analysis/handler-latency.js';
import { translatable } from '../util/translatable.js';
import type { HistoryBuffer } from '../store/history.js';
import { healthResource } from '../store/resources/health.js';
import { jobHistoryResource, workerHealthResource } from '../store/resources/ingestion.js';
import { cacheStatsResource, databaseResource, eventsResource } from '../store/resources/monitoring.js';
import type { AlertDetail, AlertRule, AlertTarget, RuleInput } from './types.js';

// Re-exported where the alert API has always offered it; defined with the endpoint.
export { JOB_HISTORY_LIMIT } from '../api/ingestion.js';

/** Window over which counters (cache lookups, handler calls) are turned into recent shares. */
export const COUNTER_WINDOW_MS = 5 * 60_000;

/** The resources the default rules watch (labels in English: the view translates them). */
export const ALERT_TARGETS = {
  health: { definition: healthResource, params: undefined, label: translatable('System health') } as AlertTarget<HealthReport>,
  worker: { definition: workerHealthResource, params: undefined, label: translatable('Edge worker') } as AlertTarget<WorkerHealth>,
  database: { definition: databaseResource, params: undefined, label: translatable('Database') } as AlertTarget<DatabaseReport>,
  cache: { definition: cacheStatsResource, params: undefined, label: translatable('Cache') } as AlertTarget<CacheStats>,
  events: { definition: eventsResource, params: undefined, label: translatable('Event bus') } as AlertTarget<EventBusMetrics>,
  jobs: { definition: jobHistoryResource, params: JOB_HISTORY_LIMIT, label: translatable('Ingestion jobs') } as AlertTarget<JobHistory>,
} as const;

/**
 * How much a cumulative counter grew over the trailing `windowMs` of history (restarts
 * counted as in `counterGrowth`). Null with fewer than two samples in the window.
 */
export function counterIncrease(history: HistoryBuffer, series: string, at: number, windowMs = COUNTER_WINDOW_MS): number | null {
  const column = history.window(at - windowMs, at, [series]).columns[series]!;
  let last = NaN;
  let total = 0;
  let pairs = 0;
  for (const v of column) {
    if (!Number.isFinite(v)) continue;
    if (Number.isFinite(last)) {
      total += counterGrowth(last, v);
      pairs++;
    }
    last = v;
  }
  return pairs === 0 ? null : total;
}

/** Cache lookups needed in the window before a hit rate counts ("when there is traffic"). */
export const MIN_CACHE_LOOKUPS = 20;
/** Handler calls needed in the window before an error share counts. */
export const MIN_HANDLER_CALLS = 40;

/** What the backend said of its health, and its unhealthy components (by key). */
function healthDetail(report: HealthReport, status: 'unhealthy' | 'degraded'): AlertDetail {
  const down = report.components.filter((c) => c.status === 'unhealthy').map((c) => c.name);
  return { kind: 'health', status, said: report.message.trim(), down };
}

/** A job's identity in the list (the backend gives jobs no id). */
function jobKeys(jobs: readonly IngestionJob[]): string[] {
  const seen = new Map<string, number>();
  return jobs.map((j) => {
    const base = `${j.repoUrl}|${j.timestamp?.getTime() ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

/** The newest finished job when it failed after watching began, else null. */
export function newFailedJob(history: JobHistory, baseline: JobHistory | undefined): IngestionJob | null {
  const keys = jobKeys(history.jobs);
  let newest = -1;
  for (let i = history.jobs.length - 1; i >= 0; i--) {
    const status = history.jobs[i]!.status;
    if (status === 'completed' || status === 'failed') {
      newest = i;
      break;
    }
  }
  if (newest < 0 || history.jobs[newest]!.status !== 'failed') return null;
  const known = new Set(baseline ? jobKeys(baseline.jobs).filter((_, i) => baseline.jobs[i]!.status === 'failed') : []);
  return known.has(keys[newest]!) ? null : history.jobs[newest]!;
}

/**
 * The default rules, in display order. Thresholds and switches can be changed per backend
 * in the preferences; an app can pass its own list to `alertMonitorFor(source, { rules })`.
 */
export const DEFAULT_RULES: readonly AlertRule[] = [
  {
    id: 'health-unhealthy',
    label: translatable('System unhealthy'),
    description: translatable('The backend rates itself unhealthy (its database is down).'),
    severity: 'critical',
    resource: ALERT_TARGETS.health,
    condition: { kind: 'status', firing: ['unhealthy'] },
    read: (h: HealthReport) => (h.status === 'unknown' ? null : h.status),
    describe: (_s: string, h: HealthReport) => healthDetail(h, 'unhealthy'),
  },
  {
    id: 'health-degraded',
    label: translatable('System degraded'),
    description: translatable('The backend rates itself degraded (Redis, Celery or a module is down).'),
    severity: 'warning',
    resource: ALERT_TARGETS.health,
    condition: { kind: 'status', firing: ['degraded'] },
    read: (h: HealthReport) => (h.status === 'unknown' ? null : h.status),
    describe: (_s: string, h: HealthReport) => healthDetail(h, 'degraded'),
  },
  {
    id: 'module-down',
    label: translatable('Module down'),
    description: translatable('A backend module reports itself unhealthy (when the backend lists modules).'),
    severity: 'warning',
    resource: ALERT_TARGETS.health,
    condition: { kind: 'status', firing: ['unhealthy'] },
    read: (h: HealthReport) => (h.modules === null ? null : h.modules.some((m) => m.status === 'unhealthy') ? 'unhealthy' : 'healthy'),
    describe: (_s: string, h: HealthReport) => ({
      kind: 'modules',
      modules: (h.modules ?? []).filter((m) => m.status === 'unhealthy').map(({ name, message }) => ({ name, message })),
    }),
  },
  {
    id: 'worker-offline',
    label: translatable('Edge worker offline'),
    description: translatable('No heartbeat from the edge worker is on record: ingestion cannot run.'),
    severity: 'critical',
    resource: ALERT_TARGETS.worker,
    condition: { kind: 'status', firing: ['offline'] },
    read: (w: WorkerHealth) => (w.state === 'unknown' ? null : w.state),
    describe: () => ({ kind: 'worker-offline' }),
  },
  {
    id: 'worker-degraded',
    label: translatable('Edge worker silent'),
    description: translatable("The edge worker's last heartbeat is older than the backend's limit: new ingestions are refused."),
    severity: 'warning',
    resource: ALERT_TARGETS.worker,
    condition: { kind: 'status', firing: ['degraded'] },
    read: (w: WorkerHealth) => (w.state === 'unknown' ? null : w.state),
    describe: (_s: string, w: WorkerHealth) => ({ kind: 'worker-silent', seconds: w.secondsSinceLastSeen, limit: w.thresholdSeconds }),
  },
  {
    id: 'db-pool-usage',
    label: translatable('Connection pool nearly full'),
    description: translatable("Database connection pool usage stays at or above the backend's warning level."),
    severity: 'warning',
    resource: ALERT_TARGETS.database,
    condition: { kind: 'threshold', direction: 'above', value: POOL_USAGE_LIMITS.warning, samples: 2, unit: 'percent' },
    read: (d: DatabaseReport) => d.pool.usage,
    subject: translatable('Connection pool usage'),
  },
  {
    id: 'cache-hit-rate',
    label: translatable('Low cache hit rate'),
    // The figure is MIN_CACHE_LOOKUPS (a test keeps them the same).
    description: translatable('Share of cache lookups that hit over the last 5 minutes, when there were at least 20 lookups.'),
    severity: 'warning',
    resource: ALERT_TARGETS.cache,
    condition: { kind: 'threshold', direction: 'below', value: 0.5, samples: 2, unit: 'percent' },
    read: (_c: CacheStats, input: RuleInput) => {
      const hits = counterIncrease(input.history, 'hits', input.at);
      const misses = counterIncrease(input.history, 'misses', input.at);
      if (hits === null || misses === null || hits + misses < MIN_CACHE_LOOKUPS) return null;
      return hits / (hits + misses);
    },
    subject: translatable('The recent cache hit rate'),
  },
  {
    id: 'event-handler-errors',
    label: translatable('Event handler errors'),
    // The figure is MIN_HANDLER_CALLS (a test keeps them the same).
    description: translatable('Share of event handler calls that raised an error over the last 5 minutes (at least 40 calls).'),
    severity: 'warning',
    resource: ALERT_TARGETS.events,
    condition: { kind: 'threshold', direction: 'above', value: 0.05, samples: 1, unit: 'percent' },
    read: (_e: EventBusMetrics, input: RuleInput) => {
      const errors = counterIncrease(input.history, 'handler_errors', input.at);
      const calls = counterIncrease(input.history, 'delivered', input.at);
      if (errors === null || calls === null || calls < MIN_HANDLER_CALLS) return null;
      return Math.min(1, errors / calls);
    },
    subject: translatable('The share of failing event handler calls'),
  },
  {
    id: 'handler-latency-anomaly',
    label: translatable('Unusual handler latency'),
    description: translatable('Event handler P95 latency far above its recent values (robust z-score).'),
    severity: 'info',
    resource: ALERT_TARGETS.events,
    condition: {
      kind: 'anomaly',
      series: 'handler_p95',
      value: HANDLER_LATENCY_ANOMALY.threshold,
      window: HANDLER_LATENCY_ANOMALY.window,
      minSamples: HANDLER_LATENCY_ANOMALY.minSamples,
      absoluteFloor: HANDLER_LATENCY_ANOMALY.absoluteFloor,
      direction: 'up',
      unit: 'ms',
    },
    subject: translatable('Event handler P95 latency'),
  },
  {
    id: 'ingestion-job-failed',
    label: translatable('Ingestion job failed'),
    description: translatable('The latest finished ingestion job failed (failures from before the dashboard opened are not raised).'),
    severity: 'warning',
    resource: ALERT_TARGETS.jobs,
    condition: { kind: 'status', firing: ['failed'] },
    read: (h: JobHistory, input: RuleInput) => (newFailedJob(h, input.baseline as JobHistory | undefined) ? 'failed' : 'ok'),
    describe: (_s: string, h: JobHistory) => {
      const job = newFailedJob(h, undefined)!;
      // The backend's own words, as they are.
      return { kind: 'job-failed', repoUrl: job.repoUrl, why: [job.error, job.reason].filter(Boolean).join(': ') };
    },
  },
  {
    id: 'backend-unreachable',
    label: translatable('Backend not answering'),
    description: translatable('A watched endpoint failed several attempts in a row (unreachable, blocked or erroring).'),
    severity: 'critical',
    condition: { kind: 'failing', value: 3 },
  },
];
