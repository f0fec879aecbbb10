// @ts-check
// The relay as a Fastify app: CORS, a rate limit on what costs work, the read-only refusal,
// the allow-listed GETs served from the poller with HTTP caching headers, its own health
// and the Prometheus metrics.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController } from 'fastify';
import { readFileSync } from 'node:fs';
import { backendUrl, matchRequest, refusalDetail } from './allow-list.js';
import { fetchBackend } from './backend.js';
import { ConfigError } from './config.js';
import { METRIC_SOURCES, createMetrics } from './metrics.js';
import { Poller, systemClock } from './poller.js';

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** The header the elements read to know they face a read-only view (src/api/http.ts RELAY_HEADER). */
export const RELAY_HEADER = 'x-pharos-relay';
/** Set when the answer is the last good one and the latest poll failed; its value says why. */
export const STALE_HEADER = 'x-pharos-relay-stale';
/** Headers a page's scripts may read (CORS hides all but a few otherwise). */
export const EXPOSED_HEADERS = ['X-Pharos-Relay', 'X-Pharos-Relay-Stale', 'Age', 'Date', 'ETag', 'Cache-Control'];
const READ_METHODS = new Set(['GET', 'HEAD']);
const READ_ONLY_DETAIL =
  'This is a read-only view of the Pharos backend: it serves monitoring data and takes no actions. Actions are taken where people sign in to Pharos itself.';
/** How long /metrics waits for the first answers of the figures it starts polling. */
const METRICS_FIRST_WAIT_MS = 5_000;

/**
 * @typedef {object} RelayOptions
 * @property {import('./poller.js').Clock} [clock] for tests: time and timers of the poller and the caching headers
 * @property {typeof fetch} [fetch] for tests: the fetch used to reach the backend
 * @property {{ write(line: string): unknown }} [logStream] where log lines go (default stdout)
 */

/**
 * Whether an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks).
 * @param {string | undefined} header
 * @param {string} etag
 */
function matchesEtag(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * A log destination that blanks the token wherever it might appear (defence in depth: the
 * relay never logs it, and pino's redaction already drops readers' Authorization headers).
 * @param {{ write(line: string): unknown }} out
 * @param {string | null} token
 */
function scrubbingStream(out, token) {
  if (!token) return out;
  const escaped = JSON.stringify(token).slice(1, -1);
  return {
    /** @param {string} line */
    write(line) {
      return out.write(line.split(token).join('[redacted]').split(escaped).join('[redacted]'));
    },
  };
}

/**
 * Creates the relay (not yet listening). Stop it with `app.close()`.
 * @example
 * const { app } = await createRelay(config);
 * await app.listen({ port: config.port, host: config.host });
 * @param {import('./config.js').RelayConfig} config
 * @param {RelayOptions} [options]
 */
export async function createRelay(config, options = {}) {
  const clock = options.clock ?? systemClock;
  const token = config.token;
  const tokenBytes = token ? Buffer.from(token) : null;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'token'], censor: '[redacted]' },
      stream: scrubbingStream(options.logStream ?? process.stdout, token),
    },
    // One log line per request would cost more than answering it; failures are logged instead.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    // Readers send no bodies.
    bodyLimit: 1024,
    return503OnClosing: true,
  });
  const metrics = createMetrics();
  const poller = new Poller({
    intervalMs: config.intervalMs,
    idleMs: config.idleMs,
    maxKeys: config.maxKeys,
    maxHeldBytes: config.maxHeldBytes,
    hasToken: Boolean(token),
    clock,
    log: app.log,
    fetch: async (request) => {
      const result = await fetchBackend(backendUrl(config.backend, request), {
        token,
        timeoutMs: config.timeoutMs,
        maxBodyBytes: config.maxBodyBytes,
        userAgent: `pharos-relay/${VERSION}`,
        fetch: options.fetch,
      });
      // Should a backend ever echo the token, it still goes no further.
      if (tokenBytes && result.kind === 'answer' && result.body.includes(tokenBytes)) {
        return { ...result, body: Buffer.from(result.body.toString('utf8').split(/** @type {string} */ (token)).join('[redacted]')) };
      }
      return result;
    },
    onPolled: (entry, result, failure) => metrics.polled(entry, result, failure),
  });
  app.addHook('onClose', async () => poller.stop());
  // First of all hooks: mark every answer.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header(RELAY_HEADER, 'read-only');
    done();
  });

  await app.register(cors, {
    origin: config.allowOrigins === '*' ? '*' : config.allowOrigins.length ? config.allowOrigins : false,
    methods: ['GET', 'HEAD'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });

  // Only what costs work is counted against a client: a request that starts a new poll, and
  // refusals. Answers already held are never limited (a wall of screens behind one office
  // address reads freely), and cost no limiter work at all.
  /** @type {((request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => Promise<void>) | null} */
  let limiter = null;
  if (config.rateLimit > 0) {
    await app.register(rateLimit, { global: false, max: config.rateLimit, timeWindow: 60_000 });
    limiter = app.rateLimit();
  }
  // Readers repeat the same few targets: their matches are kept (a bounded map, emptied when
  // full), so the hot path allocates nothing to match.
  /** @type {Map<string, import('./allow-list.js').AllowedRequest | null>} */
  const matchCache = new Map();
  const match = (/** @type {string | undefined} */ target) => {
    const key = target ?? '';
    let found = matchCache.get(key);
    if (found === undefined) {
      found = matchRequest(target);
      if (matchCache.size >= 1024) matchCache.clear();
      matchCache.set(key, found);
    }
    return found;
  };
  /** Keys whose first request is being counted: the burst that follows it is not. */
  const starting = new Set();

  const alerting = config.alertmanager ? await startAlerting(app, config, poller) : null;

  app.get('/relay/health', async (_request, reply) => {
    const failing = poller.failing();
    const alerts = alerting?.state();
    reply.header('cache-control', 'no-store');
    return {
      status: failing.length || alerts?.alertmanager.reachable === false ? 'degraded' : 'ok',
      version: VERSION,
      // The base URL only: it carries no credentials (the config refuses them).
      backend: config.backend.href.replace(/\/$/, ''),
      token: token ? (poller.tokenRejectedLogged ? 'rejected by the backend' : 'configured') : 'none',
      interval_seconds: config.intervalMs / 1000,
      polled_requests: poller.entries.size,
      held_bytes: poller.heldBytes,
      failing,
      // With --alertmanager: the rules, what fires, and whether Alertmanager is reached (since
      // when not, what waits for it).
      ...(alerts && { alerting: alerts }),
    };
  });

  const metricSources = METRIC_SOURCES.map((target) => /** @type {import('./allow-list.js').AllowedRequest} */ (matchRequest(target)));
  app.get('/metrics', async (_request, reply) => {
    // A scrape counts as a reader of the figures' sources, so a scrape alone keeps them polled.
    const first = [];
    for (const source of metricSources) {
      const entry = poller.touch(source);
      if (entry && !poller.served(entry) && entry.inFlight) first.push(entry.inFlight);
    }
    if (first.length) {
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      await Promise.race([Promise.all(first), new Promise((resolve) => (timer = setTimeout(resolve, METRICS_FIRST_WAIT_MS)))]);
      clearTimeout(timer);
    }
    metrics.observe(poller);
    reply.header('cache-control', 'no-store').type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  /** The 405 for anything but a read (counted against the client's limit). */
  const refuse = async (/** @type {import('fastify').FastifyRequest} */ request, /** @type {import('fastify').FastifyReply} */ reply) => {
    await limiter?.(request, reply);
    metrics.reader('method_not_allowed');
    return reply.code(405).header('allow', 'GET, HEAD, OPTIONS').header('cache-control', 'no-store').send({ detail: READ_ONLY_DETAIL });
  };

  app.route({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '*',
    // Refused before any body is read: this relay acts on nothing.
    onRequest: (request, reply, done) => {
      // Reads go on without a promise per request; the rest is refused.
      if (READ_METHODS.has(request.method)) return done();
      refuse(request, reply).catch((error) => reply.send(error));
    },
    handler: async (request, reply) => {
      const allowed = match(request.raw.url);
      if (!allowed) {
        await limiter?.(request, reply);
        metrics.reader('not_found');
        return reply.code(404).header('cache-control', 'no-store').send({ detail: refusalDetail(request.raw.url) });
      }
      if (limiter && !poller.holds(allowed.key) && !starting.has(allowed.key)) {
        starting.add(allowed.key);
        try {
          await limiter(request, reply);
        } finally {
          starting.delete(allowed.key);
        }
      }
      const entry = poller.touch(allowed);
      if (!entry) {
        metrics.reader('full');
        return reply
          .code(503)
          .header('retry-after', String(Math.ceil(config.intervalMs / 1000)))
          .header('cache-control', 'no-store')
          .send({ detail: 'The relay is polling as many distinct requests as it may; try again later' });
      }
      const held = poller.served(entry);
      const served = held ?? (await poller.answer(entry));
      const { snapshot } = served;
      const now = clock.now();
      const age = Math.max(0, Math.floor((now - snapshot.fetchedAt) / 1000));
      // Fresh until the next poll: max-age counts from the fetch, as Age does.
      const untilNext = Math.max(1, Math.ceil((served.nextAt - now) / 1000));
      reply
        .header('cache-control', `public, max-age=${age + untilNext}, stale-while-revalidate=${Math.ceil(config.intervalMs / 1000)}`)
        .header('age', String(age))
        .header('etag', snapshot.etag);
      if (served.stale) reply.header(STALE_HEADER, served.stale);
      if (matchesEtag(request.headers['if-none-match'], snapshot.etag)) {
        metrics.reader('not_modified');
        return reply.code(304).send();
      }
      metrics.reader(held ? 'held' : 'waited');
      return reply.code(snapshot.status).header('content-type', snapshot.contentType).send(snapshot.body);
    },
  });

  return { app, poller, metrics };
}

/**
 * With --alertmanager: the dashboard's own rules (its engine, bundled from src/) evaluated
 * on the relay's polls, whatever readers do, and sent to Alertmanager; and the read-only view
 * of Alertmanager's alerts and silences that the dashboard shows. Loaded only when asked for.
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./config.js').RelayConfig & { alertmanager: URL }} config
 * @param {Poller} poller
 */
async function startAlerting(app, config, poller) {
  const alerts = await import('./alerts/index.js');
  let rules;
  try {
    rules = config.rulesFile ? await alerts.loadRules(config.rulesFile) : undefined;
  } catch (error) {
    throw error instanceof alerts.RulesFileError ? new ConfigError(error.message) : error;
  }
  await app.register(alerts.alertmanagerRoutes, { alertmanagerUrl: config.alertmanager.href });
  const alerting = alerts.startAlerting({
    // Through the poller: the rules cost the backend no request beyond the relay's one poll.
    fetch: alerts.pollerFetch({ poller, matchRequest, intervalMs: config.intervalMs }),
    backendUrl: config.backend.href,
    intervalMs: config.intervalMs,
    rules,
    alertmanagerUrl: config.alertmanager.href,
    dashboardUrl: config.dashboardUrl ?? undefined,
    log: app.log,
  });
  app.addHook('onClose', async () => alerting.stop());
  return alerting;
}
