// @ts-check
// A Celery `inspect` snapshot for `/workers/status`: two workers whose active and
// scheduled tasks change every 10 s with the load, and per-task totals that only grow.
import { createRng, hashString } from './rng.js';
import { isoOffset } from './time.js';

const WORKERS = ['celery@pharos-worker-1', 'celery@pharos-worker-2'];
const CONCURRENCY = 4;
/** Task names with how many each worker completes per hour. */
const TASKS = /** @type {const} */ ([
  ['app.tasks.ingest_resource', 40],
  ['app.tasks.generate_embeddings', 55],
  ['app.tasks.compute_quality_scores', 20],
  ['app.tasks.rebuild_graph_edges', 4],
]);

/**
 * @param {number} seed
 * @param {number} now
 * @param {number} load traffic relative to the daily mean
 * @param {number} startedAt when the workers booted
 */
export function celerySnapshot(seed, now, load, startedAt) {
  const rng = createRng(hashString(`celery:${seed}:${Math.floor(now / 10_000)}`));
  const uptime = Math.floor((now - startedAt) / 1000);
  /** @type {Record<string, unknown[]>} */
  const active = {};
  /** @type {Record<string, unknown[]>} */
  const scheduled = {};
  /** @type {Record<string, unknown>} */
  const stats = {};
  WORKERS.forEach((hostname, index) => {
    const pid = 1000 + ((seed + index * 7919) % 30000);
    const task = () => {
      const name = rng.pick(TASKS)[0];
      return { id: rng.uuid(), name, args: [rng.uuid()], kwargs: {}, type: name, hostname, delivery_info: { exchange: '', routing_key: 'celery', priority: 0, redelivered: false } };
    };
    active[hostname] = Array.from({ length: Math.min(CONCURRENCY, rng.poisson(1.2 * load)) }, () => ({
      ...task(),
      time_start: (now - rng.between(500, 40_000)) / 1000,
      acknowledged: true,
      worker_pid: pid + 1 + rng.int(0, CONCURRENCY - 1),
    }));
    scheduled[hostname] = Array.from({ length: rng.poisson(0.6 * load) }, () => ({
      eta: isoOffset(now + rng.between(5_000, 300_000)),
      priority: 6,
      request: { ...task(), time_start: null, acknowledged: false, worker_pid: null },
    }));
    stats[hostname] = {
      pid,
      uptime,
      prefetch_count: CONCURRENCY * 4,
      broker: { hostname: 'redis', port: 6379, transport: 'redis', virtual_host: '0' },
      pool: { 'max-concurrency': CONCURRENCY, processes: Array.from({ length: CONCURRENCY }, (_, i) => pid + 1 + i), 'max-tasks-per-child': 'N/A', timeouts: [0, 0] },
      total: Object.fromEntries(TASKS.map(([name, perHour]) => [name, Math.floor((uptime / 3600) * perHour)])),
    };
  });
  const count = (/** @type {Record<string, unknown[]>} */ byWorker) =>
    Object.values(byWorker).reduce((sum, tasks) => sum + tasks.length, 0);
  return {
    worker_count: WORKERS.length,
    total_active_tasks: count(active),
    total_scheduled_tasks: count(scheduled),
    active_tasks: active,
    scheduled_tasks: scheduled,
    stats,
  };
}
