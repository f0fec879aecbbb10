/** Resource definitions for `/api/v1/ingestion/*`: the edge worker, its jobs and the ingestion service. */
import { getIngestionHealth, getJobHistory, getLegacyWorkerStatus, getWorkerHealth, type JobHistory } from '../../api/ingestion.js';
import { define } from './define.js';

/** `/api/v1/ingestion/health/worker`. History: seconds since the last heartbeat, and its time. */
export const workerHealthResource = define({
  name: 'ingestion/health/worker',
  fetch: (config, _p, signal) => getWorkerHealth(config, { signal }),
  sample: (w) => ({
    seconds_since_last_seen: w.secondsSinceLastSeen,
    last_seen: w.lastSeen?.getTime() ?? null,
    online: w.state === 'online' ? 1 : 0,
  }),
});

/** `/api/v1/ingestion/worker/status` (legacy). */
export const legacyWorkerStatusResource = define({
  name: 'ingestion/worker/status',
  fetch: (config, _p, signal) => getLegacyWorkerStatus(config, { signal }),
});

/** `/api/v1/ingestion/jobs/history` with a limit. */
export const jobHistoryResource = define<JobHistory, number>({
  name: 'ingestion/jobs/history',
  fetch: (config, limit, signal) => getJobHistory(config, limit, { signal }),
});

/** `/api/v1/ingestion/health`. */
export const ingestionHealthResource = define({
  name: 'ingestion/health',
  fetch: (config, _p, signal) => getIngestionHealth(config, { signal }),
});
