/**
 * The whole dashboard through a real relay (relay/, started by scripts/relay-plugin.mjs) in
 * front of a simulator that checks tokens as a real deployment does, on a page with no
 * token: every panel fills, and the elements that act say that this is a read-only view.
 * The same page pointed at the backend itself shows what the relay is for.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PharosSourceElement } from '../../src/index.js';
import '../../src/index.js';
import { ErrorKind } from '../../src/api/errors.js';
import { startSim } from '../support/sim.js';

const TOKEN = 'dev-admin-token';
const inner = (root: Element, selector: string) => root.shadowRoot!.querySelector(selector);

async function mountDashboard(baseUrl: string): Promise<PharosSourceElement> {
  return fixture<PharosSourceElement>(html`<pharos-source base-url=${baseUrl}><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source>`);
}

const answered = (el: PharosSourceElement) => () => {
  const resources = el.source!.activeResources();
  return resources.length > 15 && resources.every((r) => r.fetchedAt.get() !== null && !r.fetching.get());
};

describe('the whole dashboard through a relay, with no token in the page', () => {
  let relayUrl = '';
  afterEach(async () => {
    if (relayUrl) await executeServerCommand('stop-relay', { url: relayUrl });
    relayUrl = '';
  });

  it('every panel shows data, and the action elements show their read-only state', async function () {
    this.timeout(60_000);
    const sim = await startSim('secured');
    ({ url: relayUrl } = (await executeServerCommand('start-relay', { backend: sim.baseUrl, origin: location.origin, token: TOKEN })) as { url: string });

    const el = await mountDashboard(relayUrl);
    await waitUntil(answered(el), 'every resource answered', { timeout: 30_000 });
    const failed = el.source!.activeResources().filter((r) => r.error.get() !== null);
    expect(failed.map((r) => `${r.key}: ${r.error.get()!.message}`), 'no resource failed').to.deep.equal([]);
    expect(el.source!.readOnly.get(), 'the relay marked its answers').to.equal(true);

    const dashboard = el.querySelector('pharos-ops-dashboard')!;
    await (dashboard as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const panels = [...dashboard.shadowRoot!.querySelectorAll('*')].filter((e) => e.localName.startsWith('pharos-') && e.shadowRoot);
    expect(panels.length).to.be.at.least(17);
    for (const panel of panels) {
      expect(inner(panel, '[part=error]'), `${panel.localName} shows no error`).to.equal(null);
      expect(panel.shadowRoot!.textContent ?? '', `${panel.localName} asks for no token`).not.to.match(/needs a valid token|Not authorised/);
    }
    for (const tag of ['pharos-ingest-trigger', 'pharos-sparse-embeddings']) {
      const action = inner(dashboard, tag)!;
      await waitUntil(() => inner(action, '[part=read-only]'), `${tag} says it is a read-only view`);
      expect(inner(action, 'form'), `${tag} offers no form`).to.equal(null);
    }
    expect(inner(inner(dashboard, 'pharos-job-history')!, '[part=reindex]'), 'no re-index').to.equal(null);

    // And the backend's own requests: each kind once, however the page asked.
    const { byPath } = await sim.requests();
    for (const [path, n] of Object.entries(byPath)) expect(n, path).to.be.at.most(2);
  });

  it('the same page on the backend itself, without a token, cannot fill the panels that need one', async function () {
    this.timeout(60_000);
    const sim = await startSim('secured');
    const el = await mountDashboard(sim.baseUrl);
    await waitUntil(answered(el), 'every resource answered', { timeout: 30_000 });
    const auth = el.source!.activeResources().filter((r) => r.error.get()?.kind === ErrorKind.auth);
    expect(auth.length, 'resources refused for want of a token').to.be.at.least(8);
    expect(el.source!.readOnly.get()).to.equal(false);
  });
});
