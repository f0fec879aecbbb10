import { expect } from '@open-wc/testing';
import { HistoryBuffer } from '../store/history.js';
import { bucketWidth, niceStep, observedSince, quantile, requestStats } from './percentiles.js';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);

describe('in-browser percentiles', () => {
  it('interpolates quantiles linearly', () => {
    expect(quantile([], 0.5)).to.be.NaN;
    expect(quantile([7], 0.99)).to.equal(7);
    expect(quantile([1, 2, 3, 4], 0.5)).to.equal(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).to.be.closeTo(48, 1e-9);
    expect(quantile([10, 20, 30, 40, 50], 0)).to.equal(10);
    expect(quantile([10, 20, 30, 40, 50], 1)).to.equal(50);
  });

  it('chooses nice bucket widths of at least two poll intervals', () => {
    expect(niceStep(29_000)).to.equal(30_000);
    expect(niceStep(30_000)).to.equal(30_000);
    expect(bucketWidth(3_600_000, 30_000)).to.equal(60_000);
    expect(bucketWidth(7 * 86_400_000, 30_000)).to.equal(7_200_000);
    expect(bucketWidth(3_600_000, 1_000)).to.equal(30_000);
  });

  it('buckets latency percentiles, request rate and error rate across histories', () => {
    const a = new HistoryBuffer(100);
    const b = new HistoryBuffer(100);
    // Bucket 0 (T0 .. T0+60 s): latencies 10..50 over two histories, one failure.
    a.append(T0 + 1_000, { latency_ms: 10, failed: 0 });
    b.append(T0 + 2_000, { latency_ms: 20, failed: 0 });
    a.append(T0 + 10_000, { latency_ms: 30, failed: 0 });
    b.append(T0 + 20_000, { failed: 1 });
    a.append(T0 + 30_000, { latency_ms: 40, failed: 0 });
    b.append(T0 + 40_000, { latency_ms: 50, failed: 0 });
    // Bucket 1: nothing (a gap). Bucket 2: one request.
    a.append(T0 + 125_000, { latency_ms: 100, failed: 0 });
    const s = requestStats([a, b], T0, T0 + 180_000, 60_000);
    expect([...s.times]).to.deep.equal([T0, T0 + 60_000, T0 + 120_000, T0 + 180_000]);
    expect(s.p50[0]).to.equal(30);
    expect(s.p95[0]).to.be.closeTo(48, 1e-9);
    expect(s.p99[0]).to.be.closeTo(49.6, 1e-9);
    expect(s.count[0]).to.equal(6);
    expect(s.rate[0]).to.be.closeTo(6 / 60, 1e-9);
    expect(s.errorPercent[0]).to.be.closeTo(100 / 6, 1e-9);
    expect(s.p50[1]).to.be.NaN;
    expect(s.rate[1]).to.be.NaN;
    expect(s.errorPercent[1]).to.be.NaN;
    expect(s.p50[2]).to.equal(100);
    expect(s.errorPercent[2]).to.equal(0);
    expect(s.total).to.equal(7);
    expect(s.failed).to.equal(1);
  });

  it('divides the rate of a partial bucket by the part inside the window', () => {
    const h = new HistoryBuffer(10);
    h.append(T0 + 50_000, { latency_ms: 5, failed: 0 });
    h.append(T0 + 55_000, { latency_ms: 5, failed: 0 });
    const s = requestStats([h], T0 + 40_000, T0 + 60_000, 60_000);
    // The window holds 20 s of the first bucket: 2 requests / 20 s.
    expect(s.rate[0]).to.be.closeTo(0.1, 1e-9);
  });

  it('says since when the browser has observed', () => {
    const a = new HistoryBuffer(10);
    const b = new HistoryBuffer(10);
    expect(observedSince([a, b])).to.equal(null);
    a.append(T0 + 5_000, { failed: 0 });
    b.append(T0 + 1_000, { failed: 0 });
    expect(observedSince([a, b])).to.equal(T0 + 1_000);
  });
});
