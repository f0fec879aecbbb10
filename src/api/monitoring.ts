/**
 * `/api/monitoring/*`: one function per endpoint. Each returns a checked model with
 * camelCase fields, Dates for timestamps (read as UTC) and fractions (0..1) for every ratio.
 * Split in modules so bundlers and the cdn/ chunks give each element only its parsers.
 */
export * from './monitoring/health.js';
export * from './monitoring/module-health.js';
export * from './monitoring/metrics.js';
