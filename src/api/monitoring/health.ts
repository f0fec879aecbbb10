/**
 * `/api/monitoring/health` and `/health`: how the backend rates itself. A module of its own
 * so that an element showing health carries none of the other parsers (the modules' and
 * models' own health is in `module-health.ts`).
 */
import { getChecked } from '../envelope.js';
import { readModel, requestJson, type ClientConfig, type RequestOptions } from '../http.js';
import { numberOrNull, object, objectAt, objectOrNull, oneOf, string, stringOrNull, type Json } from '../read.js';
import { parseUtc } from '../time.js';
import { humanize } from '../../util/format.js';
import { translatable } from '../../util/translatable.js';

const PREFIX = '/api/monitoring';

/** Overall system health as the backend rates it. */
export type OverallStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
/** Health of one component or module. */
export type ComponentStatus = 'healthy' | 'degraded' | 'unhealthy' | 'not_applicable' | 'unknown';

const OVERALL: readonly OverallStatus[] = ['healthy', 'degraded', 'unhealthy', 'unknown'];
const COMPONENT: readonly ComponentStatus[] = ['healthy', 'degraded', 'unhealthy', 'not_applicable', 'unknown'];

/** Reads a component/module status; anything unexpected is `unknown`, never a crash. */
export const componentStatus = (value: unknown): ComponentStatus => oneOf(value, COMPONENT, 'unknown');

/** Display names of the backend's components and services (English, for `t`); others are humanised keys. */
const COMPONENT_NAMES: Readonly<Record<string, string>> = {
  database: translatable('Database'),
  redis: 'Redis',
  celery: translatable('Celery workers'),
  ncf_model: translatable('NCF model'),
  api: 'API',
  qdrant: 'Qdrant',
};

/** The name to show for a backend component or service key (`ncf_model` → "NCF model"). */
export function componentName(key: string): string {
  return COMPONENT_NAMES[key] ?? humanize(key);
}

/** One component of `/health` (database, redis, celery, ncf_model, api, …). */
export interface ComponentHealth {
  /** Backend key, e.g. `ncf_model`. */
  name: string;
  status: ComponentStatus;
  message: string;
  /** Celery only: how many workers answered. */
  workerCount: number | null;
}

/** One backend module's health. */
export interface ModuleHealth {
  name: string;
  status: ComponentStatus;
  message: string;
  /** Every other field the module reported, for a details view. */
  details: Record<string, unknown>;
}

/** `GET /api/monitoring/health`. */
export interface HealthReport {
  status: OverallStatus;
  message: string;
  timestamp: Date | null;
  /** Known components first in a stable order, then any others the backend adds. */
  components: ComponentHealth[];
  /** Per-module health when the backend reports it; null when it does not (today). */
  modules: ModuleHealth[] | null;
}

/** Component order used for display; unknown extra components follow. */
export const COMPONENT_ORDER = ['database', 'redis', 'celery', 'ncf_model', 'api'] as const;

/** Reads one module's health object. */
export function readModule(name: string, raw: unknown, path: string): ModuleHealth {
  const obj = object(raw, path);
  const { status, message, ...details } = obj;
  return {
    name,
    status: componentStatus(status),
    message: typeof message === 'string' ? message : '',
    details,
  };
}

/** Reads the `/health` body. Exposed for tests and for callers holding a body already. */
export function readHealth(body: Json): HealthReport {
  const components = objectAt(body, 'components');
  const names = [...COMPONENT_ORDER.filter((n) => n in components), ...Object.keys(components).filter((n) => !(COMPONENT_ORDER as readonly string[]).includes(n))];
  const modules = objectOrNull(body, 'modules');
  return {
    status: oneOf(body.status, OVERALL, 'unknown'),
    message: stringOrNull(body, 'message') ?? '',
    timestamp: parseUtc(body.timestamp),
    components: names.map((name) => {
      const c = objectAt(components, name, 'components');
      return {
        name,
        status: componentStatus(c.status),
        message: stringOrNull(c, 'message', `components.${name}`) ?? '',
        workerCount: numberOrNull(c, 'worker_count', `components.${name}`),
      };
    }),
    modules: modules ? Object.entries(modules).map(([name, raw]) => readModule(name, raw, `modules.${name}`)) : null,
  };
}

/** Overall and per-component health (public endpoint). */
export async function getHealth(config: ClientConfig, options?: RequestOptions): Promise<HealthReport> {
  const path = `${PREFIX}/health`;
  return getChecked(config, { path }, options, readHealth);
}

/** `GET /health` at the backend root: the load balancer's liveness probe. */
export async function getRootHealth(config: ClientConfig, options?: RequestOptions): Promise<{ status: string; service: string }> {
  const path = '/health';
  const { body } = await requestJson(config, { path }, options);
  return readModel(path, body, (b) => ({ status: string(b, 'status'), service: stringOrNull(b, 'service') ?? '' }));
}
