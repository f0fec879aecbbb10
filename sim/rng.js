// @ts-check
// Seeded randomness. Two flavours: a stateful generator for things that happen once
// (job outcomes, event stories), and stateless hashes for values that must be the same
// whenever they are recomputed for the same instant (noise, spikes, heartbeat jitter).

/**
 * FNV-1a hash of a string, as an unsigned 32-bit integer.
 * @param {string} text
 * @returns {number}
 */
export function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A value in [0, 1) fully determined by its arguments.
 * @param {number} seed
 * @param {number} a
 * @param {number} [b]
 * @returns {number}
 */
export function hashUnit(seed, a, b = 0) {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a | 0, 0xc2b2ae35) ^ Math.imul(b | 0, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/**
 * Smooth value noise in [-1, 1]: random knots at integer x, eased in between,
 * so a metric sampled every few seconds wanders instead of jumping.
 * @param {number} seed
 * @param {number} x
 * @returns {number}
 */
export function smoothNoise(seed, x) {
  const i = Math.floor(x);
  const f = x - i;
  const ease = f * f * (3 - 2 * f);
  const a = hashUnit(seed, i);
  const b = hashUnit(seed, i + 1);
  return (a + (b - a) * ease) * 2 - 1;
}

/**
 * @typedef {object} Rng
 * @property {() => number} next a float in [0, 1)
 * @property {(min: number, max: number) => number} between a float in [min, max)
 * @property {(min: number, max: number) => number} int an integer in [min, max]
 * @property {<T>(items: readonly T[]) => T} pick
 * @property {(mean: number) => number} poisson
 * @property {() => string} uuid a version-4 formatted UUID
 */

/**
 * A mulberry32 generator with a few conveniences.
 * @param {number} seed
 * @returns {Rng}
 */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex8 = () => Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    poisson(mean) {
      // Knuth for small means; a normal approximation keeps big time jumps cheap.
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(next)));
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    uuid() {
      const [a, b, c, d] = [hex8(), hex8(), hex8(), hex8()];
      const variant = '89ab'[Math.floor(next() * 4)];
      return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}

/** @param {() => number} next */
function gaussian(next) {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}
