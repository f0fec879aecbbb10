// @ts-check
// The start-up check: the backend answers as a Pharos backend, and accepts the token. A
// failure is one line that says what to fix.
import { isJsonAnswer, fetchBackend } from './backend.js';
import { ConfigError } from './config.js';

/**
 * The backend's `detail` when it is a short string (never the token: the backend has no reason
 * to echo it, and the caller scrubs it anyway).
 * @param {Buffer} body
 */
function detailOf(body) {
  try {
    const detail = JSON.parse(body.toString('utf8')).detail;
    return typeof detail === 'string' && detail.length <= 120 ? `: ${detail}` : '';
  } catch {
    return '';
  }
}

/**
 * Checks that the backend can be reached and, with a token, that it accepts it.
 * @param {import('./config.js').RelayConfig} config
 * @param {{ fetch?: typeof fetch }} [options]
 * @returns {Promise<string[]>} warnings worth a line (no token)
 * @throws {ConfigError} when the relay cannot work as configured
 */
export async function checkBackend(config, options = {}) {
  const base = config.backend.href.replace(/\/$/, '');
  const common = { timeoutMs: config.timeoutMs, maxBodyBytes: config.maxBodyBytes, userAgent: 'pharos-relay (start-up check)', fetch: options.fetch };
  const health = await fetchBackend(`${base}/api/monitoring/health`, { ...common, token: null });
  if (health.kind === 'failure') {
    throw new ConfigError(`cannot reach the backend at ${base} (${health.reason === 'timeout' ? `no answer within ${config.timeoutMs} ms` : health.reason}): check --backend`);
  }
  if (!isJsonAnswer(health.contentType, health.body)) {
    throw new ConfigError(`the backend at ${base} answered /api/monitoring/health with HTTP ${health.status} (${health.contentType.split(';')[0]}), not the Pharos API: check --backend`);
  }
  if (!config.token) {
    return ['no token given (--token-file or PHAROS_RELAY_TOKEN): endpoints that need one will answer 401 through the relay'];
  }
  const probe = await fetchBackend(`${base}/api/monitoring/performance`, { ...common, token: config.token });
  if (probe.kind === 'failure') {
    throw new ConfigError(`the backend at ${base} did not answer the token check (${probe.reason})`);
  }
  if (probe.status === 401 || probe.status === 403) {
    const scrubbed = detailOf(probe.body).split(config.token).join('[redacted]');
    throw new ConfigError(`the backend rejects the token (HTTP ${probe.status}${scrubbed}): check the token file`);
  }
  return [];
}
