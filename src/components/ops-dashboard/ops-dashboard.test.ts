import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import { setViewport } from '../../../test/support/viewport.js';
import type { PharosOpsDashboard } from './ops-dashboard.component.js';
import '../../index.js';

const TIMEOUT = { timeout: 15_000 };
const inner = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement & { source?: unknown };

describe('<pharos-ops-dashboard>', () => {
  it('assembles every section, all sharing the dashboard source, and passes axe', async function () {
    // axe over all eighteen elements' shadow trees takes WebKit many seconds on a loaded machine.
    this.timeout(60_000);
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-ops-dashboard></pharos-ops-dashboard>`);
    const dashboard = source.querySelector('pharos-ops-dashboard') as PharosOpsDashboard;
    await dashboard.updateComplete;
    for (const part of ['header', 'overview', 'modules', 'infrastructure', 'usage', 'ingestion']) {
      expect(inner(dashboard, `[part~=${part}]`), part).to.exist;
    }
    const tags = [...dashboard.shadowRoot!.querySelectorAll('*')].map((e) => e.localName).filter((t) => t.startsWith('pharos-'));
    expect(tags).to.include.members([
      'pharos-dashboard-header', 'pharos-health', 'pharos-alerts', 'pharos-performance', 'pharos-module-grid',
      'pharos-database', 'pharos-event-bus', 'pharos-cache', 'pharos-performance-summary', 'pharos-workers', 'pharos-ml-models',
      'pharos-engagement', 'pharos-recommendations', 'pharos-worker-heartbeat', 'pharos-ingest-queue', 'pharos-ingest-trigger',
      'pharos-job-history', 'pharos-sparse-embeddings',
    ]);
    for (const tag of tags) {
      expect(customElements.get(tag), tag).to.exist;
      expect(inner(dashboard, tag).source, tag).to.equal(source.source);
    }
    expect(inner(dashboard, '[part~=ingestion] h2').textContent).to.equal('Ingestion & workers');
    const health = inner(dashboard, 'pharos-health');
    await waitUntil(() => health.shadowRoot!.querySelectorAll('[part=component]').length === 5, 'health loads', TIMEOUT);
    await expect(dashboard).to.be.accessible();
  });

  it('switching the scenario changes what it shows within one refresh', async () => {
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-ops-dashboard></pharos-ops-dashboard>`);
    const dashboard = source.querySelector('pharos-ops-dashboard')!;
    await dashboard.updateComplete;
    const health = inner(dashboard, 'pharos-health');
    const overall = () => health.shadowRoot!.querySelector('[part=summary] pharos-status-badge')?.getAttribute('status');
    await waitUntil(() => overall() === 'healthy', 'healthy first', TIMEOUT);
    await sim.scenario('production-like');
    await source.source!.refresh();
    await waitUntil(() => overall() === 'degraded', 'degraded after one refresh', TIMEOUT);
  });

  it('works with only a base-url and keeps each endpoint to one request per refresh', async () => {
    const sim = await startSim('healthy');
    const dashboard = await fixture<PharosOpsDashboard>(html`<pharos-ops-dashboard base-url=${sim.baseUrl}></pharos-ops-dashboard>`);
    const source = dashboard.source;
    expect(source.baseUrl).to.equal(sim.baseUrl);
    await waitUntil(() => source.activeResources().length > 10 && source.activeResources().every((r) => r.fetchedAt.get() !== null), 'loads', TIMEOUT);
    await fetch(`${sim.baseUrl}/__sim/requests`, { method: 'DELETE' });
    await source.refresh();
    const counts = await sim.requests();
    for (const [path, n] of Object.entries(counts.byPath)) expect(n, path).to.equal(1);
  });

  it('on a phone: one read-only column that never scrolls sideways', async () => {
    // 390 px; WebKitGTK's MiniBrowser stops at about 450 px, still a phone's layout (< 640 px).
    const viewport = await setViewport({ width: 390, height: 844 });
    expect(viewport.width, 'a phone-wide viewport').to.be.below(480);
    try {
      const sim = await startSim('production-like');
      const source = await mountInSource(sim.baseUrl, html`<pharos-ops-dashboard></pharos-ops-dashboard>`);
      const dashboard = source.querySelector('pharos-ops-dashboard')!;
      await waitUntil(() => source.source!.activeResources().every((r) => r.fetchedAt.get() !== null), 'loads', TIMEOUT);
      await new Promise((r) => requestAnimationFrame(r));
      expect(document.documentElement.scrollWidth).to.be.at.most(viewport.width);
      const width = dashboard.getBoundingClientRect().width;
      for (const el of dashboard.shadowRoot!.querySelectorAll('section > :not(h2)')) {
        const box = el.getBoundingClientRect();
        if (el.classList.contains('action')) expect(box.height, `${el.localName} hidden on phones`).to.equal(0);
        else expect(Math.round(box.width), `${el.localName} full width`).to.equal(Math.round(width));
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
