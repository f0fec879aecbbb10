/**
 * The generated @lit/react wrappers in a real React 18 root: React 18 alone would set
 * `tokenProvider` as a string attribute and never listen for `pharos-*` events.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startSim } from '../support/sim.js';
import type { PharosIngestSubmittedEvent } from '../../src/events/ingest-submitted.js';
import type * as App from './app.js';

const TOKEN = 'dev-admin-token';

describe('React 18 wrappers', () => {
  it('sets tokenProvider through a prop, queues a repository, and calls onPharosIngestSubmitted', async () => {
    // A bundle, not a module the runner resolves: React 18 must replace the project's React 19.
    const bundle = '/test/react-18/app.bundle.js';
    const app = (await import(/* @vite-ignore */ bundle)) as typeof App;
    expect(app.reactVersion).to.match(/^18\./);

    const sim = await startSim('auth'); // every request needs the token
    const container = document.createElement('div');
    document.body.append(container);
    const received: PharosIngestSubmittedEvent[] = [];
    let tokenAsked = 0;
    const unmount = app.mountApp(container, {
      baseUrl: sim.baseUrl,
      tokenProvider: () => (tokenAsked++, TOKEN),
      onSubmitted: (event) => received.push(event),
    });
    try {
      await waitUntil(() => container.querySelector('pharos-ingest-trigger')?.shadowRoot?.querySelector('input'), 'rendered', { timeout: 10_000 });
      const source = container.querySelector('pharos-source')!;
      expect(source.tokenProvider, 'a property, not an attribute').to.be.a('function');
      expect(source.hasAttribute('tokenprovider') || source.hasAttribute('tokenProvider')).to.be.false;

      const trigger = container.querySelector('pharos-ingest-trigger')!;
      const input = trigger.shadowRoot!.querySelector('input')!;
      input.value = 'https://github.com/pharos-test/react-18';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      trigger.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();

      await waitUntil(() => received.length > 0, 'onPharosIngestSubmitted called', { timeout: 10_000 });
      expect(received).to.have.length(1);
      expect(received[0]!.type).to.equal('pharos-ingest-submitted');
      expect(received[0]!.detail.repoUrl).to.contain('github.com/pharos-test/react-18');
      expect(received[0]!.detail.jobId).to.be.a('number');
      expect(JSON.stringify(received[0]!.detail)).to.not.contain(TOKEN);
      expect(tokenAsked, 'the token came from the provider').to.be.greaterThan(0);
    } finally {
      unmount();
      container.remove();
    }
  });
});
