/** Resource definitions for the modules' and models' own health (`/api/monitoring/health/*`, `/model-health`). */
import type { ModuleHealth } from '../../api/monitoring/health.js';
import { getMlHealth, getModelHealth, getModuleHealth } from '../../api/monitoring/module-health.js';
import { define } from './define.js';
import { statusScore } from './health.js';

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
