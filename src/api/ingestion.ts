/**
 * `/api/v1/ingestion/*`: the edge worker's liveness, the ingestion queue and its
 * history, and the action that feeds it.
 */
import { readModel, requestJson, type ClientConfig, type RequestOptions } from './http.js';
import {
  boolean, list, number, numberOrNull, object, objectAt, objectOrNull, oneOf, string, stringOrNull, type Json,
} from './read.js';
import { fromUnixSeconds, parseUtc } from './time.js';

const PREFIX = '/api/v1/ingestion';

/** The backend's answer to a queued repository. */
export interface IngestResult {
  status: string;
  jobId: number;
  /** 1-based position in the queue. */
  queuePosition: number;
  target: string;
  queueSize: number;
  maxQueueSize: number;
  message: string;
}

/**
 * Queues a repository for ingestion (token). The URL goes into the path as typed; check it
 * with `checkRepoUrl` first. 400 = invalid URL, 503 = edge worker offline or queue down.
 */
export async function ingestRepository(config: ClientConfig, repoUrl: string, options?: RequestOptions): Promise<IngestResult> {
  // The backend takes the URL as the rest of the path; encode each segment but keep the slashes.
  const encoded = repoUrl.trim().split('/').map(encodeURIComponent).join('/');
  const path = `${PREFIX}/ingest/${encoded}`;
  const { body } = await requestJson(config, { method: 'POST', path }, options);
  return readModel(`${PREFIX}/ingest`, body, (b) => ({
    status: string(b, 'status'),
    jobId: number(b, 'job_id'),
    queuePosition: number(b, 'queue_position'),
    target: stringOrNull(b, 'target') ?? '',
    queueSize: number(b, 'queue_size'),
    maxQueueSize: number(b, 'max_queue_size'),
    message: stringOrNull(b, 'message') ?? '',
  }));
}

/** Legacy worker status: today always "Offline"; use {@link getWorkerHealth} for liveness. */
export async function getLegacyWorkerStatus(config: ClientConfig, options?: RequestOptions): Promise<{ status: string }> {
  const path = `${PREFIX}/worker/status`;
  const { body } = await requestJson(config, { path }, options);
  return readModel(path, body, (b) => ({ status: string(b, 'status') }));
}

/** Edge worker liveness: `degraded` = heartbeat older than the threshold, `offline` = none recorded. */
export type WorkerState = 'online' | 'degraded' | 'offline' | 'unknown';

/** What the edge worker reported about itself in its last heartbeat. */
export interface WorkerMeta {
  /** Null when the heartbeat did not say (each view words "unknown" in its language). */
  workerId: string | null;
  version: string | null;
  embeddingModel: string | null;
  queueDrainedCount: number | null;
  lastSeen: Date | null;
}

/** `GET /health/worker`. */
export interface WorkerHealth {
  state: WorkerState;
  lastSeen: Date | null;
  secondsSinceLastSeen: number | null;
  thresholdSeconds: number;
  meta: WorkerMeta | null;
}

/** The edge worker's heartbeat state (public). */
export async function getWorkerHealth(config: ClientConfig, options?: RequestOptions): Promise<WorkerHealth> {
  const path = `${PREFIX}/health/worker`;
  const { body } = await requestJson(config, { path }, options);
  return readModel(path, body, (b) => {
    const meta = objectOrNull(b, 'worker_meta');
    return {
      state: oneOf(b.state, ['online', 'degraded', 'offline', 'unknown'] as const, 'unknown'),
      lastSeen: fromUnixSeconds(b.last_seen_unix),
      secondsSinceLastSeen: numberOrNull(b, 'seconds_since_last_seen'),
      thresholdSeconds: number(b, 'threshold_seconds'),
      meta: meta && {
        workerId: stringOrNull(meta, 'worker_id', 'worker_meta'),
        version: stringOrNull(meta, 'version', 'worker_meta'),
        embeddingModel: stringOrNull(meta, 'embedding_model', 'worker_meta'),
        queueDrainedCount: numberOrNull(meta, 'queue_drained_count', 'worker_meta'),
        lastSeen: parseUtc(meta.last_seen_iso),
      },
    };
  });
}

/** What the worker sends as its heartbeat. */
export interface HeartbeatInput {
  workerId: string;
  version?: string;
  embeddingModel?: string;
  queueDrainedCount?: number;
}

/** The backend's receipt of a heartbeat. */
export interface HeartbeatReceipt {
  accepted: boolean;
  lastSeen: Date | null;
  workerId: string;
}

/** Records a heartbeat (token). The worker calls this, not a dashboard; here for tools and tests. */
export async function postWorkerHeartbeat(config: ClientConfig, input: HeartbeatInput, options?: RequestOptions): Promise<HeartbeatReceipt> {
  const path = `${PREFIX}/health/worker`;
  const json = {
    worker_id: input.workerId,
    version: input.version,
    embedding_model: input.embeddingModel,
    queue_drained_count: input.queueDrainedCount,
  };
  const { body } = await requestJson(config, { method: 'POST', path, json }, options);
  return readModel(path, body, (b) => ({
    accepted: boolean(b, 'accepted'),
    lastSeen: fromUnixSeconds(b.last_seen_unix),
    workerId: string(b, 'worker_id'),
  }));
}

/** Known job states; anything else the backend sends is `unknown`. */
export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'unknown';

/** Every job state, in queue order, for counts and filters. */
export const JOB_STATUSES: readonly JobStatus[] = ['pending', 'processing', 'completed', 'failed', 'unknown'];

/** One ingestion job. */
export interface IngestionJob {
  repoUrl: string;
  status: JobStatus;
  /** The status text exactly as the backend sent it (for unknown ones). */
  rawStatus: string;
  durationSeconds: number | null;
  filesProcessed: number | null;
  embeddingsGenerated: number | null;
  /** Null when the backend sends `""` (pending jobs today). */
  timestamp: Date | null;
  error: string | null;
  reason: string | null;
  ageSeconds: number | null;
  /** Position in the backend's list (oldest first), a stable tie-breaker for sorting. */
  order: number;
}

/** `GET /jobs/history`. */
export interface JobHistory {
  /** As the backend lists them: oldest first. */
  jobs: IngestionJob[];
  /** The limit asked for. */
  limit: number;
  /** True when the list is as long as the limit: newer jobs may be missing. */
  mayBeTruncated: boolean;
}

/** Most jobs the backend keeps; asking for all of them means the newest are not cut off. */
export const JOB_HISTORY_LIMIT = 100;

/** Recent ingestion jobs (public). The backend lists oldest first and drops the newest past `limit`. */
export async function getJobHistory(config: ClientConfig, limit = JOB_HISTORY_LIMIT, options?: RequestOptions): Promise<JobHistory> {
  const path = `${PREFIX}/jobs/history`;
  const { body } = await requestJson(config, { path, query: { limit } }, options);
  return readModel(path, body, (b) => {
    const jobs = list(b, 'jobs').map((raw, i): IngestionJob => {
      const j = object(raw, `jobs.${i}`);
      const at = `jobs.${i}`;
      const rawStatus = stringOrNull(j, 'status', at) ?? '';
      return {
        repoUrl: string(j, 'repo_url', at),
        status: oneOf(rawStatus, JOB_STATUSES, 'unknown'),
        rawStatus,
        durationSeconds: numberOrNull(j, 'duration_seconds', at),
        filesProcessed: numberOrNull(j, 'files_processed', at),
        embeddingsGenerated: numberOrNull(j, 'embeddings_generated', at),
        timestamp: parseUtc(j.timestamp),
        error: textOrNull(j.error),
        reason: textOrNull(j.reason),
        ageSeconds: numberOrNull(j, 'age_seconds', at),
        order: i,
      };
    });
    return { jobs, limit, mayBeTruncated: jobs.length >= limit };
  });
}

const textOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** State of one service behind the ingestion API. */
export type ServiceState = 'healthy' | 'not-configured' | 'unhealthy' | 'unknown';

/** One service of `/api/v1/ingestion/health`. */
export interface IngestionService {
  name: string;
  state: ServiceState;
  /** The backend's text, e.g. `unhealthy: connection refused`. */
  message: string;
}

/** `GET /api/v1/ingestion/health` (answers 503 with the same body when unhealthy). */
export interface IngestionHealth {
  status: 'healthy' | 'unhealthy' | 'unknown';
  services: IngestionService[];
}

function serviceState(text: string): ServiceState {
  if (text === 'healthy') return 'healthy';
  if (text === 'not configured') return 'not-configured';
  if (text.startsWith('unhealthy')) return 'unhealthy';
  return 'unknown';
}

/** The ingestion API and its services (public). */
export async function getIngestionHealth(config: ClientConfig, options?: RequestOptions): Promise<IngestionHealth> {
  const path = `${PREFIX}/health`;
  const { body } = await requestJson(config, { path, bodyStatuses: [503] }, options);
  return readModel(path, body, (b: Json) => {
    const services = objectAt(b, 'services');
    return {
      status: oneOf(b.status, ['healthy', 'unhealthy', 'unknown'] as const, 'unknown'),
      services: Object.keys(services).map((name) => {
        const message = string(services, name, 'services');
        return { name, state: serviceState(message), message };
      }),
    };
  });
}
