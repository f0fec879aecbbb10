// @ts-check
// Endpoints outside the /api tree: the app's liveness probe and Prometheus metrics.
import { json } from '../http.js';

/** @type {import('../router.js').Route[]} */
export const rootRoutes = [
  { method: 'GET', pattern: '/health', handler: () => json({ status: 'healthy', service: 'pharos-api' }) },
  {
    method: 'GET',
    pattern: '/metrics',
    handler: ({ world }) => ({
      status: 200,
      text: world.renderMetrics(),
      contentType: 'text/plain; version=0.0.4; charset=utf-8',
    }),
  },
];
