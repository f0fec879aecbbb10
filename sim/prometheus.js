// @ts-check
// A tiny Prometheus registry that renders what Python's prometheus_client renders:
// float sample values, `le` as the last label, and `_created` gauges after each family.
// Counts are kept as floats (the model adds fractional expected counts) and printed
// floored, so they stay integers and never decrease.

/** prometheus_client's default histogram buckets, in seconds. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** @typedef {Record<string, string>} Labels */

/**
 * @typedef {object} Series
 * @property {Labels} labels
 * @property {number} value counter or gauge value
 * @property {number[]} buckets cumulative counts per bucket (histograms)
 * @property {number} sum
 * @property {number} count
 * @property {number} created unix seconds
 */

/**
 * One metric family: a name, a type and its series keyed by label values.
 */
export class MetricFamily {
  /**
   * @param {string} name full name, counters with their `_total`
   * @param {'counter' | 'gauge' | 'histogram'} type
   * @param {string} help
   * @param {string[]} labelNames
   * @param {number[]} [bucketBounds]
   */
  constructor(name, type, help, labelNames, bucketBounds = DEFAULT_BUCKETS) {
    this.name = name;
    this.type = type;
    this.help = help;
    this.labelNames = labelNames;
    this.bucketBounds = bucketBounds;
    /** @type {Map<string, Series>} */
    this.series = new Map();
    /** @type {WeakMap<Labels, Series>} */
    this.seriesByLabels = new WeakMap();
    /** @type {WeakMap<(upperBound: number) => number, number[]>} */
    this.sharesCache = new WeakMap();
  }

  /**
   * @param {Labels} labels
   * @param {number} createdMs when the series first appears (its `_created`)
   * @returns {Series}
   */
  get(labels, createdMs) {
    // Callers reuse label objects, so identity finds a series without building its key.
    const known = this.seriesByLabels.get(labels);
    if (known) return known;
    const key = this.labelNames.map((name) => labels[name] ?? '').join('\u0000');
    let series = this.series.get(key);
    if (!series) {
      series = {
        labels,
        value: 0,
        buckets: this.bucketBounds.map(() => 0),
        sum: 0,
        count: 0,
        created: createdMs / 1000,
      };
      this.series.set(key, series);
    }
    this.seriesByLabels.set(labels, series);
    return series;
  }

  /**
   * Adds `amount` to a counter series.
   * @param {Labels} labels
   * @param {number} amount
   * @param {number} atMs
   */
  inc(labels, amount, atMs) {
    this.get(labels, atMs).value += amount;
  }

  /**
   * Sets a gauge series.
   * @param {Labels} labels
   * @param {number} value
   * @param {number} atMs
   */
  set(labels, value, atMs) {
    this.get(labels, atMs).value = value;
  }

  /**
   * Records `count` observations spread over the buckets by `cdf`.
   * @param {Labels} labels
   * @param {number} count
   * @param {(upperBound: number) => number} cdf share of observations at or below a bound
   * @param {number} mean mean observation, for `_sum`
   * @param {number} atMs
   */
  observeMany(labels, count, cdf, mean, atMs) {
    if (count <= 0) return;
    const series = this.get(labels, atMs);
    const shares = this.shares(cdf);
    for (let i = 0; i < shares.length; i++) series.buckets[i] += count * shares[i];
    series.count += count;
    series.sum += count * mean;
  }

  /**
   * The share of observations in each bucket, computed once per distribution: the same
   * distribution is observed for many label sets in a row.
   * @param {(upperBound: number) => number} cdf
   */
  shares(cdf) {
    let shares = this.sharesCache.get(cdf);
    if (!shares) {
      shares = this.bucketBounds.map(cdf);
      this.sharesCache.set(cdf, shares);
    }
    return shares;
  }

  /** @returns {string} this family in the text exposition format */
  render() {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    const created = [];
    const base = this.type === 'counter' ? this.name.replace(/_total$/, '') : this.name;
    for (const series of this.series.values()) {
      const labels = this.labelNames.map((name) => [name, series.labels[name] ?? '']);
      if (this.type === 'histogram') {
        // Floored per bucket; the +Inf bucket is the floored count, so it equals _count.
        let previous = 0;
        this.bucketBounds.forEach((bound, i) => {
          previous = Math.min(Math.max(previous, Math.floor(series.buckets[i])), Math.floor(series.count));
          lines.push(sample(`${base}_bucket`, [...labels, ['le', formatValue(bound)]], previous));
        });
        lines.push(sample(`${base}_bucket`, [...labels, ['le', '+Inf']], Math.floor(series.count)));
        lines.push(sample(`${base}_count`, labels, Math.floor(series.count)));
        lines.push(sample(`${base}_sum`, labels, series.sum));
      } else {
        const value = this.type === 'counter' ? Math.floor(series.value) : series.value;
        lines.push(sample(this.name, labels, value));
      }
      if (this.type !== 'gauge') created.push(sample(`${base}_created`, labels, series.created));
    }
    if (created.length > 0) {
      lines.push(`# HELP ${base}_created ${this.help}`, `# TYPE ${base}_created gauge`, ...created);
    }
    return lines.join('\n');
  }
}

/**
 * @param {string} name
 * @param {string[][]} labels
 * @param {number} value
 */
function sample(name, labels, value) {
  const rendered = labels.map(([key, val]) => `${key}="${escapeLabel(val)}"`).join(',');
  return `${name}${rendered ? `{${rendered}}` : ''} ${formatValue(value)}`;
}

/** @param {string} value */
const escapeLabel = (value) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** Python prints floats with a decimal point: `3.0`, `0.25`, `1.7953e+09`. @param {number} value */
function formatValue(value) {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1);
  return String(value);
}
