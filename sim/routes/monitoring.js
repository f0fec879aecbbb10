// @ts-check
// `/api/monitoring/*`. Legacy traits reproduce today's deployment (the samples); the
// other scenarios answer the declared shapes with values from the running model.
import { celerySnapshot } from '../celery.js';
import { percentile } from '../event-log.js';
import { intQuery, json } from '../http.js';
import { POSTGRES_POOL, SQLITE_POOL } from '../model.js';
import { smoothNoise } from '../rng.js';
import { isoNaive, round } from '../time.js';

const BASE = '/api/monitoring';
/** The modules the backend registers. */
const MODULES = [
  'annotations', 'auth', 'authority', 'collections', 'github', 'graph', 'ingestion', 'mcp',
  'monitoring', 'patterns', 'pdf_ingestion', 'planning', 'quality', 'resources', 'scholarly', 'search',
];
const GRAPH_DOWN = 'Vector store unreachable: qdrant request timed out after 5.0s';
const REMOVED = 'removed (single-tenant optimization)';
/** Method timings the performance monitor reports: share of requests, cost relative to p50. */
const METHODS = /** @type {const} */ ([
  ['search_service.hybrid_search', 0.24, 1.4],
  ['resource_service.get_resource', 0.28, 0.35],
  ['graph_service.get_neighbors', 0.1, 0.9],
  ['embedding_service.embed_text', 0.06, 2.2],
]);

/** @typedef {import('../router.js').RouteContext} Ctx */

/**
 * `{status: "ok", timestamp}` followed by the endpoint's fields.
 * @param {Ctx} ctx
 * @param {Record<string, unknown>} fields
 */
const ok = (ctx, fields) => json({ status: 'ok', timestamp: isoNaive(ctx.now), ...fields });

/** @param {string} message */
const healthy = (message) => ({ status: 'healthy', message });

/**
 * @param {string} name
 * @param {Ctx} ctx
 */
function moduleHealth(name, ctx) {
  if (ctx.traits.incident && name === 'graph') return { status: 'unhealthy', message: GRAPH_DOWN };
  // Today no module registers a check; in the other scenarios the known ones do.
  const registered = !ctx.traits.legacy && MODULES.includes(name);
  return healthy(registered ? 'Module operational' : 'Module operational (no health check registered)');
}

/** @param {Ctx} ctx */
function health(ctx) {
  const { legacy, incident } = ctx.traits;
  const components = legacy
    ? {
        database: healthy('Connected'),
        redis: { status: 'unhealthy', message: 'Connection failed' },
        celery: { status: 'unhealthy', message: "Cannot connect to workers: No module named 'celery'", worker_count: 0 },
        ncf_model: { status: 'not_applicable', message: `NCF model ${REMOVED}` },
        api: healthy('API responding'),
      }
    : {
        database: healthy('Connected'),
        redis: healthy('Connected'),
        celery: { ...healthy('2 workers active'), worker_count: 2 },
        ncf_model: healthy('Model loaded'),
        api: healthy('API responding'),
      };
  const modules = legacy ? null : Object.fromEntries(MODULES.map((name) => [name, moduleHealth(name, ctx)]));
  const problems = [
    ...(legacy ? ['Redis unavailable', 'Celery workers unavailable'] : []),
    ...(incident ? ['Module graph unhealthy'] : []),
  ];
  return json({
    status: problems.length > 0 ? 'degraded' : 'healthy',
    message: problems.length > 0
      ? `System operational with degraded functionality: ${problems.join('; ')}`
      : 'All systems operational',
    timestamp: isoNaive(ctx.now),
    components,
    modules,
    error: null,
  });
}

/** @param {Ctx} ctx */
function mlHealth(ctx) {
  const legacy = ctx.traits.legacy;
  return json({
    status: legacy ? 'not_applicable' : 'ok',
    timestamp: isoNaive(ctx.now),
    message: legacy ? `ML classification module ${REMOVED}` : 'ML classification model loaded',
    http_status: 200,
  });
}

/** @param {Ctx} ctx */
function modelHealth(ctx) {
  // Today's deployment crashes here; the auth middleware turns it into a bare 500.
  if (ctx.traits.legacy) return { ...json({ detail: 'Internal server error' }, 500), cors: false };
  const { world } = ctx;
  return ok(ctx, {
    model: {
      available: true,
      model_path: 'models/ncf_model.pt',
      num_users: 24,
      num_items: 1800 + Math.floor((ctx.now - world.startedAt) / 600_000),
      embedding_dim: 64,
      file_size_mb: 3.42,
      last_modified: isoNaive(world.startedAt - 3 * 86_400_000),
    },
    error: null,
  });
}

/** @param {Ctx} ctx */
function performance(ctx) {
  const { world, traits, now } = ctx;
  if (traits.legacy) {
    const metrics = { cache_hit_rate: 0.0, cache_hits: 0, cache_misses: 0, slow_query_count: 0, method_timings: {} };
    return ok(ctx, { metrics, warnings: null });
  }
  const { p50 } = world.signals.latency(now, traits);
  const stats = cacheStats(ctx);
  const method_timings = Object.fromEntries(
    METHODS.map(([name, share, cost]) => [name, { average_ms: round(p50 * cost, 2), count: Math.floor(world.requestsServed * share) }]),
  );
  const slowest = METHODS.reduce((a, b) => (b[2] > a[2] ? b : a));
  return ok(ctx, {
    metrics: {
      cache_hit_rate: stats.hit_rate,
      cache_hits: stats.hits,
      cache_misses: stats.misses,
      slow_query_count: Math.floor(world.slowQueries),
      method_timings,
      recommendation_metrics: { total_recommendations: Math.floor(world.requestsServed * 0.02), avg_generation_time_ms: round(p50 * 1.8, 2) },
    },
    warnings: traits.incident ? [`Slow method ${slowest[0]}: average ${round(p50 * slowest[2], 1)}ms`] : null,
  });
}

/**
 * @param {Ctx} ctx
 * @param {(ctx: Ctx, days: number) => import('../http.js').SimResponse} answer
 */
function withTimeWindow(ctx, answer) {
  const days = intQuery(ctx.query, 'time_window_days', { fallback: 7, ge: 1, le: 90 });
  return days.error ?? answer(ctx, days.value);
}

/** @param {Ctx} ctx @param {number} days */
function recommendationQuality(ctx, days) {
  if (ctx.traits.legacy) {
    return json({ status: 'not_applicable', timestamp: isoNaive(ctx.now), time_window_days: days, metrics: {}, message: `Recommendations module ${REMOVED}` });
  }
  const drift = (/** @type {number} */ k) => smoothNoise(ctx.world.seed + 40 + k, ctx.now / 3_600_000);
  const metrics = {
    precision_at_10: round(0.34 + 0.04 * drift(1), 4),
    recall_at_10: round(0.21 + 0.03 * drift(2), 4),
    ndcg_at_10: round(0.41 + 0.04 * drift(3), 4),
    coverage: round(0.62 + 0.05 * drift(4), 4),
    diversity: round(0.55 + 0.05 * drift(5), 4),
    click_through_rate: round(0.08 + 0.02 * drift(6), 4),
    total_recommendations: Math.round(days * 140 * ctx.world.signals.load(ctx.now)),
  };
  return ok(ctx, { time_window_days: days, metrics, message: `Recommendation quality over the last ${days} days` });
}

/** @param {Ctx} ctx @param {number} days */
function userEngagement(ctx, days) {
  if (ctx.traits.legacy) {
    const metrics = { total_users: 0, active_users: 0, total_interactions: 0, positive_interactions: 0, positive_rate: 0.0, interactions_by_type: {}, avg_session_duration_seconds: 0.0 };
    return ok(ctx, { time_window_days: days, metrics });
  }
  const load = ctx.world.signals.load(ctx.now);
  const total = Math.round(days * 180 * load);
  const positive = Math.round(total * (0.66 + 0.04 * smoothNoise(ctx.world.seed + 50, ctx.now / 3_600_000)));
  const byType = { view: 0.55, search_click: 0.25, bookmark: 0.12, annotate: 0.08 };
  return ok(ctx, {
    time_window_days: days,
    metrics: {
      total_users: 24,
      active_users: Math.min(24, Math.round(5 + 3 * Math.sqrt(days) * load)),
      total_interactions: total,
      positive_interactions: positive,
      positive_rate: total > 0 ? round(positive / total, 4) : 0.0,
      interactions_by_type: Object.fromEntries(Object.entries(byType).map(([type, share]) => [type, Math.round(total * share)])),
      avg_session_duration_seconds: round(420 + 60 * smoothNoise(ctx.world.seed + 51, ctx.now / 3_600_000), 1),
    },
  });
}

/** The connection pool as SQLAlchemy reports it, plus the backend's derived fields. @param {Ctx} ctx */
function poolSnapshot(ctx) {
  const { world, traits, now } = ctx;
  const shape = traits.legacy ? SQLITE_POOL : POSTGRES_POOL;
  const inUse = world.signals.connectionsInUse(now, traits, shape);
  const idle = world.signals.idleConnections(now, inUse, shape);
  const capacity = shape.size + shape.maxOverflow;
  const usage = round((inUse / capacity) * 100, 2);
  const pool = {
    database_type: shape.type,
    size: shape.size,
    max_overflow: shape.maxOverflow,
    checked_in: idle,
    checked_out: inUse,
    overflow: inUse + idle - shape.size, // negative while fewer than `size` connections exist
    total_capacity: capacity,
    pool_usage_percent: usage,
    connections_available: capacity - inUse,
    ...(shape.type === 'postgresql'
      ? { pool_recycle: 3600, pool_pre_ping: true, statement_timeout_ms: 30000, isolation_level: 'READ COMMITTED' }
      : {}),
  };
  return { shape, pool, usage, inUse };
}

/** @param {Ctx} ctx */
function database(ctx) {
  const { shape, pool, usage } = poolSnapshot(ctx);
  const warnings = usage >= 75
    ? [{
        level: usage >= 90 ? 'critical' : 'warning',
        message: `Connection pool usage is high: ${usage}%`,
        recommendation: 'Look for long-running queries or leaked sessions; consider raising pool_size or max_overflow',
      }]
    : [];
  return ok(ctx, {
    database: { type: shape.type, healthy: true, health_message: 'Database connection healthy' },
    connection_pool: pool,
    warnings,
    error: null,
  });
}

/** @param {Ctx} ctx */
function dbPool(ctx) {
  const { shape, pool, inUse } = poolSnapshot(ctx);
  return ok(ctx, {
    pool: { ...pool, max_connections: shape.maxConnections, utilization_percent: round((inUse / shape.maxConnections) * 100, 2) },
  });
}

/** @param {Ctx} ctx */
function events(ctx) {
  const log = ctx.world.events;
  return ok(ctx, {
    metrics: {
      events_emitted: log.emitted,
      events_delivered: log.delivered,
      handler_errors: log.handlerErrors,
      total_handler_time_ms: log.handlerTimeMs,
      total_emission_time_ms: log.emissionTimeMs,
      event_types: { ...log.types },
      handler_latency_p50: percentile(log.handlerLatencies, 50),
      handler_latency_p95: percentile(log.handlerLatencies, 95),
      handler_latency_p99: percentile(log.handlerLatencies, 99),
      emission_latency_p50: percentile(log.emissionLatencies, 50),
      emission_latency_p95: percentile(log.emissionLatencies, 95),
      emission_latency_p99: percentile(log.emissionLatencies, 99),
    },
    error: null,
  });
}

/** @param {Ctx} ctx */
function eventHistory(ctx) {
  const limit = intQuery(ctx.query, 'limit', { fallback: 100, ge: 1, le: 1000 });
  if (limit.error) return limit.error;
  const list = ctx.world.events.history.slice(-limit.value);
  return ok(ctx, { count: list.length, events: list });
}

/** Cache counters; all zero while Redis is down (today's deployment). @param {Ctx} ctx */
function cacheStats(ctx) {
  const { cache } = ctx.world;
  const [hits, misses] = ctx.traits.legacy ? [0, 0] : [Math.floor(cache.hits), Math.floor(cache.misses)];
  const total = hits + misses;
  const rate = total > 0 ? hits / total : 0.0;
  return {
    hit_rate: round(rate, 4),
    hit_rate_percent: round(rate * 100, 2),
    hits,
    misses,
    invalidations: ctx.traits.legacy ? 0 : Math.floor(cache.invalidations),
    total_requests: total,
  };
}

/** @param {Ctx} ctx */
function workers(ctx) {
  if (ctx.traits.legacy) {
    return json({
      status: 'error',
      timestamp: isoNaive(ctx.now),
      workers: null,
      error: "No module named 'celery'",
      message: 'Could not connect to Celery workers. Ensure Redis and workers are running.',
    });
  }
  const { world, now } = ctx;
  return ok(ctx, { workers: celerySnapshot(world.seed, now, world.signals.load(now), world.startedAt) });
}

/** @type {import('../router.js').Route[]} */
export const monitoringRoutes = [
  { method: 'GET', pattern: `${BASE}/health`, handler: health },
  { method: 'GET', pattern: `${BASE}/health/ml`, handler: mlHealth },
  {
    method: 'GET',
    pattern: `${BASE}/health/module/:name`,
    handler: (ctx) => ok(ctx, { module: ctx.params.name, health: moduleHealth(ctx.params.name, ctx) }),
  },
  { method: 'GET', pattern: `${BASE}/model-health`, handler: modelHealth },
  { method: 'GET', pattern: `${BASE}/performance`, handler: performance },
  { method: 'GET', pattern: `${BASE}/recommendation-quality`, handler: (ctx) => withTimeWindow(ctx, recommendationQuality) },
  { method: 'GET', pattern: `${BASE}/user-engagement`, handler: (ctx) => withTimeWindow(ctx, userEngagement) },
  { method: 'GET', pattern: `${BASE}/database`, handler: database },
  { method: 'GET', pattern: `${BASE}/db/pool`, handler: dbPool },
  { method: 'GET', pattern: `${BASE}/events`, handler: events },
  { method: 'GET', pattern: `${BASE}/events/history`, handler: eventHistory },
  { method: 'GET', pattern: `${BASE}/cache/stats`, handler: (ctx) => ok(ctx, { cache_stats: cacheStats(ctx), error: null }) },
  { method: 'GET', pattern: `${BASE}/workers/status`, handler: workers },
];
