/**
 * The rest of `/api/monitoring/*`: performance, recommendation quality, engagement, database,
 * event bus, cache and Celery workers.
 */
import { asFraction, getChecked, notApplicable, percentToFraction, type NotApplicable } from '../envelope.js';
import type { ClientConfig, RequestOptions } from '../http.js';
import {
  boolean, list, number, numberOrNull, numberRecord, object, objectAt, objectOrNull, string, stringOrNull,
  type Json,
} from '../read.js';
import { parseUtc } from '../time.js';

const PREFIX = '/api/monitoring';

/** Average time and call count of one instrumented backend method. */
export interface MethodTiming {
  name: string;
  averageMs: number;
  count: number;
}

/** `GET /performance`. */
export interface PerformanceReport {
  timestamp: Date | null;
  /** Fraction 0..1. */
  cacheHitRate: number;
  cacheHits: number;
  cacheMisses: number;
  slowQueryCount: number;
  methodTimings: MethodTiming[];
  recommendationMetrics: Record<string, unknown> | null;
  /** The backend's warnings as sentences. */
  warnings: string[];
}

function readWarnings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((w) => (typeof w === 'string' ? w : typeof w === 'object' && w && 'message' in w ? String((w as Json).message) : JSON.stringify(w)));
}

/** Cache and method timing figures (token). */
export async function getPerformance(config: ClientConfig, options?: RequestOptions): Promise<PerformanceReport> {
  const path = `${PREFIX}/performance`;
  return getChecked(config, { path }, options, (b) => {
    const m = objectAt(b, 'metrics');
    const timings = objectOrNull(m, 'method_timings', 'metrics') ?? {};
    return {
      timestamp: parseUtc(b.timestamp),
      cacheHitRate: asFraction(number(m, 'cache_hit_rate', 'metrics')),
      cacheHits: number(m, 'cache_hits', 'metrics'),
      cacheMisses: number(m, 'cache_misses', 'metrics'),
      slowQueryCount: number(m, 'slow_query_count', 'metrics'),
      methodTimings: Object.entries(timings).map(([name, raw]) => {
        const t = object(raw, `metrics.method_timings.${name}`);
        const where = `metrics.method_timings.${name}`;
        return { name, averageMs: number(t, 'average_ms', where), count: number(t, 'count', where) };
      }),
      recommendationMetrics: objectOrNull(m, 'recommendation_metrics', 'metrics'),
      warnings: readWarnings(b.warnings),
    };
  });
}

/** `GET /recommendation-quality` when the module exists. */
export interface RecommendationQuality {
  kind: 'ok';
  timestamp: Date | null;
  timeWindowDays: number;
  /** The backend's metrics by name (numbers, or text for labels). */
  metrics: Record<string, number | string | null>;
  message: string;
}

/** Recommendation quality over a window of days (1..90, token). */
export async function getRecommendationQuality(
  config: ClientConfig,
  timeWindowDays: number,
  options?: RequestOptions,
): Promise<RecommendationQuality | NotApplicable> {
  const path = `${PREFIX}/recommendation-quality`;
  return getChecked(config, { path, query: { time_window_days: timeWindowDays } }, options, (b) => {
    const metrics = objectOrNull(b, 'metrics') ?? {};
    return notApplicable(b) ?? {
      kind: 'ok',
      timestamp: parseUtc(b.timestamp),
      timeWindowDays: numberOrNull(b, 'time_window_days') ?? timeWindowDays,
      metrics: Object.fromEntries(
        Object.entries(metrics).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'string' ? v : v === null ? null : JSON.stringify(v)]),
      ),
      message: stringOrNull(b, 'message') ?? '',
    };
  });
}

/** `GET /user-engagement`. */
export interface UserEngagement {
  kind: 'ok';
  timestamp: Date | null;
  timeWindowDays: number;
  totalUsers: number;
  activeUsers: number;
  totalInteractions: number;
  positiveInteractions: number;
  /** Fraction 0..1. */
  positiveRate: number;
  interactionsByType: Record<string, number>;
  avgSessionDurationSeconds: number;
}

/** User engagement over a window of days (1..90, token). */
export async function getUserEngagement(
  config: ClientConfig,
  timeWindowDays: number,
  options?: RequestOptions,
): Promise<UserEngagement | NotApplicable> {
  const path = `${PREFIX}/user-engagement`;
  return getChecked(config, { path, query: { time_window_days: timeWindowDays } }, options, (b) => {
    const na = notApplicable(b);
    if (na) return na;
    const m = objectAt(b, 'metrics');
    const at = 'metrics';
    return {
      kind: 'ok',
      timestamp: parseUtc(b.timestamp),
      timeWindowDays: numberOrNull(b, 'time_window_days') ?? timeWindowDays,
      totalUsers: number(m, 'total_users', at),
      activeUsers: number(m, 'active_users', at),
      totalInteractions: number(m, 'total_interactions', at),
      positiveInteractions: number(m, 'positive_interactions', at),
      positiveRate: asFraction(number(m, 'positive_rate', at)),
      interactionsByType: numberRecord(m, 'interactions_by_type', at),
      avgSessionDurationSeconds: number(m, 'avg_session_duration_seconds', at),
    };
  });
}

/**
 * Pool usage (a fraction of capacity) from which the backend warns, and from which it calls
 * it critical. The database card's gauge and the pool alert both use these levels.
 */
export const POOL_USAGE_LIMITS = { warning: 0.75, critical: 0.9 } as const;

/** A database connection pool. */
export interface PoolStats {
  databaseType: string;
  size: number;
  maxOverflow: number;
  checkedIn: number;
  checkedOut: number;
  /** Connections beyond `size`; negative on SQLite (SQLAlchemy counts it that way). */
  overflow: number;
  totalCapacity: number;
  /** Fraction 0..1 of capacity in use. */
  usage: number;
  available: number;
  /** PostgreSQL extras (pool_recycle, pool_pre_ping, statement_timeout_ms, isolation_level, …). */
  extra: Record<string, unknown>;
}

const POOL_KEYS = new Set([
  'database_type', 'size', 'max_overflow', 'checked_in', 'checked_out', 'overflow', 'total_capacity',
  'pool_usage_percent', 'connections_available', 'max_connections', 'utilization_percent',
]);

function readPool(p: Json, at: string): PoolStats {
  return {
    databaseType: string(p, 'database_type', at),
    size: number(p, 'size', at),
    maxOverflow: number(p, 'max_overflow', at),
    checkedIn: number(p, 'checked_in', at),
    checkedOut: number(p, 'checked_out', at),
    overflow: number(p, 'overflow', at),
    totalCapacity: number(p, 'total_capacity', at),
    usage: percentToFraction(number(p, 'pool_usage_percent', at)),
    available: number(p, 'connections_available', at),
    extra: Object.fromEntries(Object.entries(p).filter(([k]) => !POOL_KEYS.has(k))),
  };
}

/** A warning with the backend's advice. */
export interface DatabaseWarning {
  level: string;
  message: string;
  recommendation: string;
}

/** `GET /database`. */
export interface DatabaseReport {
  timestamp: Date | null;
  type: string;
  healthy: boolean;
  healthMessage: string;
  pool: PoolStats;
  warnings: DatabaseWarning[];
}

/** Database health, pool and warnings (token). */
export async function getDatabase(config: ClientConfig, options?: RequestOptions): Promise<DatabaseReport> {
  const path = `${PREFIX}/database`;
  return getChecked(config, { path }, options, (b) => {
    const db = objectAt(b, 'database');
    return {
      timestamp: parseUtc(b.timestamp),
      type: string(db, 'type', 'database'),
      healthy: boolean(db, 'healthy', 'database'),
      healthMessage: stringOrNull(db, 'health_message', 'database') ?? '',
      pool: readPool(objectAt(b, 'connection_pool'), 'connection_pool'),
      warnings: (Array.isArray(b.warnings) ? b.warnings : []).map((raw, i) => {
        const w = object(raw, `warnings.${i}`);
        return {
          level: stringOrNull(w, 'level') ?? 'warning',
          message: stringOrNull(w, 'message') ?? '',
          recommendation: stringOrNull(w, 'recommendation') ?? '',
        };
      }),
    };
  });
}

/** `GET /db/pool`: the pool plus the server-wide connection limit. */
export interface DbPoolReport extends PoolStats {
  timestamp: Date | null;
  maxConnections: number | null;
  /** Fraction 0..1 of the server's `max_connections` in use. */
  utilization: number | null;
}

/** Connection pool only (token). */
export async function getDbPool(config: ClientConfig, options?: RequestOptions): Promise<DbPoolReport> {
  const path = `${PREFIX}/db/pool`;
  return getChecked(config, { path }, options, (b) => {
    const p = objectAt(b, 'pool');
    const utilization = numberOrNull(p, 'utilization_percent', 'pool');
    return {
      ...readPool(p, 'pool'),
      timestamp: parseUtc(b.timestamp),
      maxConnections: numberOrNull(p, 'max_connections', 'pool'),
      utilization: utilization === null ? null : percentToFraction(utilization),
    };
  });
}

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** `GET /events`. Counters are cumulative since the backend process started. */
export interface EventBusMetrics {
  timestamp: Date | null;
  emitted: number;
  delivered: number;
  handlerErrors: number;
  totalHandlerTimeMs: number;
  totalEmissionTimeMs: number;
  eventTypes: Record<string, number>;
  handlerLatency: Percentiles;
  emissionLatency: Percentiles;
}

/** Event bus counters and latencies (token). */
export async function getEvents(config: ClientConfig, options?: RequestOptions): Promise<EventBusMetrics> {
  const path = `${PREFIX}/events`;
  return getChecked(config, { path }, options, (b) => {
    const m = objectAt(b, 'metrics');
    const at = 'metrics';
    const percentiles = (prefix: string) => ({
      p50: number(m, `${prefix}_p50`, at),
      p95: number(m, `${prefix}_p95`, at),
      p99: number(m, `${prefix}_p99`, at),
    });
    return {
      timestamp: parseUtc(b.timestamp),
      emitted: number(m, 'events_emitted', at),
      delivered: number(m, 'events_delivered', at),
      handlerErrors: number(m, 'handler_errors', at),
      totalHandlerTimeMs: number(m, 'total_handler_time_ms', at),
      totalEmissionTimeMs: number(m, 'total_emission_time_ms', at),
      eventTypes: numberRecord(m, 'event_types', at),
      handlerLatency: percentiles('handler_latency'),
      emissionLatency: percentiles('emission_latency'),
    };
  });
}

/** One event from the bus history. */
export interface BusEvent {
  name: string;
  /** Free-form backend data: render as text only, never as HTML. */
  data: unknown;
  timestamp: Date | null;
  priority: string;
  correlationId: string | null;
}

/** `GET /events/history`, oldest first. */
export interface EventHistory {
  timestamp: Date | null;
  count: number;
  events: BusEvent[];
}

/** Recent events, oldest first (limit 1..1000, token). */
export async function getEventHistory(config: ClientConfig, limit = 100, options?: RequestOptions): Promise<EventHistory> {
  const path = `${PREFIX}/events/history`;
  return getChecked(config, { path, query: { limit } }, options, (b) => {
    const events = list(b, 'events').map((raw, i) => {
      const e = object(raw, `events.${i}`);
      return {
        name: string(e, 'name', `events.${i}`),
        data: e.data ?? null,
        timestamp: parseUtc(e.timestamp),
        priority: stringOrNull(e, 'priority', `events.${i}`) ?? 'NORMAL',
        correlationId: stringOrNull(e, 'correlation_id', `events.${i}`),
      };
    });
    return { timestamp: parseUtc(b.timestamp), count: numberOrNull(b, 'count') ?? events.length, events };
  });
}

/** `GET /cache/stats`. */
export interface CacheStats {
  timestamp: Date | null;
  /** Fraction 0..1. */
  hitRate: number;
  hits: number;
  misses: number;
  invalidations: number;
  totalRequests: number;
}

/** Cache counters (token). */
export async function getCacheStats(config: ClientConfig, options?: RequestOptions): Promise<CacheStats> {
  const path = `${PREFIX}/cache/stats`;
  return getChecked(config, { path }, options, (b) => {
    const c = objectAt(b, 'cache_stats');
    const at = 'cache_stats';
    return {
      timestamp: parseUtc(b.timestamp),
      hitRate: asFraction(number(c, 'hit_rate', at)),
      hits: number(c, 'hits', at),
      misses: number(c, 'misses', at),
      invalidations: number(c, 'invalidations', at),
      totalRequests: number(c, 'total_requests', at),
    };
  });
}

/** One Celery worker. */
export interface CeleryWorker {
  name: string;
  activeTasks: unknown[];
  scheduledTasks: unknown[];
  /** Celery's `inspect stats` for this worker, as sent. */
  stats: Record<string, unknown>;
}

/** `GET /workers/status` when Celery answers. */
export interface WorkersStatus {
  timestamp: Date | null;
  workerCount: number;
  totalActiveTasks: number;
  totalScheduledTasks: number;
  workers: CeleryWorker[];
}

/** Celery workers (token). A `status:"error"` answer (no Celery) throws a `backend` error. */
export async function getWorkersStatus(config: ClientConfig, options?: RequestOptions): Promise<WorkersStatus> {
  const path = `${PREFIX}/workers/status`;
  return getChecked(config, { path }, options, (b) => {
    const w = objectAt(b, 'workers');
    const active = objectOrNull(w, 'active_tasks', 'workers') ?? {};
    const scheduled = objectOrNull(w, 'scheduled_tasks', 'workers') ?? {};
    const stats = objectOrNull(w, 'stats', 'workers') ?? {};
    const names = [...new Set([...Object.keys(stats), ...Object.keys(active), ...Object.keys(scheduled)])].sort();
    const tasks = (v: unknown) => (Array.isArray(v) ? v : []);
    return {
      timestamp: parseUtc(b.timestamp),
      workerCount: number(w, 'worker_count', 'workers'),
      totalActiveTasks: number(w, 'total_active_tasks', 'workers'),
      totalScheduledTasks: number(w, 'total_scheduled_tasks', 'workers'),
      workers: names.map((name) => ({
        name,
        activeTasks: tasks(active[name]),
        scheduledTasks: tasks(scheduled[name]),
        stats: objectOrNull(stats, name, 'workers.stats') ?? {},
      })),
    };
  });
}
