import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import '../src/index.js';
import { startSim } from './support/sim.js';

/** Every data element of the library: each must work in a plain page with only its tag and a base-url. */
const TAGS = [
  'pharos-health', 'pharos-alerts', 'pharos-module-grid', 'pharos-performance', 'pharos-performance-summary',
  'pharos-database', 'pharos-event-bus', 'pharos-cache', 'pharos-workers', 'pharos-ml-models', 'pharos-engagement',
  'pharos-recommendations', 'pharos-worker-heartbeat', 'pharos-ingest-queue', 'pharos-ingest-trigger', 'pharos-job-history',
  'pharos-sparse-embeddings', 'pharos-dashboard-header', 'pharos-ops-dashboard',
];

describe('each element alone with only a base-url', () => {
  for (const tag of TAGS) {
    it(`<${tag}> renders content from its backend`, async () => {
      const sim = await startSim('healthy');
      const t = unsafeStatic(tag);
      const el = await fixture<HTMLElement & { source: { baseUrl: string; activeResources(): { fetchedAt: { get(): number | null } }[] } }>(
        html`<${t} base-url=${sim.baseUrl}></${t}>`,
      );
      expect(el.shadowRoot, `${tag} has a shadow root`).to.exist;
      expect(el.source.baseUrl).to.equal(sim.baseUrl);
      await waitUntil(() => el.source.activeResources().every((r) => r.fetchedAt.get() !== null), `${tag} loads`, {
        timeout: 15_000,
      });
      const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(text.trim().length, `${tag} shows text`).to.be.greaterThan(10);
      expect(text).not.to.match(/undefined|NaN|\[object Object\]/);
    });
  }
});
