import { expect } from '@open-wc/testing';
import { computeTrend, counterRates, counterResets, DAY_MS, detectAnomaly, detectAnomalyAt, explainAnomaly, median, seasonalSamples } from './anomaly.js';

const noisy = (n: number, base: number, spread: number) => Array.from({ length: n }, (_, i) => base + ((i * 7) % 5 - 2) * spread);

describe('detectAnomaly', () => {
  it('flags a spike far above a noisy baseline, with its direction and score', () => {
    const values = [...noisy(20, 100, 3), 180];
    const r = detectAnomaly(values);
    expect(r.anomalous).to.equal(true);
    expect(r.direction).to.equal('up');
    expect(r.score!).to.be.greaterThan(3.5);
    expect(r.latest).to.equal(180);
    expect(r.median).to.equal(100);
  });

  it('flags a drop below the baseline', () => {
    const r = detectAnomaly([...noisy(20, 100, 3), 20]);
    expect(r.anomalous).to.equal(true);
    expect(r.direction).to.equal('down');
    expect(r.score!).to.be.lessThan(-3.5);
  });

  it('does not flag a value inside the usual spread', () => {
    const r = detectAnomaly([...noisy(20, 100, 3), 104]);
    expect(r.anomalous).to.equal(false);
    expect(Math.abs(r.score!)).to.be.lessThan(3.5);
  });

  it('needs a minimum number of baseline samples', () => {
    const r = detectAnomaly([100, 101, 99, 500]);
    expect(r.anomalous).to.equal(false);
    expect(r.score).to.equal(null);
    expect(r.samples).to.equal(3);
    expect(detectAnomaly([100, 101, 99, 500], { minSamples: 3 }).anomalous).to.equal(true);
  });

  it('ignores gaps and looks only at the trailing window', () => {
    const old = noisy(50, 1000, 10); // a different regime long ago
    const recent = noisy(10, 100, 3);
    const values = [...old, NaN, ...recent, NaN, 102];
    const r = detectAnomaly(values, { window: 10 });
    expect(r.samples).to.equal(10);
    expect(r.anomalous).to.equal(false);
    expect(r.median).to.equal(100);
  });

  it('is robust to an earlier outlier in the baseline', () => {
    const values = [...noisy(20, 100, 3), 5000, ...noisy(5, 100, 3), 170];
    expect(detectAnomaly(values).anomalous).to.equal(true);
  });

  it('does not flag a tiny wobble on a constant series, but does flag a real jump', () => {
    const flat = Array<number>(20).fill(50);
    expect(detectAnomaly([...flat, 51]).anomalous).to.equal(false);
    expect(detectAnomaly([...flat, 80]).anomalous).to.equal(true);
  });

  it('handles a series of zeros', () => {
    const zeros = Array<number>(20).fill(0);
    expect(detectAnomaly([...zeros, 0]).anomalous).to.equal(false);
    expect(detectAnomaly([...zeros, 0]).score).to.equal(0);
    expect(detectAnomaly([...zeros, 3]).anomalous).to.equal(true);
    expect(detectAnomaly([...zeros, 3], { absoluteFloor: 5 }).anomalous).to.equal(false);
  });

  it('returns no verdict on an empty or all-gap series', () => {
    expect(detectAnomaly([]).latest).to.equal(null);
    expect(detectAnomaly(new Float64Array([NaN, NaN])).anomalous).to.equal(false);
  });
});

describe('computeTrend', () => {
  it('compares the recent half with the older half', () => {
    const t = computeTrend([10, 10, 10, 99, 20, 20, 20])!;
    expect(t.from).to.equal(10);
    expect(t.to).to.equal(20);
    expect(t.direction).to.equal('up');
    expect(t.change).to.equal(10);
    expect(t.ratio).to.equal(1);
  });

  it('says down, and flat below the threshold', () => {
    expect(computeTrend([100, 100, 50, 50])!.direction).to.equal('down');
    expect(computeTrend([100, 100, 101, 101])!.direction).to.equal('flat');
    expect(computeTrend([100, 100, 101, 101], { flatBelow: 0.001 })!.direction).to.equal('up');
  });

  it('compares first and last with the endpoints method, skipping gaps', () => {
    const t = computeTrend([NaN, 5, 100, 1, 8, NaN], { method: 'endpoints' })!;
    expect(t.from).to.equal(5);
    expect(t.to).to.equal(8);
    expect(t.direction).to.equal('up');
  });

  it('has no ratio from zero and no trend with fewer than two samples', () => {
    const t = computeTrend([0, 0, 4, 4])!;
    expect(t.ratio).to.equal(null);
    expect(t.direction).to.equal('up');
    expect(computeTrend([0, 0])!.direction).to.equal('flat');
    expect(computeTrend([5])).to.equal(null);
    expect(computeTrend([NaN, 5, NaN])).to.equal(null);
  });
});

describe('counterRates', () => {
  it('turns a cumulative counter into a rate per minute, spanning gaps', () => {
    const times = [0, 60_000, 120_000, 180_000, 240_000];
    const r = counterRates(times, [10, 40, NaN, 100, 130]);
    expect(Number.isNaN(r[0]!)).to.equal(true);
    expect(r[1]).to.equal(30);
    expect(Number.isNaN(r[2]!)).to.equal(true);
    expect(r[3]).to.equal(30); // 60 over two minutes
    expect(r[4]).to.equal(30);
  });

  it('treats a drop as a restart from zero', () => {
    const r = counterRates([0, 30_000, 60_000], [500, 520, 6]);
    expect(r[1]).to.equal(40);
    expect(r[2]).to.equal(12); // 6 since the restart, in half a minute
  });

  it('finds the restarts, across gaps', () => {
    expect(counterResets([1, 2, 3, 4, 5], [10, 20, NaN, 5, 8])).to.deep.equal([4]);
    expect(counterResets([1, 2], [10, 10])).to.deep.equal([]);
  });
});

describe('median', () => {
  it('handles odd, even and gaps', () => {
    expect(median([3, 1, 2])).to.equal(2);
    expect(median([4, 1, 2, 3])).to.equal(2.5);
    expect(median([NaN, 7])).to.equal(7);
    expect(Number.isNaN(median([]))).to.equal(true);
  });
});

describe('explainAnomaly', () => {
  it('says against what, as figures: the value, the usual value, the baseline and how many spreads away', () => {
    const baseline = Array.from({ length: 30 }, (_, i) => 120 + (i % 5) * 10 - 20); // 100..140, median 120
    const result = detectAnomaly([...baseline, 412]);
    expect(result.anomalous).to.equal(true);
    expect(result.median).to.equal(120);
    expect(result.spread).to.be.greaterThan(0);
    expect(explainAnomaly(result)).to.deep.equal({ latest: 412, usual: 120, baseline: 'recent', samples: 30, days: 0, spreads: (412 - 120) / result.spread! });
  });

  it('names a seasonal baseline by its days, gives no spreads for a zero spread, and nothing without a verdict', () => {
    expect(explainAnomaly(detectAnomaly([1, 2]))).to.equal(null);
    expect(
      explainAnomaly({ anomalous: true, score: -4.26, direction: 'down', latest: 300, median: 100, spread: 47, samples: 62, baseline: 'seasonal', days: 2 }),
    ).to.deep.equal({ latest: 300, usual: 100, baseline: 'seasonal', samples: 62, days: 2, spreads: 4.26 });
    expect(explainAnomaly({ anomalous: true, score: Infinity, direction: 'up', latest: 5, median: 0, spread: 0, samples: 8, baseline: 'recent', days: 0 })!.spreads).to.equal(null);
  });
});

describe('seasonal baseline', () => {
  const STEP = 60_000;
  const START = Date.UTC(2026, 10, 20, 0, 0, 0);
  /** A synthetic daily rhythm: 50 ms at night, 200 ms mid-afternoon, a little noise. */
  const rhythm = (t: number) => {
    const hour = (t % DAY_MS) / 3_600_000;
    const noise = Math.sin(t / 97_000) * 2 + Math.sin(t / 31_000);
    return 125 - 75 * Math.cos((2 * Math.PI * (hour - 3)) / 24) + noise;
  };
  function series(days: number, spikeAt?: number) {
    const n = Math.round((days * DAY_MS) / STEP);
    const times = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = START + i * STEP;
      values[i] = rhythm(times[i]!) * (spikeAt !== undefined && times[i]! >= spikeAt ? 3 : 1);
    }
    return { times, values };
  }

  it('collects the same time of day from earlier days', () => {
    const { times, values } = series(3);
    const at = times[times.length - 1]!;
    const found = seasonalSamples(times, values, at, { halfWindowMs: 15 * 60_000 });
    // Two full windows (±15 min at 1 min) and the part of the third that falls in the series.
    expect(found.days).to.equal(3);
    expect(found.values).to.have.length(31 + 31 + 15);
    expect(seasonalSamples(times, values, at, { days: 2 }).days).to.equal(2);
  });

  it('with less than two days of history, falls back to the trailing window', () => {
    const { times, values } = series(1.5);
    const result = detectAnomalyAt(times, values);
    expect(result.baseline).to.equal('recent');
    expect(result.samples).to.equal(30);
  });

  it('a daily rhythm is not flagged by the seasonal baseline; a real spike still is', () => {
    // Sampled every 15 minutes, the morning climb moves faster than the trailing window follows.
    const { times, values } = series(4);
    const coarse = (src: Float64Array) => src.filter((_, i) => i % 15 === 0);
    const ct = coarse(times);
    const cv = coarse(values);
    let recentFlags = 0;
    let seasonalFlags = 0;
    for (let i = Math.round((2 * DAY_MS) / (15 * STEP)); i < ct.length; i++) {
      const seasonal = detectAnomalyAt(ct.subarray(0, i + 1), cv.subarray(0, i + 1), { window: 30, absoluteFloor: 1 });
      expect(seasonal.baseline).to.equal('seasonal');
      if (seasonal.anomalous) seasonalFlags++;
      if (detectAnomaly(cv.subarray(0, i + 1), { window: 30, absoluteFloor: 1 }).anomalous) recentFlags++;
    }
    expect(seasonalFlags, 'seasonal false positives').to.equal(0);
    expect(recentFlags, 'the trailing window flags the rhythm').to.be.greaterThan(0);

    const spikeAt = START + 3.5 * DAY_MS;
    const spiked = series(3.5 + 1 / 24, spikeAt);
    const result = detectAnomalyAt(spiked.times, spiked.values);
    expect(result.anomalous).to.equal(true);
    expect(result.baseline).to.equal('seasonal');
    expect(result.days).to.equal(3);
  });
});
