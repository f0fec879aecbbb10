import { expect } from '@open-wc/testing';
import { ManualClock, ManualVisibility } from '../../../test/support/manual-clock.js';
import type { ResourceDefinition } from '../../store/resource.js';
import { PharosSource } from '../../store/source.js';
import { firstRequest } from './first-request.js';

const never: ResourceDefinition<number> = { name: 'test/never', fetch: () => new Promise(() => {}) };

const clock = new ManualClock(0);
function source(): PharosSource {
  return new PharosSource({ baseUrl: '', clock, visibility: new ManualVisibility(), share: false });
}

describe('firstRequest', () => {
  it('resolves once a request of the source is in flight', async () => {
    const s = source();
    let resolved = false;
    const out = firstRequest(s, 60_000).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved, 'nothing asked yet').to.equal(false);
    s.resource(never).subscribe();
    await clock.advance(0); // the first poll is due at once
    await out;
    expect(s.fetching.get()).to.equal(true);
    s.dispose();
  });

  it('resolves after its longest wait when no request starts', async () => {
    const s = source();
    await firstRequest(s, 1);
    expect(s.fetching.get()).to.equal(false);
    s.dispose();
  });
});
