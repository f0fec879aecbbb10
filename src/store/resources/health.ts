/** The resource definition for `/api/monitoring/health`: the backend's own health. */
import { getHealth } from '../../api/monitoring/health.js';
import { define } from './define.js';

/** A status as a number for history: 2 healthy, 1 degraded, 0 unhealthy. @internal */
export const statusScore = { healthy: 2, degraded: 1, unhealthy: 0 } as Record<string, number>;

/** `/api/monitoring/health`. History: overall score (2 healthy, 1 degraded, 0 unhealthy). */
export const healthResource = define({
  name: 'monitoring/health',
  fetch: (config, _p, signal) => getHealth(config, { signal }),
  sample: (h) => ({ status_score: statusScore[h.status] ?? null }),
});
