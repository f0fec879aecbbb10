/**
 * Reads the useful fields of Celery's `inspect stats` object for one worker. Celery's shape
 * varies with its version and pool, so every field is optional and anything not known here
 * is kept in `other` for a safe summary.
 */
import type { CeleryWorker } from '../../api/monitoring.js';

/** What the workers table shows for one worker. */
export interface WorkerRow {
  name: string;
  active: number;
  scheduled: number;
  /** Pool kind, e.g. `prefork` (from `pool.implementation`), when reported. */
  pool: string | null;
  /** `pool.max-concurrency`. */
  concurrency: number | null;
  /** Number of pool processes (`pool.processes`). */
  processes: number | null;
  /** Tasks completed since start, summed over `total`. */
  tasksDone: number | null;
  /** Completed tasks by task name (`total`). */
  totals: [string, number][];
  uptimeSeconds: number | null;
  pid: number | null;
  prefetch: number | null;
  /** `transport://hostname:port` of the broker, when reported. */
  broker: string | null;
  /** Names of the tasks running now. */
  activeTaskNames: string[];
  /** Every other stats field, for the details. */
  other: [string, unknown][];
}

const KNOWN = new Set(['pid', 'uptime', 'pool', 'total', 'prefetch_count', 'broker']);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function poolKind(implementation: unknown): string | null {
  if (typeof implementation !== 'string' || !implementation) return null;
  // `celery.concurrency.prefork:TaskPool` → `prefork`
  const module = implementation.split(':')[0]!;
  return module.split('.').pop() || implementation;
}

function taskName(task: unknown): string | null {
  const t = obj(task);
  if (!t) return null;
  const name = t.name ?? obj(t.request)?.name;
  return typeof name === 'string' ? name : null;
}

/** The table row of one worker. */
export function workerRow(worker: CeleryWorker): WorkerRow {
  const s = worker.stats;
  const pool = obj(s.pool);
  const totals = Object.entries(obj(s.total) ?? {}).filter((e): e is [string, number] => num(e[1]) !== null);
  const broker = obj(s.broker);
  const brokerText =
    broker && typeof broker.hostname === 'string'
      ? `${typeof broker.transport === 'string' ? `${broker.transport}://` : ''}${broker.hostname}${num(broker.port) !== null ? `:${broker.port}` : ''}`
      : null;
  return {
    name: worker.name,
    active: worker.activeTasks.length,
    scheduled: worker.scheduledTasks.length,
    pool: poolKind(pool?.implementation),
    concurrency: num(pool?.['max-concurrency']),
    processes: Array.isArray(pool?.processes) ? pool.processes.length : null,
    tasksDone: obj(s.total) ? totals.reduce((sum, [, n]) => sum + n, 0) : null,
    totals,
    uptimeSeconds: num(s.uptime),
    pid: num(s.pid),
    prefetch: num(s.prefetch_count),
    broker: brokerText,
    activeTaskNames: worker.activeTasks.map(taskName).filter((n): n is string => n !== null),
    other: Object.entries(s).filter(([k]) => !KNOWN.has(k)),
  };
}
