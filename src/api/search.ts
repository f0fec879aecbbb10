/** `/api/search/admin/*`: search index maintenance. */
import { readModel, requestJson, type ClientConfig, type RequestOptions } from './http.js';
import { numberOrNull, number, oneOf, string } from './read.js';

/** Options for sparse-embedding generation. */
export interface SparseGenerateInput {
  /** Only these resources; omitted or empty = every resource still missing one. */
  resourceIds?: string[] | null;
  batchSize?: number;
}

/** The answer once generation has finished. */
export interface SparseGenerateResult {
  status: 'completed' | 'failed' | 'unknown';
  jobId: string;
  estimatedDurationMinutes: number | null;
  resourcesToProcess: number;
}

/**
 * Generates sparse embeddings (token). The backend answers only when the work is done,
 * which can take minutes, so there is no timeout by default: abort with `options.signal`.
 */
export async function generateSparseEmbeddings(
  config: ClientConfig,
  input: SparseGenerateInput = {},
  options: RequestOptions = {},
): Promise<SparseGenerateResult> {
  const path = '/api/search/admin/sparse-embeddings/generate';
  const json: Record<string, unknown> = {};
  if (input.resourceIds && input.resourceIds.length > 0) json.resource_ids = input.resourceIds;
  if (input.batchSize !== undefined) json.batch_size = input.batchSize;
  const { body } = await requestJson(config, { method: 'POST', path, json }, { timeoutMs: 0, ...options });
  return readModel(path, body, (b) => ({
    status: oneOf(b.status, ['completed', 'failed', 'unknown'] as const, 'unknown'),
    jobId: string(b, 'job_id'),
    estimatedDurationMinutes: numberOrNull(b, 'estimated_duration_minutes'),
    resourcesToProcess: number(b, 'resources_to_process'),
  }));
}

