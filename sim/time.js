// @ts-check
// Timestamp formats of the real backend. Python's isoformat prints microseconds; our
// clock is in (possibly fractional) milliseconds, so the sub-millisecond part fills them.

/** @param {number} ms */
function isoMicros(ms) {
  const whole = Math.floor(ms);
  const micros = Math.min(999, Math.floor((ms - whole) * 1000));
  return new Date(whole).toISOString().slice(0, 23) + String(micros).padStart(3, '0');
}

/**
 * Naive UTC, like the monitoring endpoints: `2026-11-22T10:23:18.949106`.
 * @param {number} ms
 */
export const isoNaive = (ms) => isoMicros(ms);

/**
 * Zone-aware UTC, like event history: `2026-11-22T10:23:18.720068+00:00`.
 * @param {number} ms
 */
export const isoOffset = (ms) => `${isoMicros(ms)}+00:00`;

/**
 * Zulu UTC, like the worker heartbeat meta: `2026-11-22T10:23:18.034137Z`.
 * @param {number} ms
 */
export const isoZulu = (ms) => `${isoMicros(ms)}Z`;

/**
 * Rounds like Python's round(x, digits) closely enough for display values.
 * @param {number} value
 * @param {number} digits
 */
export const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
