import { expect } from '@open-wc/testing';
import { fromUnixSeconds, parseUtc } from './time.js';

describe('parseUtc', () => {
  // Every engine must read these alike; Date.parse does not (a space, microseconds, +0000).
  const same = '2026-11-22T10:23:18.949Z';
  for (const text of [
    '2026-11-22T10:23:18.949106',
    '2026-11-22 10:23:18.949106',
    '2026-11-22T10:23:18.949106Z',
    '2026-11-22T10:23:18.949+00:00',
    '2026-11-22T10:23:18.9491+0000',
    '2026-11-22T12:23:18.949+02:00',
    '2026-11-22T05:23:18.949-05',
    '2026-11-22T10:23:18,949',
    '  2026-11-22t10:23:18.949z ',
  ]) {
    it(`reads ${JSON.stringify(text)} as ${same}`, () => {
      expect(parseUtc(text)?.toISOString()).to.equal(same);
    });
  }

  it('reads dates and minutes without seconds as UTC', () => {
    expect(parseUtc('2026-11-22')?.toISOString()).to.equal('2026-11-22T00:00:00.000Z');
    expect(parseUtc('2026-11-22T10:23')?.toISOString()).to.equal('2026-11-22T10:23:00.000Z');
  });

  it('returns null for nothing, garbage and impossible dates', () => {
    for (const bad of ['', '  ', null, undefined, 42, 'yesterday', '2026-02-31T00:00:00', '2026-13-01', '2026-11-22T25:00:00']) {
      expect(parseUtc(bad), String(bad)).to.equal(null);
    }
  });

  it('leaves other forms to Date.parse', () => {
    expect(parseUtc('Sun, 22 Nov 2026 10:23:18 GMT')?.toISOString()).to.equal('2026-11-22T10:23:18.000Z');
  });

  it('reads Unix seconds', () => {
    expect(fromUnixSeconds(1_795_342_998.5)?.toISOString()).to.equal('2026-11-22T10:23:18.500Z');
    expect(fromUnixSeconds('1')).to.equal(null);
  });
});
