// @ts-check
// Mounts the simulator in the Vite dev (and preview) server, so the demo has a backend
// at its own origin: base URL `/` (default instance) or `/sim/<id>`.
import { createSimulatorHub } from './hub.js';

/**
 * A Vite plugin serving the Pharos simulator.
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [pharosSimulator({ scenario: 'production-like' })] });
 * @param {import('./hub.js').HubOptions} [options]
 * @returns {import('vite').Plugin}
 */
export function pharosSimulator(options) {
  const hub = createSimulatorHub(options);
  /** @param {{ middlewares: import('vite').Connect.Server }} server */
  const mount = (server) => {
    server.middlewares.use((req, res, next) => {
      if (!hub.handle(req, res)) next();
    });
  };
  return { name: 'pharos-simulator', configureServer: mount, configurePreviewServer: mount };
}
