import { expect } from '@open-wc/testing';
import { startSim } from '../../test/support/sim.js';
import { anySignal } from './abort.js';

/** Runs `check` twice: with the browser's AbortSignal.any and as in a browser without it. */
async function bothWays(check: () => Promise<void> | void) {
  await check();
  const native = AbortSignal.any;
  (AbortSignal as { any?: unknown }).any = undefined;
  try {
    await check();
  } finally {
    AbortSignal.any = native;
  }
}

describe('anySignal', () => {
  it('aborts with the reason of the first signal that aborts', () =>
    bothWays(() => {
      const a = new AbortController();
      const b = new AbortController();
      const both = anySignal([a.signal, b.signal]);
      expect(both.aborted).to.equal(false);
      b.abort('second');
      a.abort('first');
      expect(both.aborted).to.equal(true);
      expect(both.reason).to.equal('second');
    }));

  it('is aborted at once when a signal already is', () =>
    bothWays(() => {
      const done = AbortSignal.abort('gone');
      const both = anySignal([new AbortController().signal, done]);
      expect(both.aborted).to.equal(true);
      expect(both.reason).to.equal('gone');
    }));

  it('cancels a real request either way', async () => {
    const sim = await startSim('healthy');
    await bothWays(async () => {
      const caller = new AbortController();
      const request = fetch(`${sim.baseUrl}/api/monitoring/health`, { signal: anySignal([caller.signal, new AbortController().signal]) });
      caller.abort(new DOMException('stop', 'AbortError'));
      let error: unknown;
      await request.catch((e: unknown) => (error = e));
      expect((error as DOMException).name).to.equal('AbortError');
    });
  });
});
