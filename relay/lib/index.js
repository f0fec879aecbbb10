// @ts-check
// The relay's programmatic API: build one in a process of your own (tests, a launcher).
export { createRelay, RELAY_HEADER, STALE_HEADER, EXPOSED_HEADERS } from './relay.js';
export { loadConfig, ConfigError, DEFAULTS, HELP, parseDuration, parseOrigin, parseBackend } from './config.js';
export { checkBackend } from './check.js';
export { ROUTES, matchRequest, backendUrl } from './allow-list.js';
export { Poller, systemClock } from './poller.js';
export { METRIC_SOURCES, KNOWN_MODULES } from './metrics.js';
export { main } from './cli.js';
