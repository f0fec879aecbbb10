// @ts-check
// `pharos-relay`: read the settings, check the backend, listen, stop cleanly on a signal.
import { ConfigError, HELP, loadConfig } from './config.js';
import { checkBackend } from './check.js';
import { createRelay } from './relay.js';

/**
 * Runs the relay until a signal stops it.
 * @param {string[]} argv arguments after the command
 * @param {Record<string, string | undefined>} env
 * @param {{ onListening?: (url: string) => void }} [hooks]
 * @returns {Promise<number>} the exit code when start-up fails; otherwise resolves when stopped (0)
 */
export async function main(argv, env, hooks = {}) {
  let config;
  /** @type {import('fastify').FastifyInstance} */
  let app;
  try {
    const loaded = loadConfig(argv, env);
    if (loaded.help) {
      console.log(HELP);
      return 0;
    }
    config = loaded.config;
    for (const warning of await checkBackend(config)) console.error(`pharos-relay: ${warning}`);
    ({ app } = await createRelay(config));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`pharos-relay: ${error.message}`);
      return 2;
    }
    throw error;
  }
  let address;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    console.error(`pharos-relay: cannot listen on ${config.host}:${config.port} (${code ?? error})`);
    return 2;
  }
  const origins = config.allowOrigins === '*' ? 'any origin' : config.allowOrigins.length ? config.allowOrigins.join(', ') : 'no cross-origin pages';
  const alerts = config.alertmanager ? `; alerts to Alertmanager at ${config.alertmanager.origin}` : '';
  console.log(`Pharos relay on ${address} for ${config.backend.href.replace(/\/$/, '')} (poll every ${config.intervalMs / 1000} s; readable by ${origins}${alerts})`);
  hooks.onListening?.(address);
  await new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      app.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
  return 0;
}
