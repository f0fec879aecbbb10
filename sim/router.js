// @ts-check
// Path patterns like FastAPI's: `:name` is one segment, `*name` the rest of the path
// (`{repo_url:path}`). Parameters are percent-decoded, as FastAPI hands them to routes.
import { methodNotAllowed } from './http.js';

/**
 * What a route handler gets.
 * @typedef {object} RouteContext
 * @property {string} method
 * @property {string} path the raw path, without the query string
 * @property {URLSearchParams} query
 * @property {Record<string, string>} params
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {() => Promise<string>} readBody
 * @property {number} now the instance clock, epoch milliseconds
 * @property {import('./world.js').World} world
 * @property {import('./scenarios.js').ScenarioTraits} traits
 * @property {import('./simulator.js').SimulatorConfig} config
 * @property {AbortSignal} signal aborted when the client goes away
 */

/** @typedef {(ctx: RouteContext) => import('./http.js').SimResponse | Promise<import('./http.js').SimResponse>} Handler */
/** @typedef {{ method: 'GET' | 'POST', pattern: string, handler: Handler }} Route */

/**
 * @param {Route[]} routes
 */
export function createRouter(routes) {
  const compiled = routes.map((route) => ({ ...route, ...compile(route.pattern) }));
  return {
    /**
     * The handler and parameters for a request, a 405 answer when only the method is
     * wrong, or undefined for an unknown path.
     * @param {string} method
     * @param {string} path
     * @returns {{ handler: Handler, params: Record<string, string> } | { response: import('./http.js').SimResponse } | undefined}
     */
    match(method, path) {
      const routeMethod = method === 'HEAD' ? 'GET' : method;
      /** @type {string[]} */
      const allowed = [];
      for (const route of compiled) {
        const found = route.regex.exec(path);
        if (!found) continue;
        if (route.method !== routeMethod) {
          allowed.push(route.method);
          continue;
        }
        const params = Object.fromEntries(route.names.map((name, i) => [name, decode(found[i + 1])]));
        return { handler: route.handler, params };
      }
      return allowed.length > 0 ? { response: methodNotAllowed(allowed) } : undefined;
    },
  };
}

/** @param {string} pattern */
function compile(pattern) {
  /** @type {string[]} */
  const names = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) return names.push(segment.slice(1)), '([^/]+)';
      if (segment.startsWith('*')) return names.push(segment.slice(1)), '(.*)';
      return segment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), names };
}

/** @param {string} value */
function decode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
