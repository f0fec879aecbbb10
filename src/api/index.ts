/**
 * The Pharos API client: plain functions over `fetch`, no DOM and no timers. Each takes a
 * {@link ClientConfig} and returns a checked model, or throws a {@link PharosError}.
 */
export * from './errors.js';
export { requestJson, endpointUrl, detailText, DEFAULT_TIMEOUT_MS } from './http.js';
export { MAX_CONCURRENT_PER_ORIGIN, timingNote, type RequestTiming, type TimingMethod } from './timing.js';
export type { ClientConfig, TokenSource, TokenProvider, RequestOptions, CallSpec, JsonResponse } from './http.js';
export { isNotApplicable, type NotApplicable } from './envelope.js';
export { parseUtc } from './time.js';
export { checkRepoUrl } from './repo-url.js';
export * from './monitoring.js';
export * from './ingestion.js';
export * from './search.js';
