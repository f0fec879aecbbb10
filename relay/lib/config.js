// @ts-check
// The relay's settings from flags and environment variables (flags win), checked once at
// start-up so that a bad setting is one clear line, not a failure on the first reader.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * @typedef {object} RelayConfig
 * @property {URL} backend the backend's base URL (origin and optional path prefix, no query)
 * @property {string | null} token the bearer token sent to the backend, or none
 * @property {string[] | '*'} allowOrigins origins whose pages may read the relay (CORS); `'*'` for any
 * @property {number} port
 * @property {string} host
 * @property {number} intervalMs how often one polled request is fetched from the backend
 * @property {number} idleMs polling of a request stops after nobody asked for it this long
 * @property {number} timeoutMs a backend request that takes longer fails
 * @property {number} maxKeys distinct requests held at once
 * @property {number} maxBodyBytes the largest backend answer kept
 * @property {number} maxHeldBytes all answers held together
 * @property {number} rateLimit requests per minute per client that cost the relay work (0: off)
 * @property {boolean} trustProxy read the client address from X-Forwarded-For (behind a proxy)
 * @property {string} logLevel pino level
 * @property {URL | null} alertmanager where the dashboard's alert rules, evaluated here, are sent (Alertmanager's base URL)
 * @property {string | null} rulesFile thresholds and rules switched off, in the dashboard's preferences format
 * @property {string | null} dashboardUrl the dashboard's address, the alerts' generatorURL
 */

/** A setting that cannot work; its message is the one line printed at start-up. */
export class ConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULTS = Object.freeze({
  port: 8787,
  host: '127.0.0.1',
  intervalMs: 30_000,
  timeoutMs: 10_000,
  maxKeys: 512,
  maxBodyBytes: 2 * 1024 * 1024,
  maxHeldBytes: 64 * 1024 * 1024,
  rateLimit: 120,
  logLevel: 'info',
});

/** The option table of `util.parseArgs`, shared by the CLI and its help. */
export const OPTIONS = /** @type {const} */ ({
  backend: { type: 'string' },
  'token-file': { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  port: { type: 'string' },
  host: { type: 'string' },
  interval: { type: 'string' },
  idle: { type: 'string' },
  timeout: { type: 'string' },
  'max-keys': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'rate-limit': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'log-level': { type: 'string' },
  alertmanager: { type: 'string' },
  rules: { type: 'string' },
  'dashboard-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});

export const HELP = `Usage: pharos-relay --backend URL [--token-file FILE] [--allow-origin ORIGIN ...] [options]

A read-only relay in front of a Pharos backend: the GET endpoints the Pharos elements use,
polled once for all readers, with HTTP caching and Prometheus metrics. The token stays here.

  --backend URL          the backend's base URL, e.g. https://pharos.onrender.com   [PHAROS_RELAY_BACKEND]
  --token-file FILE      a file holding the bearer token sent to the backend        [PHAROS_RELAY_TOKEN_FILE]
                         (or the token itself in PHAROS_RELAY_TOKEN; there is no flag for it,
                         so that it never shows in a process list)
  --allow-origin ORIGIN  an origin whose pages may read the relay, e.g. https://wiki.example;
                         repeat it for more, or '*' for any page                    [PHAROS_RELAY_ALLOW_ORIGIN, comma-separated]
  --port N               default ${DEFAULTS.port}                                              [PHAROS_RELAY_PORT]
  --host ADDRESS         default ${DEFAULTS.host} (0.0.0.0 for all interfaces)                  [PHAROS_RELAY_HOST]
  --interval DURATION    how often each request is polled, default 30s              [PHAROS_RELAY_INTERVAL]
  --idle DURATION        stop polling a request nobody asked for this long,
                         default 5m (at least three intervals)                      [PHAROS_RELAY_IDLE]
  --timeout DURATION     a backend request taking longer fails, default 10s         [PHAROS_RELAY_TIMEOUT]
  --max-keys N           distinct requests held at once, default ${DEFAULTS.maxKeys}              [PHAROS_RELAY_MAX_KEYS]
  --max-body-bytes N     the largest backend answer kept, default ${DEFAULTS.maxBodyBytes}       [PHAROS_RELAY_MAX_BODY_BYTES]
  --rate-limit N         per client and minute, requests that cost work (a new request
                         to poll, a refusal); answers already held are never limited.
                         Default ${DEFAULTS.rateLimit}, 0 turns it off                           [PHAROS_RELAY_RATE_LIMIT]
  --trust-proxy          take the client address from X-Forwarded-For              [PHAROS_RELAY_TRUST_PROXY=1]
  --log-level LEVEL      fatal, error, warn, info, debug; default info              [PHAROS_RELAY_LOG_LEVEL]
  --alertmanager URL     evaluate the dashboard's alert rules here, on every poll, and send
                         what fires to this Alertmanager (v2 API)                    [PHAROS_RELAY_ALERTMANAGER]
  --rules FILE           thresholds and rules switched off, in the dashboard's alert
                         preferences format (default: the dashboard's defaults)      [PHAROS_RELAY_RULES]
  --dashboard-url URL    the dashboard's address, linked from each alert             [PHAROS_RELAY_DASHBOARD_URL]
  -h, --help

Durations: 500ms, 30s, 5m, 1h or a number of seconds.
Endpoints of its own: GET /relay/health (which backend calls fail, since when), GET /metrics;
with --alertmanager, GET /relay/alertmanager/alerts and /relay/alertmanager/silences (read-only).`;

/**
 * Parses a duration: `500ms`, `30s`, `5m`, `1h`, or a bare number of seconds.
 * @param {string} text
 * @param {string} name the setting, for the error
 * @returns {number} milliseconds
 */
export function parseDuration(text, name) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) throw new ConfigError(`${name} must be a duration such as 30s, 5m or 500ms (got "${text}")`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  const ms = Math.round(Number(match[1]) * unit);
  if (!(ms > 0)) throw new ConfigError(`${name} must be more than zero (got "${text}")`);
  return ms;
}

/**
 * @param {string} text
 * @param {string} name
 * @param {{ min: number, max: number }} bounds
 */
function parseInteger(text, name, { min, max }) {
  if (!/^\s*\d+\s*$/.test(text)) throw new ConfigError(`${name} must be a whole number (got "${text}")`);
  const value = Number(text);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max} (got ${value})`);
  return value;
}

/**
 * Checks one allowed origin: scheme, host and optional port, exactly as a browser sends it.
 * @param {string} text
 * @returns {string}
 */
export function parseOrigin(text) {
  const origin = text.trim();
  /** @type {URL} */
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw new ConfigError(`allowed origin "${text}" is not a URL: write it as https://wiki.example (scheme, host, optional port)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`allowed origin "${text}" must start with http:// or https://`);
  }
  // A browser's Origin header has no path, no trailing slash, and the default port left out.
  if (url.origin !== origin) {
    throw new ConfigError(`allowed origin "${text}" is not an origin: write it as ${url.origin} (no path, no trailing slash)`);
  }
  return origin;
}

/**
 * Checks the backend's base URL.
 * @param {string} text
 * @returns {URL}
 */
export function parseBackend(text) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigError(`backend "${text}" is not a URL: give its base URL, e.g. https://pharos.onrender.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`backend "${text}" must be an http:// or https:// URL`);
  if (url.username || url.password) throw new ConfigError('backend URL must not carry credentials: put the token in --token-file');
  if (url.search || url.hash) throw new ConfigError(`backend "${text}" must not have a query or fragment`);
  // The path prefix (e.g. a simulator hub's /sim/<id>) is kept without its trailing slash.
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/**
 * Reads the settings from command-line arguments and the environment.
 * @param {string[]} argv arguments after the command
 * @param {Record<string, string | undefined>} env
 * @returns {{ help: true } | { help: false, config: RelayConfig }}
 */
export function loadConfig(argv, env) {
  let values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError(`${error instanceof Error ? error.message : error} (see --help)`);
  }
  if (values.help) return { help: true };

  const backendText = values.backend ?? env.PHAROS_RELAY_BACKEND;
  if (!backendText) throw new ConfigError('no backend: give --backend URL (or PHAROS_RELAY_BACKEND)');
  const backend = parseBackend(backendText);

  /** @type {string | null} */
  let token = null;
  const tokenFile = values['token-file'] ?? env.PHAROS_RELAY_TOKEN_FILE;
  if (tokenFile) {
    try {
      token = readFileSync(tokenFile, 'utf8').trim();
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      throw new ConfigError(`cannot read the token file ${tokenFile} (${code ?? 'error'})`);
    }
    if (!token) throw new ConfigError(`the token file ${tokenFile} is empty`);
  } else if (env.PHAROS_RELAY_TOKEN) {
    token = env.PHAROS_RELAY_TOKEN.trim() || null;
  }
  // A token goes into a header: anything outside visible ASCII would break it (or the header).
  if (token !== null && !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError('the token contains spaces or characters that cannot go into an Authorization header');
  }

  const originTexts = values['allow-origin'] ?? (env.PHAROS_RELAY_ALLOW_ORIGIN ? env.PHAROS_RELAY_ALLOW_ORIGIN.split(',') : []);
  const trimmed = originTexts.map((o) => o.trim()).filter(Boolean);
  /** @type {string[] | '*'} */
  const allowOrigins = trimmed.includes('*') ? '*' : [...new Set(trimmed.map(parseOrigin))];

  const pick = (/** @type {string | undefined} */ flag, /** @type {string} */ envName) => flag ?? env[envName];
  const portText = pick(values.port, 'PHAROS_RELAY_PORT');
  const intervalText = pick(values.interval, 'PHAROS_RELAY_INTERVAL');
  const idleText = pick(values.idle, 'PHAROS_RELAY_IDLE');
  const timeoutText = pick(values.timeout, 'PHAROS_RELAY_TIMEOUT');
  const maxKeysText = pick(values['max-keys'], 'PHAROS_RELAY_MAX_KEYS');
  const maxBodyText = pick(values['max-body-bytes'], 'PHAROS_RELAY_MAX_BODY_BYTES');
  const rateText = pick(values['rate-limit'], 'PHAROS_RELAY_RATE_LIMIT');
  const intervalMs = intervalText ? parseDuration(intervalText, 'interval') : DEFAULTS.intervalMs;
  const idleMs = idleText ? parseDuration(idleText, 'idle') : Math.max(300_000, 3 * intervalMs);
  if (idleMs < intervalMs) throw new ConfigError(`idle (${idleMs} ms) must be at least the interval (${intervalMs} ms), or polling stops between readers`);
  const logLevel = pick(values['log-level'], 'PHAROS_RELAY_LOG_LEVEL') ?? DEFAULTS.logLevel;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`log level must be one of fatal, error, warn, info, debug (got "${logLevel}")`);
  }
  const maxBodyBytes = maxBodyText ? parseInteger(maxBodyText, 'max-body-bytes', { min: 1024, max: 64 * 1024 * 1024 }) : DEFAULTS.maxBodyBytes;

  const alertmanagerText = pick(values.alertmanager, 'PHAROS_RELAY_ALERTMANAGER');
  const alertmanager = alertmanagerText ? parseServiceUrl(alertmanagerText, 'alertmanager') : null;
  const rulesFile = pick(values.rules, 'PHAROS_RELAY_RULES') ?? null;
  if (rulesFile && !alertmanager) throw new ConfigError('--rules needs --alertmanager: the relay evaluates rules only to send them there');
  const dashboardText = pick(values['dashboard-url'], 'PHAROS_RELAY_DASHBOARD_URL');
  const dashboardUrl = dashboardText ? parseServiceUrl(dashboardText, 'dashboard-url').href : null;

  return {
    help: false,
    config: {
      backend,
      token,
      allowOrigins,
      port: portText ? parseInteger(portText, 'port', { min: 0, max: 65535 }) : DEFAULTS.port,
      host: pick(values.host, 'PHAROS_RELAY_HOST') ?? DEFAULTS.host,
      intervalMs,
      idleMs,
      timeoutMs: timeoutText ? parseDuration(timeoutText, 'timeout') : DEFAULTS.timeoutMs,
      maxKeys: maxKeysText ? parseInteger(maxKeysText, 'max-keys', { min: 1, max: 100_000 }) : DEFAULTS.maxKeys,
      maxBodyBytes,
      maxHeldBytes: Math.max(DEFAULTS.maxHeldBytes, 4 * maxBodyBytes),
      rateLimit: rateText ? parseInteger(rateText, 'rate-limit', { min: 0, max: 10_000_000 }) : DEFAULTS.rateLimit,
      trustProxy: values['trust-proxy'] ?? ['1', 'true', 'yes'].includes((env.PHAROS_RELAY_TRUST_PROXY ?? '').toLowerCase()),
      logLevel,
      alertmanager,
      rulesFile,
      dashboardUrl,
    },
  };
}

/**
 * Checks the URL of a service the relay talks to or links to (Alertmanager, the dashboard).
 * @param {string} text
 * @param {string} name the setting, for the error
 * @returns {URL}
 */
function parseServiceUrl(text, name) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigError(`${name} "${text}" is not a URL: give it as http://host:port`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} "${text}" must be an http:// or https:// URL`);
  if (url.search || url.hash) throw new ConfigError(`${name} "${text}" must not have a query or fragment`);
  return url;
}
