/**
 * The alert rules that make sense for the real Pharos API (see `shared/pharos-api.md`):
 * what each watches, when it fires and what it says, in plain words.
 */
import { componentName, type HealthReport } from '../api/monitoring.js';
import { JOB_HISTORY_LIMIT, type IngestionJob, type JobHistory, type WorkerHealth } from '../api/ingestion.js';
import { POOL_USAGE_LIMITS, type CacheStats, type DatabaseReport, type EventBusMetrics } from '../api/monitoring.js';
import { counterGrowth } from '../analysis/anomaly.js';
import { HANDLER_LATENCY_ANOMALY } from '../analysis/handler-latency.js';
import { formatSeconds } from '../util/format.js';
import type { HistoryBuffer } from '../store/history.js';
import { healthResource } from '../store/resources/health.js';
import { jobHistoryResource, workerHealthResource } from '../store/resources/ingestion.js';
import { cacheStatsResource, databaseResource, eventsResource } from '../store/resources/monitoring.js';
import type { AlertRule, AlertTarget, RuleInput } from './types.js';

// Re-exported where the alert API has always offered it; defined with the endpoint.
export { JOB_HISTORY_LIMIT } from '../api/ingestion.js';

/** Window over which counters (cache lookups, handler calls) are turned into recent shares. */
export const COUNTER_WINDOW_MS = 5 * 60_000;

/** The resources the default rules watch. */
export const ALERT_TARGETS = {
  health: { definition: healthResource, params: undefined, label: 'System health' } as AlertTarget<HealthReport>,
  worker: { definition: workerHealthResource, params: undefined, label: 'Edge worker' } as AlertTarget<WorkerHealth>,
  database: { definition: databaseResource, params: undefined, label: 'Database' } as AlertTarget<DatabaseReport>,
  cache: { definition: cacheStatsResource, params: undefined, label: 'Cache' } as AlertTarget<CacheStats>,
  events: { definition: eventsResource, params: undefined, label: 'Event bus' } as AlertTarget<EventBusMetrics>,
  jobs: { definition: jobHistoryResource, params: JOB_HISTORY_LIMIT, label: 'Ingestion jobs' } as AlertTarget<JobHistory>,
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

function healthMessage(report: HealthReport, word: string): string {
  const down = report.components.filter((c) => c.status === 'unhealthy').map((c) => componentName(c.name));
  const base = report.message.trim() || `System health is ${word}.`;
  return down.length ? `${base}${/[.!?]$/.test(base) ? '' : '.'} Unhealthy: ${down.join(', ')}.` : base;
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
    label: 'System unhealthy',
    description: 'The backend rates itself unhealthy (its database is down).',
    severity: 'critical',
    resource: ALERT_TARGETS.health,
    condition: { kind: 'status', firing: ['unhealthy'] },
    read: (h: HealthReport) => (h.status === 'unknown' ? null : h.status),
    describe: (_s: string, h: HealthReport) => healthMessage(h, 'unhealthy'),
  },
  {
    id: 'health-degraded',
    label: 'System degraded',
    description: 'The backend rates itself degraded (Redis, Celery or a module is down).',
    severity: 'warning',
    resource: ALERT_TARGETS.health,
    condition: { kind: 'status', firing: ['degraded'] },
    read: (h: HealthReport) => (h.status === 'unknown' ? null : h.status),
    describe: (_s: string, h: HealthReport) => healthMessage(h, 'degraded'),
  },
  {
    id: 'module-down',
    label: 'Module down',
    description: 'A backend module reports itself unhealthy (when the backend lists modules).',
    severity: 'warning',
    resource: ALERT_TARGETS.health,
    condition: { kind: 'status', firing: ['unhealthy'] },
    read: (h: HealthReport) => (h.modules === null ? null : h.modules.some((m) => m.status === 'unhealthy') ? 'unhealthy' : 'healthy'),
    describe: (_s: string, h: HealthReport) => {
      const down = (h.modules ?? []).filter((m) => m.status === 'unhealthy');
      if (down.length === 1) return `Module ${down[0]!.name} is unhealthy${down[0]!.message ? `: ${down[0]!.message}` : '.'}`;
      return `Modules ${down.map((m) => m.name).join(', ')} are unhealthy.`;
    },
  },
  {
    id: 'worker-offline',
    label: 'Edge worker offline',
    description: 'No heartbeat from the edge worker is on record: ingestion cannot run.',
    severity: 'critical',
    resource: ALERT_TARGETS.worker,
    condition: { kind: 'status', firing: ['offline'] },
    read: (w: WorkerHealth) => (w.state === 'unknown' ? null : w.state),
    describe: () => 'No heartbeat from the edge worker is on record (the backend forgets it after 10 minutes of silence): ingestion is unavailable.',
  },
  {
    id: 'worker-degraded',
    label: 'Edge worker silent',
    description: "The edge worker's last heartbeat is older than the backend's limit: new ingestions are refused.",
    severity: 'warning',
    resource: ALERT_TARGETS.worker,
    condition: { kind: 'status', firing: ['degraded'] },
    read: (w: WorkerHealth) => (w.state === 'unknown' ? null : w.state),
    describe: (_s: string, w: WorkerHealth, { lang }) =>
      w.secondsSinceLastSeen === null
        ? 'The edge worker has not sent a heartbeat within the limit: new ingestions are refused.'
        : `The edge worker's last heartbeat was ${formatSeconds(lang, w.secondsSinceLastSeen)} ago (limit ${formatSeconds(lang, w.thresholdSeconds)}): new ingestions are refused.`,
  },
  {
    id: 'db-pool-usage',
    label: 'Connection pool nearly full',
    description: "Database connection pool usage stays at or above the backend's warning level.",
    severity: 'warning',
    resource: ALERT_TARGETS.database,
    condition: { kind: 'threshold', direction: 'above', value: POOL_USAGE_LIMITS.warning, samples: 2, unit: 'percent' },
    read: (d: DatabaseReport) => d.pool.usage,
    subject: 'Connection pool usage',
  },
  {
    id: 'cache-hit-rate',
    label: 'Low cache hit rate',
    description: `Share of cache lookups that hit over the last 5 minutes, when there were at least ${MIN_CACHE_LOOKUPS} lookups.`,
    severity: 'warning',
    resource: ALERT_TARGETS.cache,
    condition: { kind: 'threshold', direction: 'below', value: 0.5, samples: 2, unit: 'percent' },
    read: (_c: CacheStats, input: RuleInput) => {
      const hits = counterIncrease(input.history, 'hits', input.at);
      const misses = counterIncrease(input.history, 'misses', input.at);
      if (hits === null || misses === null || hits + misses < MIN_CACHE_LOOKUPS) return null;
      return hits / (hits + misses);
    },
    subject: 'The recent cache hit rate',
  },
  {
    id: 'event-handler-errors',
    label: 'Event handler errors',
    description: `Share of event handler calls that raised an error over the last 5 minutes (at least ${MIN_HANDLER_CALLS} calls).`,
    severity: 'warning',
    resource: ALERT_TARGETS.events,
    condition: { kind: 'threshold', direction: 'above', value: 0.05, samples: 1, unit: 'percent' },
    read: (_e: EventBusMetrics, input: RuleInput) => {
      const errors = counterIncrease(input.history, 'handler_errors', input.at);
      const calls = counterIncrease(input.history, 'delivered', input.at);
      if (errors === null || calls === null || calls < MIN_HANDLER_CALLS) return null;
      return Math.min(1, errors / calls);
    },
    subject: 'The share of failing event handler calls',
  },
  {
    id: 'handler-latency-anomaly',
    label: 'Unusual handler latency',
    description: 'Event handler P95 latency far above its recent values (robust z-score).',
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
    subject: 'Event handler P95 latency',
  },
  {
    id: 'ingestion-job-failed',
    label: 'Ingestion job failed',
    description: 'The latest finished ingestion job failed (failures from before the dashboard opened are not raised).',
    severity: 'warning',
    resource: ALERT_TARGETS.jobs,
    condition: { kind: 'status', firing: ['failed'] },
    read: (h: JobHistory, input: RuleInput) => (newFailedJob(h, input.baseline as JobHistory | undefined) ? 'failed' : 'ok'),
    describe: (_s: string, h: JobHistory) => {
      const job = newFailedJob(h, undefined)!;
      const why = [job.error, job.reason].filter(Boolean).join(': ');
      return `Ingestion of ${job.repoUrl} failed${why ? `: ${why}` : ''}.`;
    },
  },
  {
    id: 'backend-unreachable',
    label: 'Backend not answering',
    description: 'A watched endpoint failed several attempts in a row (unreachable, blocked or erroring).',
    severity: 'critical',
    condition: { kind: 'failing', value: 3 },
  },
];
