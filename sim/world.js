// @ts-check
// The simulated backend's state over time: counters, metrics, the event bus, the job queue
// and the edge worker. `advanceTo` integrates the signals of model.js in steps, so
// cumulative counters only ever grow, whatever the scenario did in between.
import { EdgeWorker } from './edge-worker.js';
import { EventLog } from './event-log.js';
import { JobQueue } from './jobs.js';
import { Signals, logNormal } from './model.js';
import { MetricFamily } from './prometheus.js';
import { createRng, hashUnit } from './rng.js';

const MIN_STEP_MS = 5_000;
const MAX_STEPS = 2_000; // a jump of any size costs at most this many steps
const JOB_ARRIVALS_PER_SECOND = 1 / 1200;
const DEMO_REPOS = [
  'github.com/pharos-demo/alpha', 'github.com/pharos-demo/beta', 'gitlab.com/pharos-demo/gamma',
  'github.com/lit/lit', 'github.com/leeoniya/uPlot', 'https://github.com/tiangolo/fastapi',
  'github.com/pharos-demo/delta', 'bitbucket.org/pharos-demo/epsilon',
];

/** Traffic share per endpoint label, as the backend's instrumentation names them. */
const ENDPOINTS = /** @type {const} */ ([
  ['GET', '/api/resources', 0.315],
  ['GET', '/api/search', 0.24],
  ['GET', '/api/monitoring/health', 0.16],
  ['GET', '/api/graph/neighbors', 0.1],
  ['POST', '/api/resources', 0.08],
  ['GET', '/health', 0.1],
  ['POST', '/api/v1/ingestion/ingest/{repo_url:path}', 0.005],
]);
// Label sets are built once, so the registry finds their series by identity.
const REQUEST_SERIES = ENDPOINTS.flatMap(([method, endpoint, share]) =>
  /** @type {const} */ (['200', '404', '500', '503']).map((status) => ({ share, status, labels: { method, endpoint, status_code: status } })),
);
const NO_LABELS = {};
const CACHE_TYPES = [['embedding', 0.5], ['search', 0.3], ['resource', 0.2]].map(([type, share]) => ({ share: Number(share), labels: { cache_type: String(type) } }));
/** Database operations: share of queries and median duration in ms. */
const DB_OPERATIONS = /** @type {const} */ ([['select', 0.8, 3], ['insert', 0.12, 7], ['update', 0.08, 6]]).map(
  ([operation, share, medianMs]) => ({ share, medianMs, labels: { operation } }),
);

/**
 * Every metric family `/metrics` exposes, with the backend's names and labels.
 */
function createMetrics() {
  return {
    duration: new MetricFamily('neo_alexandria_request_duration_seconds', 'histogram', 'Request duration in seconds', ['method', 'endpoint', 'status_code']),
    requests: new MetricFamily('neo_alexandria_requests_total', 'counter', 'Total number of requests', ['method', 'endpoint', 'status_code']),
    ingestionSuccess: new MetricFamily('neo_alexandria_ingestion_success_total', 'counter', 'Total successful resource ingestions', []),
    ingestionFailure: new MetricFamily('neo_alexandria_ingestion_failure_total', 'counter', 'Total failed resource ingestions', ['error_type']),
    aiProcessing: new MetricFamily('neo_alexandria_ai_processing_seconds', 'histogram', 'AI processing time in seconds', ['operation']),
    dbQuery: new MetricFamily('neo_alexandria_database_query_seconds', 'histogram', 'Database query time in seconds', ['operation']),
    activeIngestions: new MetricFamily('neo_alexandria_active_ingestions', 'gauge', 'Number of active ingestion processes', []),
    cacheHits: new MetricFamily('neo_alexandria_cache_hits_total', 'counter', 'Total cache hits', ['cache_type']),
    cacheMisses: new MetricFamily('neo_alexandria_cache_misses_total', 'counter', 'Total cache misses', ['cache_type']),
  };
}

export class World {
  /**
   * @param {number} seed
   * @param {number} now
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  constructor(seed, now, traits) {
    this.seed = seed >>> 0;
    this.signals = new Signals(this.seed);
    this.rng = createRng(this.seed ^ 0x5eed);
    // The backend process has been up for 2 to 8 hours when the simulator starts.
    this.startedAt = now - (2 + 6 * hashUnit(this.seed, 1)) * 3_600_000;
    this.t = this.startedAt;
    this.metrics = createMetrics();
    this.events = new EventLog(this.rng, this.signals);
    this.jobs = new JobQueue(this.rng);
    this.worker = new EdgeWorker(this.seed);
    this.cache = { hits: 0, misses: 0, invalidations: 0 };
    this.requestsServed = 0;
    this.slowQueries = 0;
    this.advanceTo(now - 120_000, traits);
    // A small backlog, like the samples: the first jobs get picked up within seconds.
    for (const ago of [95_000, 70_000, 30_000]) this.jobs.submit(this.rng.pick(DEMO_REPOS), now - ago);
    this.advanceTo(now, traits);
  }

  /**
   * Integrates everything from the last call up to `t`. Going back in time does nothing.
   * @param {number} t
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  advanceTo(t, traits) {
    if (t <= this.t) return;
    const start = this.t;
    const span = t - start;
    const steps = Math.min(MAX_STEPS, Math.max(1, Math.ceil(span / MIN_STEP_MS)));
    for (let i = 1; i <= steps; i++) this.step(this.t, i === steps ? t : start + (span * i) / steps, traits);
  }

  /**
   * One integration step over [from, to).
   * @param {number} from
   * @param {number} to
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  step(from, to, traits) {
    const mid = (from + to) / 2;
    const seconds = (to - from) / 1000;
    this.recordRequests(mid, seconds, traits);
    this.recordDatabase(mid, seconds, traits);
    if (!traits.legacy) this.recordCache(mid, seconds);
    for (const event of this.events.advance(from, to, traits)) {
      if (event.name === 'ingestion.completed') {
        this.metrics.ingestionSuccess.inc(NO_LABELS, 1, to);
        const ai = logNormal(traits.incident ? 4 : 1.2, traits.incident ? 14 : 3.5);
        this.metrics.aiProcessing.observeMany({ operation: 'embedding' }, 1, ai.cdf, ai.mean, to);
        this.metrics.aiProcessing.observeMany({ operation: 'summarization' }, 1, ai.cdf, ai.mean * 1.6, to);
      } else if (event.name === 'ingestion.failed') {
        this.metrics.ingestionFailure.inc({ error_type: String(event.data.error_type) }, 1, to);
      }
    }
    const arrivals = Array.from({ length: this.rng.poisson(seconds * JOB_ARRIVALS_PER_SECOND) }, () => this.rng.between(from, to));
    for (const at of arrivals.sort((a, b) => a - b)) this.jobs.submit(this.rng.pick(DEMO_REPOS), at);
    this.jobs.advanceTo(to, !traits.workerDown);
    this.metrics.activeIngestions.set(NO_LABELS, this.jobs.count('processing'), to);
    this.t = to;
  }

  /**
   * @param {number} t
   * @param {number} seconds
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  recordRequests(t, seconds, traits) {
    const total = this.signals.requestRate(t) * seconds;
    const errorShare = this.signals.errorRate(t, traits);
    const { p50, p95 } = this.signals.latency(t, traits);
    const ok = logNormal(p50 / 1000, p95 / 1000);
    // 5xx answers come from timeouts as often as from fast crashes: a wider spread.
    const failed = logNormal((p50 * 1.5) / 1000, (p95 * 3) / 1000);
    /** @type {Record<string, [number, { cdf: (x: number) => number, mean: number }]>} */
    const byStatus = {
      200: [1 - errorShare - 0.004, ok],
      404: [0.004, ok],
      500: [errorShare * 0.6, failed],
      503: [errorShare * 0.4, failed],
    };
    for (const { share, status, labels } of REQUEST_SERIES) {
      const [statusShare, dist] = byStatus[status];
      const count = total * share * statusShare;
      this.metrics.requests.inc(labels, count, t);
      this.metrics.duration.observeMany(labels, count, dist.cdf, dist.mean, t);
    }
    this.requestsServed += total;
  }

  /**
   * @param {number} t
   * @param {number} seconds
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  recordDatabase(t, seconds, traits) {
    const queries = this.signals.requestRate(t) * seconds * 3;
    const slow = traits.incident ? 8 : 1;
    for (const { share, medianMs, labels } of DB_OPERATIONS) {
      const dist = logNormal((medianMs * slow) / 1000, (medianMs * slow * 4) / 1000);
      this.metrics.dbQuery.observeMany(labels, queries * share, dist.cdf, dist.mean, t);
      this.slowQueries += queries * share * (1 - dist.cdf(0.1));
    }
  }

  /**
   * @param {number} t
   * @param {number} seconds
   */
  recordCache(t, seconds) {
    const lookups = this.signals.requestRate(t) * seconds * 1.5;
    const hitRate = this.signals.cacheHitRate(t);
    for (const { share, labels } of CACHE_TYPES) {
      this.metrics.cacheHits.inc(labels, lookups * share * hitRate, t);
      this.metrics.cacheMisses.inc(labels, lookups * share * (1 - hitRate), t);
    }
    this.cache.hits += lookups * hitRate;
    this.cache.misses += lookups * (1 - hitRate);
    this.cache.invalidations += lookups * 0.01;
  }

  /** @returns {string} the Prometheus text exposition of every metric */
  renderMetrics() {
    return `${Object.values(this.metrics).map((family) => family.render()).join('\n')}\n`;
  }
}
