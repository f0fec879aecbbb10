// @ts-check
// Injected faults: matched by path prefix (and optionally method), one-shot or persistent.
import { gatewayError } from './http.js';

export const FAULT_KINDS = /** @type {const} */ (['html-502', 'malformed-json', 'status']);

/**
 * A fault as the control API accepts it.
 * @typedef {object} FaultSpec
 * @property {string} path a path prefix, e.g. `/api/monitoring` or `/api/v1/ingestion/ingest/`
 * @property {string} [method] only this method (any when absent; preflights only when `OPTIONS`)
 * @property {number} [latencyMs] delay before answering
 * @property {typeof FAULT_KINDS[number]} [kind] what to answer instead (latency only when absent)
 * @property {number} [status] for `status`, default 500
 * @property {unknown} [body] for `status`: JSON, or a raw text when a string
 * @property {Record<string, string>} [headers] extra response headers (alone: added to the normal answer)
 * @property {number} [times] how many requests it hits; persistent when absent
 */

/** @typedef {FaultSpec & { id: number, hits: number }} Fault */

/**
 * Checks a control-API payload; returns the spec or a message saying what is wrong.
 * @param {unknown} input
 * @returns {{ spec: FaultSpec, error?: undefined } | { spec?: undefined, error: string }}
 */
export function parseFaultSpec(input) {
  if (typeof input !== 'object' || input === null) return { error: 'a fault must be a JSON object' };
  const raw = /** @type {Record<string, unknown>} */ (input);
  const { path, method, latencyMs, kind, status, body, headers, times } = raw;
  if (typeof path !== 'string' || !path.startsWith('/')) return { error: '"path" must be a path starting with "/"' };
  if (method !== undefined && typeof method !== 'string') return { error: '"method" must be a string' };
  if (latencyMs !== undefined && !(typeof latencyMs === 'number' && latencyMs >= 0)) return { error: '"latencyMs" must be a number >= 0' };
  if (kind !== undefined && !FAULT_KINDS.includes(/** @type {never} */ (kind))) return { error: `"kind" must be one of ${FAULT_KINDS.join(', ')}` };
  if (kind === undefined && latencyMs === undefined && headers === undefined) return { error: 'give "latencyMs", "kind", "headers" or a mix' };
  if (status !== undefined && !(Number.isInteger(status) && Number(status) >= 100 && Number(status) <= 599)) return { error: '"status" must be an HTTP status code' };
  if (times !== undefined && !(Number.isInteger(times) && Number(times) >= 1)) return { error: '"times" must be an integer >= 1' };
  if (headers !== undefined && !isStringRecord(headers)) return { error: '"headers" must be an object of strings' };
  return {
    spec: /** @type {FaultSpec} */ ({
      path,
      ...(method !== undefined && { method: method.toUpperCase() }),
      ...(latencyMs !== undefined && { latencyMs }),
      ...(kind !== undefined && { kind }),
      ...(status !== undefined && { status }),
      ...(body !== undefined && { body }),
      ...(headers !== undefined && { headers }),
      ...(times !== undefined && { times }),
    }),
  };
}

/** @param {unknown} value */
function isStringRecord(value) {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

export class FaultList {
  constructor() {
    /** @type {Fault[]} */
    this.faults = [];
    this.nextId = 1;
  }

  /** @param {FaultSpec} spec */
  add(spec) {
    const fault = { ...spec, id: this.nextId++, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear() {
    this.faults = [];
  }

  /**
   * The first fault matching a request, counted as used (a spent one is removed).
   * @param {string} method
   * @param {string} path
   * @returns {Fault | undefined}
   */
  take(method, path) {
    const fault = this.faults.find((f) => f.kind !== undefined && matches(f, method, path));
    if (fault) this.use(fault);
    return fault;
  }

  /**
   * What the kind-less faults matching a request add to its answer, each counted as used: the
   * sum of their delays (`{ path: '/', latencyMs: 80 }` slows every endpoint by 80 ms) and
   * their headers (`{ path: '/api', headers: {...} }` marks every answer, as a proxy would).
   * They add up and never hide a fault that replaces the answer.
   * @param {string} method
   * @param {string} path
   * @returns {{ delayMs: number, headers: Record<string, string> | undefined }}
   */
  modifiers(method, path) {
    let delayMs = 0;
    /** @type {Record<string, string> | undefined} */
    let headers;
    for (const fault of this.faults.filter((f) => f.kind === undefined && matches(f, method, path))) {
      delayMs += fault.latencyMs ?? 0;
      if (fault.headers) headers = { ...headers, ...fault.headers };
      this.use(fault);
    }
    return { delayMs, headers };
  }

  /** @param {Fault} fault */
  use(fault) {
    fault.hits++;
    if (fault.times !== undefined && fault.hits >= fault.times) this.faults = this.faults.filter((f) => f !== fault);
  }
}

/**
 * @param {Fault} fault
 * @param {string} method
 * @param {string} path
 */
function matches(fault, method, path) {
  return path.startsWith(fault.path) && (fault.method === undefined ? method !== 'OPTIONS' : fault.method === method);
}

/**
 * The answer a fault gives instead of the endpoint's own, if it replaces it.
 * (`malformed-json` keeps the real answer and truncates it, so it is not handled here.)
 * @param {Fault} fault
 * @returns {import('./http.js').SimResponse | undefined}
 */
export function faultResponse(fault) {
  if (fault.kind === 'html-502') return { ...gatewayError(), headers: fault.headers };
  if (fault.kind !== 'status') return undefined;
  const status = fault.status ?? 500;
  if (typeof fault.body === 'string') {
    return { status, text: fault.body, contentType: 'text/plain; charset=utf-8', headers: fault.headers };
  }
  return { status, body: fault.body ?? { detail: `Injected fault (${status})` }, headers: fault.headers };
}
