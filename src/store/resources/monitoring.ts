/**
 * Resource definitions for the other `/api/monitoring/*` endpoints: performance, quality,
 * engagement, database, event bus, cache and workers.
 */
import {
  getCacheStats, getDatabase, getDbPool, getEventHistory, getEvents, getPerformance, getRecommendationQuality,
  getUserEngagement, getWorkersStatus, type EventHistory, type RecommendationQuality, type UserEngagement,
} from '../../api/monitoring/metrics.js';
import { isNotApplicable, type NotApplicable } from '../../api/envelope.js';
import { define } from './define.js';

/** `/api/monitoring/performance`. History: cache hit rate, slow queries, each method's average. */
export const performanceResource = define({
  name: 'monitoring/performance',
  fetch: (config, _p, signal) => getPerformance(config, { signal }),
  sample: (p) => ({
    cache_hit_rate: p.cacheHitRate,
    slow_query_count: p.slowQueryCount,
    ...Object.fromEntries(p.methodTimings.map((m) => [`method:${m.name}`, m.averageMs])),
  }),
});

/** `/api/monitoring/recommendation-quality` for a window in days. */
export const recommendationQualityResource = define<RecommendationQuality | NotApplicable, number>({
  name: 'monitoring/recommendation-quality',
  fetch: (config, days, signal) => getRecommendationQuality(config, days, { signal }),
  sample: (q) =>
    isNotApplicable(q) ? {} : Object.fromEntries(Object.entries(q.metrics).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
});

/** `/api/monitoring/user-engagement` for a window in days. */
export const userEngagementResource = define<UserEngagement | NotApplicable, number>({
  name: 'monitoring/user-engagement',
  fetch: (config, days, signal) => getUserEngagement(config, days, { signal }),
  sample: (e) =>
    isNotApplicable(e) ? {} : { active_users: e.activeUsers, total_interactions: e.totalInteractions, positive_rate: e.positiveRate },
});

/** `/api/monitoring/database`. History: pool usage (fraction) and checked-out connections. */
export const databaseResource = define({
  name: 'monitoring/database',
  fetch: (config, _p, signal) => getDatabase(config, { signal }),
  sample: (d) => ({ pool_usage: d.pool.usage, checked_out: d.pool.checkedOut, healthy: d.healthy ? 1 : 0 }),
});

/** `/api/monitoring/db/pool`. */
export const dbPoolResource = define({
  name: 'monitoring/db/pool',
  fetch: (config, _p, signal) => getDbPool(config, { signal }),
  sample: (p) => ({ pool_usage: p.usage, utilization: p.utilization }),
});

/** `/api/monitoring/events`. History: the cumulative counters and latency percentiles. */
export const eventsResource = define({
  name: 'monitoring/events',
  fetch: (config, _p, signal) => getEvents(config, { signal }),
  sample: (e) => ({
    emitted: e.emitted,
    delivered: e.delivered,
    handler_errors: e.handlerErrors,
    handler_p50: e.handlerLatency.p50,
    handler_p95: e.handlerLatency.p95,
    handler_p99: e.handlerLatency.p99,
    emission_p50: e.emissionLatency.p50,
    emission_p95: e.emissionLatency.p95,
    emission_p99: e.emissionLatency.p99,
  }),
});

/** `/api/monitoring/events/history` with a limit. */
export const eventHistoryResource = define<EventHistory, number>({
  name: 'monitoring/events/history',
  fetch: (config, limit, signal) => getEventHistory(config, limit, { signal }),
});

/** `/api/monitoring/cache/stats`. History: hit rate and request counters. */
export const cacheStatsResource = define({
  name: 'monitoring/cache/stats',
  fetch: (config, _p, signal) => getCacheStats(config, { signal }),
  sample: (c) => ({ hit_rate: c.hitRate, hits: c.hits, misses: c.misses, total_requests: c.totalRequests }),
});

/** `/api/monitoring/workers/status`. */
export const workersStatusResource = define({
  name: 'monitoring/workers/status',
  fetch: (config, _p, signal) => getWorkersStatus(config, { signal }),
  sample: (w) => ({ worker_count: w.workerCount, active_tasks: w.totalActiveTasks, scheduled_tasks: w.totalScheduledTasks }),
});
