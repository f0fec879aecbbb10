import { expect } from '@open-wc/testing';
import { PharosError } from '../api/errors.js';
import { fetchReturning } from '../../test/support/samples.js';
import {
  alignedWindow,
  chooseStep,
  DEFAULT_QUERIES,
  fetchPerformance,
  MAX_POINTS_PER_SERIES,
  parseSampleValue,
  pointCount,
  queryRange,
  toGrid,
} from './prometheus.js';
import { isExternalResource, prometheusPerformanceResource } from './prometheus-resource.js';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 10, 22, 10, 0, 7, 500);

function matrix(values: [number, string][], metric: Record<string, string> = {}) {
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric, values }] } });
}

async function failure(promise: Promise<unknown>): Promise<PharosError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PharosError);
    return error as PharosError;
  }
  throw new Error('expected a failure');
}

describe('Prometheus client', () => {
  it('chooses round steps that keep every range under the points limit', () => {
    expect(chooseStep(HOUR)).to.equal(5_000);
    expect(chooseStep(6 * HOUR)).to.equal(30_000);
    expect(chooseStep(24 * HOUR)).to.equal(120_000);
    expect(chooseStep(7 * 24 * HOUR)).to.equal(900_000);
    for (const range of [HOUR, 6 * HOUR, 24 * HOUR, 7 * 24 * HOUR, 400 * 24 * HOUR]) {
      for (const target of [100, 1_000, 50_000]) {
        const step = chooseStep(range, target);
        const { start, end } = alignedWindow(T, range, step);
        expect(pointCount({ start, end, stepMs: step })).to.be.at.most(MAX_POINTS_PER_SERIES);
      }
    }
    expect(chooseStep(HOUR, 1_000, 15_000)).to.equal(15_000);
  });

  it('aligns the window to the step', () => {
    const { start, end } = alignedWindow(T, HOUR, 5_000);
    expect(end).to.equal(Date.UTC(2026, 10, 22, 10, 0, 5));
    expect(end - start).to.equal(HOUR);
    expect(start % 5_000).to.equal(0);
  });

  it('parses sample values, including NaN and infinities', () => {
    expect(parseSampleValue('0.25')).to.equal(0.25);
    expect(parseSampleValue('NaN')).to.be.NaN;
    expect(parseSampleValue('+Inf')).to.equal(Infinity);
    expect(parseSampleValue('-Inf')).to.equal(-Infinity);
    expect(parseSampleValue(3)).to.be.NaN;
  });

  it('places a series on the grid, with gaps where points are missing or not finite', () => {
    const grid = { start: 0, end: 20_000, stepMs: 5_000 };
    const series = { metric: {}, times: new Float64Array([0, 10_000, 15_000]), values: new Float64Array([0.1, NaN, 0.3]) };
    const out = [...toGrid(series, grid, 1000)];
    expect(out).to.have.length(5);
    expect(out[0]).to.equal(100);
    expect(out[1]).to.be.NaN;
    expect(out[2]).to.be.NaN;
    expect(out[3]).to.equal(300);
    expect(out[4]).to.be.NaN;
    expect([...toGrid(undefined, grid)].every(Number.isNaN)).to.equal(true);
  });

  it('sends the query with the path prefix and extra headers, and reads the matrix', async () => {
    const fetch = fetchReturning(200, matrix([[1763805600, '0.5'], [1763805605, 'NaN']], { job: 'pharos' }));
    const series = await queryRange(
      { url: 'https://mimir.example/', pathPrefix: '/prometheus', headers: { 'X-Scope-OrgID': 'team-a' }, fetch },
      { query: 'up', start: 1763805600000, end: 1763805605000, stepMs: 5_000 },
    );
    const url = new URL(fetch.calls[0]!.url);
    expect(url.origin + url.pathname).to.equal('https://mimir.example/prometheus/api/v1/query_range');
    expect(url.searchParams.get('query')).to.equal('up');
    expect(url.searchParams.get('start')).to.equal('1763805600');
    expect(url.searchParams.get('end')).to.equal('1763805605');
    expect(url.searchParams.get('step')).to.equal('5');
    expect((fetch.calls[0]!.init!.headers as Record<string, string>)['X-Scope-OrgID']).to.equal('team-a');
    expect(series).to.have.length(1);
    expect(series[0]!.metric).to.deep.equal({ job: 'pharos' });
    expect([...series[0]!.times]).to.deep.equal([1763805600000, 1763805605000]);
    expect(series[0]!.values[0]).to.equal(0.5);
    expect(series[0]!.values[1]).to.be.NaN;
  });

  it('turns failures into PharosErrors with plain words', async () => {
    const q = { query: 'rate(x[5m]', start: 0, end: 10_000, stepMs: 5_000 };
    const bad = await failure(
      queryRange({ url: 'http://p', fetch: fetchReturning(400, JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error: unclosed left parenthesis' })) }, q),
    );
    expect(bad.kind).to.equal('http');
    expect(bad.message).to.contain('Prometheus rejected the query').and.contain('unclosed left parenthesis');
    const html = await failure(queryRange({ url: 'http://p', fetch: fetchReturning(200, '<html>login</html>', { 'content-type': 'text/html' }) }, q));
    expect(html.kind).to.equal('invalid-response');
    const auth = await failure(queryRange({ url: 'http://p', fetch: fetchReturning(401, 'no') }, q));
    expect(auth.kind).to.equal('auth');
    const missing = await failure(queryRange({ url: 'http://p', pathPrefix: '/wrong', fetch: fetchReturning(404, '404 page not found') }, q));
    expect(missing.message).to.contain('http://p/wrong/api/v1/query_range');
    const vector = await failure(queryRange({ url: 'http://p', fetch: fetchReturning(200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } })) }, q));
    expect(vector.kind).to.equal('invalid-response');
    const offline = await failure(queryRange({ url: 'http://127.0.0.1:9', fetch: () => Promise.reject(new TypeError('Failed to fetch')) }, q));
    expect(offline.kind).to.equal('network');
    expect(offline.message).to.contain('--web.cors.origin');
    const tooMany = await failure(queryRange({ url: 'http://p', fetch: fetchReturning(200, matrix([])) }, { ...q, end: 11_000 * 5_000 }));
    expect(tooMany.message).to.contain('11000 points');
  });

  it('rejects with the abort reason, not a PharosError, when aborted', async () => {
    const abort = new AbortController();
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof globalThis.fetch;
    const pending = queryRange({ url: 'http://p', fetch }, { query: 'up', start: 0, end: 5_000, stepMs: 5_000 }, abort.signal);
    abort.abort();
    try {
      await pending;
      expect.fail('should reject');
    } catch (error) {
      expect(error).not.to.be.instanceOf(PharosError);
      expect((error as DOMException).name).to.equal('AbortError');
    }
  });

  it('runs the five default queries on one grid, in ms and percent', async () => {
    const seen: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      const query = url.searchParams.get('query')!;
      seen.push(query);
      const start = Number(url.searchParams.get('start'));
      const value = query === DEFAULT_QUERIES.errors ? '0.02' : query === DEFAULT_QUERIES.rate ? '12.5' : query.includes('0.95') ? '0.4' : '0.1';
      return new Response(matrix([[start, value]]), { status: 200 });
    }) as typeof globalThis.fetch;
    const perf = await fetchPerformance({ url: 'http://p', fetch }, { rangeMs: HOUR, now: T, queries: { p99: 'my_p99_seconds' } });
    expect(seen).to.have.members([DEFAULT_QUERIES.p50, DEFAULT_QUERIES.p95, 'my_p99_seconds', DEFAULT_QUERIES.rate, DEFAULT_QUERIES.errors]);
    expect(perf.stepMs).to.equal(5_000);
    expect(perf.times.length).to.equal(721);
    expect(perf.times[0]).to.equal(perf.start);
    expect(perf.p50[0]).to.be.closeTo(100, 1e-9);
    expect(perf.p95[0]).to.be.closeTo(400, 1e-9);
    expect(perf.rate[0]).to.equal(12.5);
    expect(perf.errorPercent[0]).to.be.closeTo(2, 1e-9);
    expect(perf.p50[1]).to.be.NaN;
    expect(perf.queries.p99).to.equal('my_p99_seconds');
  });
});

describe('isExternalResource', () => {
  it('goes by the definition’s external flag, not by its name', () => {
    expect(isExternalResource({ definition: prometheusPerformanceResource })).to.equal(true);
    expect(isExternalResource({ definition: { name: 'prometheus/lookalike', fetch: async () => 0 } })).to.equal(false);
    expect(isExternalResource({ definition: { name: 'metrics/elsewhere', external: true, fetch: async () => 0 } })).to.equal(true);
  });
});
