/**
 * `/api/monitoring/health/ml`, `/health/module/{name}` and `/model-health`: how the backend's
 * modules and models rate themselves. Apart from `health.ts`, so the smallest element (the
 * overall health) carries none of these parsers.
 */
import { getChecked, notApplicable, type NotApplicable } from '../envelope.js';
import type { ClientConfig, RequestOptions } from '../http.js';
import { objectAt, objectOrNull, stringOrNull } from '../read.js';
import { parseUtc } from '../time.js';
import { componentStatus, readModule, type ComponentStatus, type ModuleHealth } from './health.js';

const PREFIX = '/api/monitoring';

/** `GET /health/ml` when the ML module exists. */
export interface MlHealth {
  kind: 'ok';
  status: ComponentStatus;
  message: string;
  timestamp: Date | null;
}

/** ML classification health (public); `not-applicable` where the module was removed. */
export async function getMlHealth(config: ClientConfig, options?: RequestOptions): Promise<MlHealth | NotApplicable> {
  const path = `${PREFIX}/health/ml`;
  return getChecked(config, { path }, options, (b) =>
    notApplicable(b) ?? {
      kind: 'ok',
      status: componentStatus(b.status === 'ok' ? 'healthy' : b.status),
      message: stringOrNull(b, 'message') ?? '',
      timestamp: parseUtc(b.timestamp),
    },
  );
}

/** Health of one named module (public; any name answers). */
export async function getModuleHealth(config: ClientConfig, name: string, options?: RequestOptions): Promise<ModuleHealth> {
  const path = `${PREFIX}/health/module/${encodeURIComponent(name)}`;
  return getChecked(config, { path }, options, (b) => readModule(stringOrNull(b, 'module') ?? name, objectAt(b, 'health'), 'health'));
}

/** `GET /model-health`. */
export interface ModelHealth {
  kind: 'ok';
  status: ComponentStatus;
  timestamp: Date | null;
  /** The backend's free-form model facts. */
  model: Record<string, unknown>;
}

/** Recommendation model health (token). Today the real backend answers 500 here. */
export async function getModelHealth(config: ClientConfig, options?: RequestOptions): Promise<ModelHealth | NotApplicable> {
  const path = `${PREFIX}/model-health`;
  return getChecked(config, { path }, options, (b) =>
    notApplicable(b) ?? {
      kind: 'ok',
      status: componentStatus(b.status === 'ok' ? 'healthy' : b.status),
      timestamp: parseUtc(b.timestamp),
      model: objectOrNull(b, 'model') ?? {},
    },
  );
}
