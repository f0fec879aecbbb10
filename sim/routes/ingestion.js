// @ts-check
// `/api/v1/ingestion/*`: the queue in front of the edge worker.
import { checkRouteAuth } from '../auth.js';
import { THRESHOLD_SECONDS } from '../edge-worker.js';
import { detail, intQuery, json, jsonObjectBody } from '../http.js';
import { checkRepoUrl } from '../../src/api/repo-url.js';

const BASE = '/api/v1/ingestion';
const MAX_QUEUE_SIZE = 10; // advertised only: the backend accepts positions past it

/** @typedef {import('../router.js').RouteContext} Ctx */

/** @param {Ctx} ctx */
function ingest(ctx) {
  const repoUrl = ctx.params.repoUrl;
  if (!checkRepoUrl(repoUrl).ok) return detail(400, 'Invalid repository URL format');
  const worker = ctx.world.worker.health(ctx.now);
  if (worker.state !== 'online') {
    const body = {
      error: 'System Degraded: Edge Worker Offline',
      context: 'ingest',
      last_seen_seconds_ago: worker.seconds_since_last_seen,
      threshold_seconds: THRESHOLD_SECONDS,
    };
    return json({ detail: body }, 503, { 'x-pharos-edge-status': 'offline' });
  }
  const { job, queueSize } = ctx.world.jobs.submit(repoUrl, ctx.now);
  return json({
    status: 'dispatched',
    job_id: job.id,
    queue_position: queueSize,
    target: 'Edge-Worker',
    queue_size: queueSize,
    max_queue_size: MAX_QUEUE_SIZE,
    message: `Task queued successfully. Position: ${queueSize}/${MAX_QUEUE_SIZE}`,
  });
}

/** The worker's heartbeat. Public by prefix, but the route itself checks the token. @param {Ctx} ctx */
async function heartbeat(ctx) {
  const denied = ctx.traits.requireAuth ? checkRouteAuth(ctx.headers.authorization) : undefined;
  if (denied) return denied;
  const payload = jsonObjectBody(await ctx.readBody());
  if (payload.error) return payload.error;
  ctx.world.worker.recordHeartbeat(ctx.now, payload.value);
  const workerId = payload.value.worker_id;
  return json({ accepted: true, last_seen_unix: ctx.now / 1000, worker_id: typeof workerId === 'string' ? workerId : null });
}

/** @param {Ctx} ctx */
function jobHistory(ctx) {
  const limit = intQuery(ctx.query, 'limit', { fallback: 10 });
  return limit.error ?? json({ jobs: ctx.world.jobs.history(limit.value, ctx.now) });
}

/** Redis, database and Qdrant checks; 503 with the same body when one fails. @param {Ctx} ctx */
function serviceHealth(ctx) {
  const services = {
    redis: 'healthy',
    database: 'healthy',
    qdrant: ctx.traits.incident ? 'unhealthy: timed out' : 'not configured',
  };
  const unhealthy = Object.values(services).some((value) => value.startsWith('unhealthy'));
  return json({ status: unhealthy ? 'unhealthy' : 'healthy', services }, unhealthy ? 503 : 200);
}

/** @type {import('../router.js').Route[]} */
export const ingestionRoutes = [
  { method: 'POST', pattern: `${BASE}/ingest/*repoUrl`, handler: ingest },
  {
    method: 'GET',
    pattern: `${BASE}/worker/status`,
    // Legacy status key: nothing writes it today, so the backend falls back to "Offline".
    handler: ({ traits }) => json({ status: traits.legacy || traits.workerDown ? 'Offline' : 'Online' }),
  },
  { method: 'GET', pattern: `${BASE}/health/worker`, handler: (ctx) => json(ctx.world.worker.health(ctx.now)) },
  { method: 'POST', pattern: `${BASE}/health/worker`, handler: heartbeat },
  { method: 'GET', pattern: `${BASE}/jobs/history`, handler: jobHistory },
  { method: 'GET', pattern: `${BASE}/health`, handler: serviceHealth },
];
