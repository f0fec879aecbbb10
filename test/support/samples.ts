/** A recorded real backend response from `test/fixtures/pharos-samples/`. */
export interface RecordedSample {
  request: { method: string; path: string; bearer_token: boolean; json_body: unknown };
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Every sample file name. */
export const SAMPLE_FILES = [
  'ingestion_health', 'ingestion_health_worker', 'ingestion_heartbeat_post', 'ingestion_ingest_invalid_url',
  'ingestion_ingest_no_token', 'ingestion_ingest_with_token', 'ingestion_jobs_history', 'ingestion_worker_status',
  'monitoring_cache_stats', 'monitoring_database', 'monitoring_db_pool', 'monitoring_events', 'monitoring_events_history',
  'monitoring_health', 'monitoring_health_ml', 'monitoring_health_module_search', 'monitoring_model_health',
  'monitoring_performance', 'monitoring_recommendation_quality', 'monitoring_user_engagement', 'monitoring_workers_status',
  'root_health', 'sparse_generate_empty_object', 'sparse_generate_no_body', 'sparse_generate_with_body',
] as const;

/** Loads one sample over HTTP from the test server. */
export async function loadSample(name: string): Promise<RecordedSample> {
  const response = await fetch(`/test/fixtures/pharos-samples/${name}.json`);
  if (!response.ok) throw new Error(`sample ${name} not found`);
  return response.json();
}

/** A fetch that answers every request with the given status, headers and raw body text. */
export function fetchReturning(status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): typeof fetch & { calls: { url: string; init?: RequestInit }[] } {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return new Response(status === 204 ? null : body, { status, headers });
  }) as typeof fetch & { calls: typeof calls };
  fn.calls = calls;
  return fn;
}

/** A fetch replaying a recorded sample. */
export function fetchReplaying(sample: RecordedSample) {
  return fetchReturning(sample.status, JSON.stringify(sample.body), sample.headers);
}

/**
 * One job as `GET /jobs/history` sends it: every key present, most null, `timestamp` ""
 * (as the real backend sends pending jobs). `extra` overrides fields.
 */
export function job(repo: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    repo_url: repo,
    status,
    duration_seconds: null,
    files_processed: null,
    embeddings_generated: null,
    timestamp: '',
    error: null,
    reason: null,
    age_seconds: null,
    ...extra,
  };
}
