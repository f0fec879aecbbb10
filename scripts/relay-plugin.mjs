// @ts-check
// A @web/test-runner plugin that gives browser tests a real Pharos relay (relay/, its own
// package): the `start-relay` command starts one in this process, listening on a free
// loopback port, in front of a simulator instance of the test server (real HTTP both ways),
// holding the token the page does not have; `stop-relay` closes it, and the server's stop
// closes any left. The relay's code loads on first use, so a suite run without the relay's
// packages installed fails only the tests that need it, with the command that installs them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {object} StartRelay
 * @property {string} backend the simulator instance's base URL, as the page sees it
 * @property {string} origin the page's origin, allowed by the relay's CORS
 * @property {string} [token] the bearer token the relay holds for the backend
 * @property {string} [interval] the relay's poll interval (a duration: `2s`)
 */

/** @param {{ rootDir: string }} options @returns {import('@web/test-runner').TestRunnerPlugin} */
export function relayPlugin({ rootDir }) {
  /** @type {Map<string, { close(): Promise<unknown>, server: import('node:http').Server }>} */
  const running = new Map();

  /**
   * Closes a relay at once: the page under test still polls it over keep-alive connections,
   * which a graceful close would wait for.
   * @param {{ close(): Promise<unknown>, server: import('node:http').Server }} app
   */
  async function stop(app) {
    const closed = app.close();
    app.server.closeAllConnections();
    await closed;
  }

  async function relayModule() {
    if (!existsSync(join(rootDir, 'relay/node_modules/fastify'))) {
      throw new Error('The relay tests need the relay package installed: npm ci --prefix relay');
    }
    return import(pathToFileURL(join(rootDir, 'relay/lib/index.js')).href);
  }

  return {
    name: 'pharos-relay',
    async executeCommand({ command, payload }) {
      if (command === 'start-relay') {
        const { backend, origin, token, interval = '2s' } = /** @type {StartRelay} */ (payload);
        const { createRelay, loadConfig } = await relayModule();
        const args = ['--backend', backend, '--allow-origin', origin, '--interval', interval, '--port', '0', '--log-level', 'warn'];
        const { config } = loadConfig(args, token ? { PHAROS_RELAY_TOKEN: token } : {});
        const { app } = await createRelay(config, { logStream: { write: () => true } });
        const address = await app.listen({ port: 0, host: '127.0.0.1' });
        running.set(address, app);
        return { url: address };
      }
      if (command === 'stop-relay') {
        const { url } = /** @type {{ url: string }} */ (payload);
        const app = running.get(url);
        running.delete(url);
        if (app) await stop(app);
        return true;
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...running.values()].map(stop));
      running.clear();
    },
  };
}
