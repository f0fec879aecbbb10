/**
 * Every `pharos-*` tag, and the API a page uses with them: the client, the shared polling
 * store, alerts and events. `cdn/pharos-ops.js` is built from this module. What only some
 * pages use, and elements load on first use (IndexedDB history, the Prometheus client, alert
 * export), is left to `index.ts`, so that in the no-build file it stays in on-demand chunks.
 * `<pharos-source>` comes first, so elements upgraded after it find it at once.
 */

// Data: the API client, the shared polling store, history and alerts.
export * from './api/index.js';
export * from './store/index.js';
export { ResourceListController } from './store/lit/resource-list-controller.js';
export { lastIngestSubmission, recentIngestSubmissions, recordIngestSubmission, type IngestSubmission } from './ingestion/submissions.js';
export { prometheusPerformanceResource, type PrometheusPerformanceParams } from './history/prometheus-resource.js';
export { requestStats, observedSince, type RequestStats } from './history/percentiles.js';
export * from './alerts/index.js';
export * from './analysis/anomaly.js';

// Languages: add one, or change strings, for every element on the page.
export { registerTranslation, type Translation, type PluralForms } from './i18n/translate.js';

// Events.
export * from './events/refresh.js';
export * from './events/time-range-change.js';
export * from './events/ingest-submitted.js';
export * from './events/sparse-generated.js';
export * from './events/alert-fired.js';
export * from './events/alert-acknowledge.js';

// Elements. The base class is public so apps can build their own elements on the store.
export { PharosElement } from './ui/pharos-element.js';
export { VERSION } from './version.js';
export { PharosSourceElement } from './components/source/source.js';
export { PharosStatusBadge } from './components/status-badge/status-badge.js';
export { PharosTrend } from './components/trend/trend.js';
export { describeTrend, type TrendFormat, type TrendGood } from './components/trend/trend.component.js';
export { PharosMetricCard } from './components/metric-card/metric-card.js';
export { formatMetric, type MetricFormat } from './util/format-figures.js';
export { PharosTimeseries } from './components/timeseries/timeseries.js';
export type { TimeseriesSeries, TimeseriesThreshold, TimeseriesMark, TimeseriesBand } from './components/timeseries/timeseries.js';
export { PharosDashboardHeader } from './components/dashboard-header/dashboard-header.js';
export { PharosHealth } from './components/health/health.js';
export { PharosAlerts } from './components/alerts/alerts.js';
export { PharosModuleGrid } from './components/module-grid/module-grid.js';
export { DEFAULT_MODULES } from './components/module-grid/module-grid.component.js';
export { PharosPerformance } from './components/performance/performance.js';
export { PharosPerformanceSummary } from './components/performance-summary/performance-summary.js';
export { PharosDatabase } from './components/database/database.js';
export { PharosEventBus } from './components/event-bus/event-bus.js';
export { PharosCache } from './components/cache/cache.js';
export { PharosWorkers } from './components/workers/workers.js';
export { PharosMlModels } from './components/ml-models/ml-models.js';
export { PharosEngagement } from './components/engagement/engagement.js';
export { PharosRecommendations } from './components/recommendations/recommendations.js';
export { PharosWorkerHeartbeat } from './components/worker-heartbeat/worker-heartbeat.js';
export { PharosIngestQueue } from './components/ingest-queue/ingest-queue.js';
export { PharosIngestTrigger } from './components/ingest-trigger/ingest-trigger.js';
export { PharosJobHistory } from './components/job-history/job-history.js';
export type { JobAction, JobFilter } from './components/job-history/job-history.component.js';
export { PharosSparseEmbeddings } from './components/sparse-embeddings/sparse-embeddings.js';
export { PharosOpsDashboard } from './components/ops-dashboard/ops-dashboard.js';
