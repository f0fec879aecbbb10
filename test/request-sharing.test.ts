import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { PharosSourceElement } from '../src/index.js';
import '../src/index.js';
import { startSim } from './support/sim.js';

/** Fifty elements of many kinds, several of each, on one page and one source. */
const TAGS = [
  'pharos-health', 'pharos-database', 'pharos-cache', 'pharos-event-bus', 'pharos-workers',
  'pharos-performance-summary', 'pharos-engagement', 'pharos-worker-heartbeat', 'pharos-ingest-queue', 'pharos-job-history',
];

describe('request sharing across elements', () => {
  it('fifty elements make one request per distinct endpoint per refresh', async () => {
    const sim = await startSim('healthy');
    const elements = Array.from({ length: 50 }, (_, i) => unsafeStatic(TAGS[i % TAGS.length]!));
    const source = await fixture<PharosSourceElement>(
      html`<pharos-source base-url=${sim.baseUrl} no-auto-refresh>${elements.map((tag) => html`<${tag}></${tag}>`)}</pharos-source>`,
    );
    expect(source.children).to.have.length(50);
    const resources = () => source.source!.activeResources();
    await waitUntil(() => resources().length > 0 && resources().every((r) => r.lastSuccessAt.get() !== null), 'every resource loads', {
      timeout: 15_000,
    });

    await fetch(`${sim.baseUrl}/__sim/requests`, { method: 'DELETE' });
    await source.source!.refresh();
    const counts = await sim.requests();

    const endpoints = Object.keys(counts.byPath);
    expect(endpoints.length).to.equal(resources().length);
    expect(counts.total).to.equal(endpoints.length);
    for (const [path, n] of Object.entries(counts.byPath)) expect(n, path).to.equal(1);
    expect(endpoints.length).to.be.greaterThan(8);
    expect(endpoints.length).to.be.lessThan(50);
  });
});
