/**
 * @pharos/ops-elements: Web Components for monitoring and operating a Pharos backend.
 * Importing this module defines every `pharos-*` tag and exports the whole API.
 */
export * from './page-api.js';

// Loaded by the elements on first use; exported here for apps that use them directly.
export { IndexedDbHistory, HISTORY_DB_NAME, HISTORY_DB_VERSION, type IndexedDbHistoryOptions } from './history/persistence.js';
export {
  queryRange, fetchPerformance, chooseStep, alignedWindow, DEFAULT_QUERIES, MAX_POINTS_PER_SERIES,
  type PrometheusConfig, type RangeQuery, type RangeSeries, type PerformanceQueries, type PrometheusPerformance,
} from './history/prometheus.js';
export * from './alerts/export.js';
