// @ts-check
// Prometheus figures: the backend's, read from the good answers the relay polls anyway, and
// the relay's own. Names say their unit (`_seconds`, `_ratio`, `_total`) and labels take few
// values (endpoint names from the allow-list, module names the backend registers).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The modules the backend registers (shared/pharos-api.md); /metrics polls each one's health. */
export const KNOWN_MODULES = Object.freeze([
  'annotations', 'auth', 'authority', 'collections', 'github', 'graph', 'ingestion', 'mcp',
  'monitoring', 'patterns', 'pdf_ingestion', 'planning', 'quality', 'resources', 'scholarly', 'search',
]);

/** The requests /metrics keeps polled, so that a scrape alone fills the backend's figures. */
export const METRIC_SOURCES = Object.freeze([
  '/api/monitoring/health',
  '/api/monitoring/performance',
  '/api/monitoring/database',
  '/api/monitoring/events',
  '/api/monitoring/cache/stats',
  '/api/monitoring/workers/status',
  '/api/v1/ingestion/health/worker',
  '/api/v1/ingestion/jobs/history?limit=100',
  ...KNOWN_MODULES.map((name) => `/api/monitoring/health/module/${name}`),
]);

const HEALTH_STATES = ['healthy', 'degraded', 'unhealthy', 'error'];
const COMPONENT_STATES = ['healthy', 'unhealthy', 'not_applicable', 'unknown'];
const WORKER_STATES = ['online', 'degraded', 'offline'];
const JOB_STATES = ['pending', 'processing', 'completed', 'failed', 'unknown'];
const HEALTH_SCORE = /** @type {Record<string, number>} */ ({ healthy: 2, degraded: 1, unhealthy: 0 });

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** @param {unknown} value @returns {number | null} */
const num = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Sets a gauge, or drops the series when the backend gave no number (a gauge without labels
 * is taken out of the registry: prom-client would show 0, which would be a false figure).
 * @param {Gauge<string>} gauge
 * @param {number | null} value
 * @param {Record<string, string>} [labels]
 */
function setOrDrop(gauge, value, labels = {}) {
  const registry = /** @type {Registry} */ (gaugeRegistry.get(gauge));
  const unlabelled = Object.keys(labels).length === 0;
  if (value === null) {
    if (unlabelled) registry.removeSingleMetric(gauge.name);
    else gauge.remove(labels);
    return;
  }
  if (unlabelled && !registry.getSingleMetric(gauge.name)) registry.registerMetric(gauge);
  gauge.set(labels, value);
}

/** The registry of each backend figure, registered there on its first value. @type {WeakMap<Gauge<string> | Counter<string>, Registry>} */
const gaugeRegistry = new WeakMap();

/**
 * A counter that mirrors a cumulative count the backend reports (it only grows until the
 * backend restarts; Prometheus reads a drop as a reset, as with its own counters).
 * @param {Counter<string>} counter
 * @param {number | null} value
 */
function mirror(counter, value) {
  const registry = /** @type {Registry} */ (gaugeRegistry.get(counter));
  if (value === null || value < 0) {
    registry.removeSingleMetric(counter.name);
    return;
  }
  if (!registry.getSingleMetric(counter.name)) registry.registerMetric(counter);
  counter.reset();
  counter.inc(value);
}

/**
 * A state set: the current state 1, the others 0.
 * @param {Gauge<string>} gauge
 * @param {string[]} states
 * @param {string | null} current
 * @param {Record<string, string>} [labels]
 */
function stateSet(gauge, states, current, labels = {}) {
  for (const state of states) gauge.set({ ...labels, status: state }, state === current ? 1 : 0);
}

/** Creates the registry and what updates it. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pharos_relay_' });
  const r = [registry];

  // The relay's own figures.
  // Readers are counted in plain numbers on the hot path and handed to prom-client at scrape time.
  /** @type {Record<string, number>} */
  const readerCounts = { held: 0, waited: 0, not_modified: 0, not_found: 0, method_not_allowed: 0, full: 0 };
  new Counter({
    name: 'pharos_relay_reader_requests_total',
    help: 'Requests from readers, by result',
    labelNames: ['result'],
    registers: r,
    collect() {
      this.reset();
      for (const [result, count] of Object.entries(readerCounts)) this.inc({ result }, count);
    },
  });
  new Counter({
    name: 'pharos_relay_cache_hits_total',
    help: 'Reader requests answered from a held answer',
    registers: r,
    collect() {
      this.reset();
      this.inc(readerCounts.held + readerCounts.not_modified);
    },
  });
  new Counter({
    name: 'pharos_relay_cache_misses_total',
    help: 'Reader requests that waited for a first backend answer',
    registers: r,
    collect() {
      this.reset();
      this.inc(readerCounts.waited);
    },
  });
  const backendRequests = new Counter({ name: 'pharos_relay_backend_requests_total', help: 'Requests the relay made to the backend, by endpoint and outcome', labelNames: ['endpoint', 'outcome'], registers: r });
  const backendErrors = new Counter({ name: 'pharos_relay_backend_errors_total', help: 'Backend requests without a good answer, by endpoint and reason', labelNames: ['endpoint', 'reason'], registers: r });
  const backendDuration = new Histogram({
    name: 'pharos_relay_backend_request_duration_seconds',
    help: 'Time to a backend answer (or failure), by endpoint',
    labelNames: ['endpoint'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: r,
  });
  const held = new Gauge({ name: 'pharos_relay_held_requests', help: 'Distinct requests being polled', registers: r });
  const heldBytes = new Gauge({ name: 'pharos_relay_held_bytes', help: 'Bytes of the answers held', registers: r });
  const failing = new Gauge({ name: 'pharos_relay_failing_requests', help: 'Polled requests whose latest backend call failed', registers: r });

  // The backend's figures.
  const g = (/** @type {string} */ name, /** @type {string} */ help, /** @type {string[]} */ labelNames = []) => {
    // Registered when first set (see setOrDrop), so a figure never read is not shown as 0.
    const gauge = new Gauge({ name, help, labelNames, registers: labelNames.length ? r : [] });
    gaugeRegistry.set(gauge, registry);
    return gauge;
  };
  const c = (/** @type {string} */ name, /** @type {string} */ help) => {
    const counter = new Counter({ name, help, registers: [] });
    gaugeRegistry.set(counter, registry);
    return counter;
  };
  const healthScore = g('pharos_health_score', 'Overall backend health: 2 healthy, 1 degraded, 0 unhealthy');
  const healthStatus = g('pharos_health_status', 'Overall backend health as a state set', ['status']);
  const componentStatus = g('pharos_component_status', 'Each component\'s status as a state set (database, redis, celery, ncf_model, api)', ['component', 'status']);
  const moduleUp = g('pharos_module_up', 'Whether a module\'s health check reports healthy (1) or not (0)', ['module']);
  const moduleProbe = g('pharos_module_probe_duration_seconds', 'Latest time to answer a module\'s health probe, seen from the relay', ['module']);
  const poolUsage = g('pharos_db_pool_usage_ratio', 'Database connection pool usage (checked out over capacity)');
  const poolCheckedOut = g('pharos_db_pool_checked_out_connections', 'Database connections checked out');
  const poolCapacity = g('pharos_db_pool_capacity_connections', 'Database pool capacity (size plus overflow)');
  const dbUp = g('pharos_db_up', 'Whether the backend reports its database healthy');
  const cacheHitRatio = g('pharos_cache_hit_ratio', 'The backend cache\'s hit rate (0 to 1)');
  const backendCacheHits = c('pharos_cache_hits_total', 'The backend cache\'s hits (its cumulative count)');
  const backendCacheMisses = c('pharos_cache_misses_total', 'The backend cache\'s misses (its cumulative count)');
  const perfCacheHitRatio = g('pharos_performance_cache_hit_ratio', 'Cache hit rate in the backend\'s performance report (0 to 1)');
  const slowQueries = g('pharos_slow_queries', 'Slow queries in the backend\'s performance report');
  const eventsEmitted = c('pharos_events_emitted_total', 'Events emitted on the backend\'s event bus');
  const eventsDelivered = c('pharos_events_delivered_total', 'Events delivered to handlers');
  const handlerErrors = c('pharos_event_handler_errors_total', 'Event handler errors');
  const handlerLatency = g('pharos_event_handler_latency_seconds', 'Event handler latency percentiles as the backend reports them', ['quantile']);
  const workerAge = g('pharos_worker_last_heartbeat_age_seconds', 'Seconds since the edge worker\'s last heartbeat');
  const workerState = g('pharos_worker_state', 'The edge worker\'s state as a state set', ['status']);
  const jobs = g('pharos_ingestion_jobs', 'Ingestion jobs in the backend\'s history (limit 100), by state', ['state']);
  const queueSize = g('pharos_ingestion_queue_size', 'Ingestion jobs not finished (pending or processing) in the history');
  const celeryWorkers = g('pharos_celery_workers', 'Celery workers the backend sees');
  const celeryActive = g('pharos_celery_active_tasks', 'Celery tasks running');

  /** @type {Record<string, (body: Record<string, any>, entry: import('./poller.js').Entry, result: import('./backend.js').BackendResult) => void>} */
  const figureReaders = {
    'monitoring/health': (body) => {
      const status = typeof body.status === 'string' ? body.status : null;
      setOrDrop(healthScore, status !== null && status in HEALTH_SCORE ? HEALTH_SCORE[status] : null);
      stateSet(healthStatus, HEALTH_STATES, status);
      if (isObject(body.components)) {
        for (const [component, value] of Object.entries(body.components).slice(0, 20)) {
          const s = isObject(value) && typeof value.status === 'string' && COMPONENT_STATES.includes(value.status) ? value.status : 'unknown';
          stateSet(componentStatus, COMPONENT_STATES, s, { component });
        }
      }
    },
    'monitoring/health/module': (body, entry, result) => {
      const module = entry.request.path.split('/').pop() ?? '';
      if (!KNOWN_MODULES.includes(module)) return;
      const status = isObject(body.health) ? body.health.status : null;
      moduleUp.set({ module }, status === 'healthy' ? 1 : 0);
      moduleProbe.set({ module }, result.durationMs / 1000);
    },
    'monitoring/database': (body) => {
      const pool = isObject(body.connection_pool) ? body.connection_pool : {};
      const percent = num(pool.pool_usage_percent);
      setOrDrop(poolUsage, percent === null ? null : percent / 100);
      setOrDrop(poolCheckedOut, num(pool.checked_out));
      setOrDrop(poolCapacity, num(pool.total_capacity));
      setOrDrop(dbUp, isObject(body.database) && typeof body.database.healthy === 'boolean' ? Number(body.database.healthy) : null);
    },
    'monitoring/cache/stats': (body) => {
      const stats = isObject(body.cache_stats) ? body.cache_stats : {};
      setOrDrop(cacheHitRatio, num(stats.hit_rate));
      mirror(backendCacheHits, num(stats.hits));
      mirror(backendCacheMisses, num(stats.misses));
    },
    'monitoring/performance': (body) => {
      const metrics = isObject(body.metrics) ? body.metrics : {};
      setOrDrop(perfCacheHitRatio, num(metrics.cache_hit_rate));
      setOrDrop(slowQueries, num(metrics.slow_query_count));
    },
    'monitoring/events': (body) => {
      const metrics = isObject(body.metrics) ? body.metrics : {};
      mirror(eventsEmitted, num(metrics.events_emitted));
      mirror(eventsDelivered, num(metrics.events_delivered));
      mirror(handlerErrors, num(metrics.handler_errors));
      for (const [quantile, key] of [['0.5', 'handler_latency_p50'], ['0.95', 'handler_latency_p95'], ['0.99', 'handler_latency_p99']]) {
        const ms = num(metrics[key]);
        setOrDrop(handlerLatency, ms === null ? null : ms / 1000, { quantile });
      }
    },
    'ingestion/health/worker': (body) => {
      setOrDrop(workerAge, num(body.seconds_since_last_seen));
      stateSet(workerState, WORKER_STATES, typeof body.state === 'string' ? body.state : null);
    },
    'ingestion/jobs/history': (body, entry) => {
      if (entry.request.search !== '?limit=100' || !Array.isArray(body.jobs)) return;
      /** @type {Record<string, number>} */
      const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0]));
      for (const job of body.jobs) {
        const state = isObject(job) && JOB_STATES.includes(job.status) ? job.status : 'unknown';
        counts[state] += 1;
      }
      for (const [state, count] of Object.entries(counts)) jobs.set({ state }, count);
      setOrDrop(queueSize, counts.pending + counts.processing);
    },
    'monitoring/workers/status': (body) => {
      const workers = isObject(body.workers) ? body.workers : {};
      setOrDrop(celeryWorkers, num(workers.worker_count));
      setOrDrop(celeryActive, num(workers.total_active_tasks));
    },
  };

  return {
    registry,
    /**
     * Counts one reader's request.
     * @param {'held' | 'waited' | 'not_modified' | 'not_found' | 'method_not_allowed' | 'full'} result
     */
    reader(result) {
      readerCounts[result] += 1;
    },
    /**
     * Records one backend poll and, for a good answer, the figures in it.
     * @param {import('./poller.js').Entry} entry
     * @param {import('./backend.js').BackendResult} result
     * @param {import('./poller.js').FailureReason | null} failure
     */
    polled(entry, result, failure) {
      const endpoint = entry.request.route.name;
      backendRequests.inc({ endpoint, outcome: failure === null ? 'ok' : 'failed' });
      backendDuration.observe({ endpoint }, result.durationMs / 1000);
      if (failure !== null) {
        // Status codes are folded into a few reasons to keep the label small.
        const reason = failure.startsWith('http-') ? `http_${failure.slice(5, 6)}xx` : failure.replace(/-/g, '_');
        backendErrors.inc({ endpoint, reason });
        return;
      }
      const read = figureReaders[endpoint];
      if (!read || result.kind !== 'answer') return;
      let body;
      try {
        body = JSON.parse(result.body.toString('utf8'));
      } catch {
        return;
      }
      if (isObject(body)) read(body, entry, result);
    },
    /**
     * Updates the figures about what the relay holds (called before each scrape).
     * @param {import('./poller.js').Poller} poller
     */
    observe(poller) {
      held.set(poller.entries.size);
      heldBytes.set(poller.heldBytes);
      let count = 0;
      for (const entry of poller.entries.values()) if (entry.failure) count += 1;
      failing.set(count);
    },
  };
}

/** @typedef {ReturnType<typeof createMetrics>} RelayMetrics */
