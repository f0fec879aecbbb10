import { expect } from '@open-wc/testing';
import { startSim } from '../../test/support/sim.js';
import { requestJson } from '../api/http.js';
import type { ResourceDefinition } from './resource.js';
import { sourceForUrl } from './registry.js';

/** An endpoint the `auth` scenario guards: the answer says whether the token was accepted. */
const guarded: ResourceDefinition<number> = {
  name: 'test/guarded-status',
  fetch: async (config, _params, signal) => (await requestJson(config, { path: '/api/monitoring/cache/stats' }, { signal })).status,
};

describe('sourceForUrl', () => {
  it('gives two token providers for one base URL a source each, and each sends its own token', async () => {
    const sim = await startSim('auth');
    const admin = () => 'dev-admin-token';
    const visitor = () => 'visitor-token';
    const adminSource = sourceForUrl(sim.baseUrl, admin);
    const visitorSource = sourceForUrl(sim.baseUrl, visitor);
    expect(visitorSource).not.to.equal(adminSource);
    expect(sourceForUrl(sim.baseUrl, admin), 'the same provider, the same source').to.equal(adminSource);
    const adminResource = adminSource.resource(guarded);
    const visitorResource = visitorSource.resource(guarded);
    await Promise.all([adminResource.refresh(), visitorResource.refresh()]);
    expect(adminResource.value.get(), 'the admin token is accepted').to.equal(200);
    expect(visitorResource.value.get()).to.equal(undefined);
    expect(visitorResource.error.get()?.kind, 'the visitor token is refused').to.equal('auth');
    expect((await sim.requests()).byPath['/api/monitoring/cache/stats']).to.equal(2);
    adminSource.dispose();
    visitorSource.dispose();
  });
});
