// @ts-check
// The relay's alerting, for its CLI and server. Importing this loads the engine bundle
// (relay/scripts/build-engine.mjs must have run); a relay started without --alertmanager or
// --rules need not import it. The read-only view of Alertmanager does not need the engine:
// import it from './alertmanager-read.js' alone if that is all you use.
export { startAlerting } from './alerting.js';
export { loadRules, checkRules, defaultRules, RulesFileError } from './rules.js';
export { createAlertmanagerClient, publicUrl, DEFAULT_BACKOFF } from './alertmanager-client.js';
export { alertmanagerRoutes, createAlertmanagerReader, compactAlerts, compactSilences, AlertmanagerReadError, ALERTMANAGER_ROUTES } from './alertmanager-read.js';
export { pollerFetch } from './poller-fetch.js';
