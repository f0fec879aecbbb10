/**
 * What counts as unusual event-handler latency (the P95, in ms), in one place: the default
 * "Unusual handler latency" alert rule fires on it, and the performance chart draws the usual
 * band it compares against. Options of `detectAnomaly`.
 */
export const HANDLER_LATENCY_ANOMALY = { threshold: 3.5, window: 30, minSamples: 8, absoluteFloor: 1 } as const;
