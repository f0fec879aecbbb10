/**
 * Prometheus history as a store resource, so it rides the same machinery as the backend's
 * endpoints: one timer per (server, queries, range), in-flight dedup, backoff, the header's
 * refresh (`source.refresh()`), and the source's time range as a parameter.
 */
import { ErrorKind, PharosError } from '../api/errors.js';
import type { Resource, ResourceDefinition } from '../store/resource.js';
import { TIME_RANGE_MS, type TimeRange } from '../store/time-range.js';
import type { PerformanceQueries, PrometheusPerformance } from './prometheus.js';

/** Parameters of {@link prometheusPerformanceResource}; JSON-serialisable (they key the resource). */
export interface PrometheusPerformanceParams {
  /** Prometheus-compatible base URL. */
  url: string;
  /** Path before `/api/v1` (Mimir: `/prometheus`). */
  pathPrefix?: string;
  /** Extra headers (a tenant header). */
  headers?: Record<string, string>;
  /** Query overrides; missing ones use the Pharos defaults. */
  queries?: Partial<PerformanceQueries>;
  /** The time range to show. */
  range: TimeRange;
}

/** The Prometheus client, loaded with the first query: most pages have no Prometheus. */
const loadClient = () =>
  import('./prometheus.js').catch((cause: unknown) => {
    // A browser keeps a module that failed to load as failed: only a reload tries again.
    throw new PharosError(ErrorKind.network, "The Prometheus client, part of this page's code, could not be loaded. Check the connection, then reload the page.", { cause });
  });

/**
 * Latency percentiles, request rate and error rate over a time range, from Prometheus.
 * Its name starts with `prometheus/`: the in-browser statistics and persistence skip it,
 * since these requests do not go to the Pharos backend.
 */
export const prometheusPerformanceResource: ResourceDefinition<PrometheusPerformance, PrometheusPerformanceParams> = {
  name: 'prometheus/performance',
  external: true,
  // The Pharos token stays out: only the timeout and fetch of the source's config are used.
  fetch: async (config, p, signal) =>
    (await loadClient()).fetchPerformance(
      { url: p.url, pathPrefix: p.pathPrefix, headers: p.headers, timeoutMs: config.timeoutMs, fetch: config.fetch },
      { rangeMs: TIME_RANGE_MS[p.range], queries: p.queries },
      signal,
    ),
};

/** True for resources whose requests do not go to the Pharos backend (see `ResourceDefinition.external`). */
export function isExternalResource(resource: Pick<Resource, 'definition'>): boolean {
  return resource.definition.external === true;
}
