/**
 * One resource definition per pollable endpoint, with the numbers each keeps in history.
 * Elements name these; the source turns them into shared, polled resources. One module per
 * API area, so an element's chunk carries only the parsers of the endpoints it shows.
 */
export * from './resources/health.js';
export * from './resources/module-health.js';
export * from './resources/monitoring.js';
export * from './resources/ingestion.js';
