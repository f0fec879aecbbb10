/**
 * Smart alerts: rules over the store's resources (thresholds, statuses, anomalies, failing
 * endpoints), their lifecycle (acknowledgements, silences), persisted history and
 * preferences, and the link between tabs. Export (`export.ts`) is loaded on first use. No
 * elements: the only browser APIs used are storage, BroadcastChannel and Web Locks, each
 * optional.
 */
export * from './types.js';
export * from './conditions.js';
export * from './engine.js';
export { alertMessage, anomalyWords, ENGLISH, type Wording } from './messages.js';
export { MAX_SILENCE_MS, type SilenceRefusal, type SilenceRequest } from './silences.js';
export * from './alert-history.js';
export * from './persistence.js';
export * from './default-rules.js';
export * from './monitor.js';
export * from './registry.js';
export * from './cross-tab.js';
