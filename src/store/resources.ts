/**
 * One resource definition per pollable endpoint, with the numbers each keeps in history.
 * Elements name these; the source turns them into shared, polled resources.
 */
import * as api from '../api/index.js';
import { isNotApplicable } from '../api/envelope.js';
import { shareDefinition, type ResourceDefinition } from './resource.js';

// Every endpoint is polled once per browser when pages share (see cross-tab.ts). Marked pure
// so bundlers drop the definitions (and their parsers) a page does not use; a definition a page
// never imports is one its leader cannot poll for others, so followers poll those themselves.
const define = /* @__NO_SIDE_EFFECTS__ */ <T, P = void>(definition: ResourceDefinition<T, P>) => shareDefinition(definition);
const statusScore = { healthy: 2, degraded: 1, unhealthy: 0 } as Record<string, number>;

/** `/api/monitoring/health`. History: overall score (2 healthy, 1 degraded, 0 unhealthy). */
export const healthResource = define({
  name: 'monitoring/health',
  fetch: (config, _p, signal) => api.getHealth(config, { signal }),
  sample: (h) => ({ status_score: statusScore[h.status] ?? null }),
});

/** `/api/monitoring/health/ml`. */
export const mlHealthResource = define({
  name: 'monitoring/health/ml',
  fetch: (config, _p, signal) => api.getMlHealth(config, { signal }),
});

/** `/api/monitoring/health/module/{name}`; the probe's latency is in history. */
export const moduleHealthResource = define<api.ModuleHealth, string>({
  name: 'monitoring/health/module',
  fetch: (config, name, signal) => api.getModuleHealth(config, name, { signal }),
  sample: (m) => ({ status_score: statusScore[m.status] ?? null }),
});

/** `/api/monitoring/model-health`. */
export const modelHealthResource = define({
  name: 'monitoring/model-health',
  fetch: (config, _p, signal) => api.getModelHealth(config, { signal }),
});

/** `/api/monitoring/performance`. History: cache hit rate, slow queries, each method's average. */
export const performanceResource = define({
  name: 'monitoring/performance',
  fetch: (config, _p, signal) => api.getPerformance(config, { signal }),
  sample: (p) => ({
    cache_hit_rate: p.cacheHitRate,
    slow_query_count: p.slowQueryCount,
    ...Object.fromEntries(p.methodTimings.map((m) => [`method:${m.name}`, m.averageMs])),
  }),
});

/** `/api/monitoring/recommendation-quality` for a window in days. */
export const recommendationQualityResource = define<api.RecommendationQuality | api.NotApplicable, number>({
  name: 'monitoring/recommendation-quality',
  fetch: (config, days, signal) => api.getRecommendationQuality(config, days, { signal }),
  sample: (q) =>
    isNotApplicable(q) ? {} : Object.fromEntries(Object.entries(q.metrics).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
});

/** `/api/monitoring/user-engagement` for a window in days. */
export const userEngagementResource = define<api.UserEngagement | api.NotApplicable, number>({
  name: 'monitoring/user-engagement',
  fetch: (config, days, signal) => api.getUserEngagement(config, days, { signal }),
  sample: (e) =>
    isNotApplicable(e) ? {} : { active_users: e.activeUsers, total_interactions: e.totalInteractions, positive_rate: e.positiveRate },
});

/** `/api/monitoring/database`. History: pool usage (fraction) and checked-out connections. */
export const databaseResource = define({
  name: 'monitoring/database',
  fetch: (config, _p, signal) => api.getDatabase(config, { signal }),
  sample: (d) => ({ pool_usage: d.pool.usage, checked_out: d.pool.checkedOut, healthy: d.healthy ? 1 : 0 }),
});

/** `/api/monitoring/db/pool`. */
export const dbPoolResource = define({
  name: 'monitoring/db/pool',
  fetch: (config, _p, signal) => api.getDbPool(config, { signal }),
  sample: (p) => ({ pool_usage: p.usage, utilization: p.utilization }),
});

/** `/api/monitoring/events`. History: the cumulative counters and latency percentiles. */
export const eventsResource = define({
  name: 'monitoring/events',
  fetch: (config, _p, signal) => api.getEvents(config, { signal }),
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
export const eventHistoryResource = define<api.EventHistory, number>({
  name: 'monitoring/events/history',
  fetch: (config, limit, signal) => api.getEventHistory(config, limit, { signal }),
});

/** `/api/monitoring/cache/stats`. History: hit rate and request counters. */
export const cacheStatsResource = define({
  name: 'monitoring/cache/stats',
  fetch: (config, _p, signal) => api.getCacheStats(config, { signal }),
  sample: (c) => ({ hit_rate: c.hitRate, hits: c.hits, misses: c.misses, total_requests: c.totalRequests }),
});

/** `/api/monitoring/workers/status`. */
export const workersStatusResource = define({
  name: 'monitoring/workers/status',
  fetch: (config, _p, signal) => api.getWorkersStatus(config, { signal }),
  sample: (w) => ({ worker_count: w.workerCount, active_tasks: w.totalActiveTasks, scheduled_tasks: w.totalScheduledTasks }),
});

/** `/api/v1/ingestion/health/worker`. History: seconds since the last heartbeat, and its time. */
export const workerHealthResource = define({
  name: 'ingestion/health/worker',
  fetch: (config, _p, signal) => api.getWorkerHealth(config, { signal }),
  sample: (w) => ({
    seconds_since_last_seen: w.secondsSinceLastSeen,
    last_seen: w.lastSeen?.getTime() ?? null,
    online: w.state === 'online' ? 1 : 0,
  }),
});

/** `/api/v1/ingestion/worker/status` (legacy). */
export const legacyWorkerStatusResource = define({
  name: 'ingestion/worker/status',
  fetch: (config, _p, signal) => api.getLegacyWorkerStatus(config, { signal }),
});

/** `/api/v1/ingestion/jobs/history` with a limit. */
export const jobHistoryResource = define<api.JobHistory, number>({
  name: 'ingestion/jobs/history',
  fetch: (config, limit, signal) => api.getJobHistory(config, limit, { signal }),
});

/** `/api/v1/ingestion/health`. */
export const ingestionHealthResource = define({
  name: 'ingestion/health',
  fetch: (config, _p, signal) => api.getIngestionHealth(config, { signal }),
});
