import { expect } from '@open-wc/testing';
import { computeTrend, counterRates, counterResets, detectAnomaly, median } from './anomaly.js';

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
