/** Resource definitions for `/api/monitoring/health*`: the backend's and its modules' own health. */
import { getHealth, getMlHealth, getModelHealth, getModuleHealth, type ModuleHealth } from '../../api/monitoring/health.js';
import { define } from './define.js';

const statusScore = { healthy: 2, degraded: 1, unhealthy: 0 } as Record<string, number>;

/** `/api/monitoring/health`. History: overall score (2 healthy, 1 degraded, 0 unhealthy). */
export const healthResource = define({
  name: 'monitoring/health',
  fetch: (config, _p, signal) => getHealth(config, { signal }),
  sample: (h) => ({ status_score: statusScore[h.status] ?? null }),
});

/** `/api/monitoring/health/ml`. */
export const mlHealthResource = define({
  name: 'monitoring/health/ml',
  fetch: (config, _p, signal) => getMlHealth(config, { signal }),
});

/** `/api/monitoring/health/module/{name}`; the probe's latency is in history. */
export const moduleHealthResource = define<ModuleHealth, string>({
  name: 'monitoring/health/module',
  fetch: (config, name, signal) => getModuleHealth(config, name, { signal }),
  sample: (m) => ({ status_score: statusScore[m.status] ?? null }),
});

/** `/api/monitoring/model-health`. */
export const modelHealthResource = define({
  name: 'monitoring/model-health',
  fetch: (config, _p, signal) => getModelHealth(config, { signal }),
});
