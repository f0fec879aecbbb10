import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { settle } from '../../../test/support/manual-clock.js';
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

describe('<pharos-ops-dashboard> tab badge', () => {
  const icons = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel~="icon" i]')];
  /** Gives the page a title and a favicon of its own; returns the icon's link. */
  const ownTitleAndIcon = () => {
    document.title = 'Ops wiki';
    const own = document.createElement('link');
    own.rel = 'icon';
    own.href = '/favicon-own.png';
    document.head.appendChild(own);
    return own;
  };

  it('is off by default; turned on it counts unacknowledged alerts in the title and favicon; off or gone, the page gets its own back', async () => {
    const sim = await startSim('production-like');
    const own = ownTitleAndIcon();
    try {
      const source = await mountInSource(sim.baseUrl, html`<pharos-ops-dashboard></pharos-ops-dashboard>`, 1);
      const dashboard = source.querySelector('pharos-ops-dashboard') as PharosOpsDashboard;
      const alerts = inner(dashboard, 'pharos-alerts') as HTMLElement & { monitor: import('../../alerts/monitor.js').AlertMonitor };
      await waitUntil(() => alerts.monitor.engine.active.get().some((a) => a.ruleId === 'health-degraded'), 'an alert', TIMEOUT);
      // The badge is set from the alert signals in a microtask and on updates: let both run, with no sleep.
      await dashboard.updateComplete;
      await settle();
      expect(document.title, 'embedded: never touched unless asked').to.equal('Ops wiki');
      expect(own.getAttribute('href')).to.equal('/favicon-own.png');

      dashboard.tabBadge = true;
      await waitUntil(() => /^\(\d+\) Ops wiki$/.test(document.title), 'badge in the title', TIMEOUT);
      const count = alerts.monitor.engine.active.get().filter((a) => a.state === 'firing').length;
      expect(document.title).to.equal(`(${count}) Ops wiki`);
      expect(own.href).to.match(/^data:image\/svg\+xml,/);
      expect(decodeURIComponent(own.href)).to.contain(`>${count}</text>`);

      // Acknowledging them all clears the badge.
      for (const a of alerts.monitor.engine.active.get()) alerts.monitor.engine.acknowledge(a.id, Date.now());
      await waitUntil(() => document.title === 'Ops wiki', 'badge cleared', TIMEOUT);
      expect(own.getAttribute('href')).to.equal('/favicon-own.png');

      // The page renames itself meanwhile: that name is kept.
      await sim.scenario('incident');
      await waitUntil(() => /^\(\d+\) Ops wiki$/.test(document.title), 'new alerts counted', TIMEOUT);
      document.title = 'Ops wiki (renamed)';
      await waitUntil(() => /^\(\d+\) Ops wiki \(renamed\)$/.test(document.title), 'follows the new title', TIMEOUT);
      dashboard.tabBadge = false;
      await dashboard.updateComplete;
      expect(document.title).to.equal('Ops wiki (renamed)');
      expect(own.getAttribute('href')).to.equal('/favicon-own.png');

      // Disconnected with the badge on: restored too, and an icon it added is removed.
      own.remove();
      dashboard.tabBadge = true;
      await waitUntil(() => icons().length === 1 && icons()[0]!.href.startsWith('data:'), 'an added icon', TIMEOUT);
      source.remove();
      expect(document.title).to.equal('Ops wiki (renamed)');
      expect(icons()).to.have.length(0);
    } finally {
      own.remove();
    }
  });

  // Last: the page's refusal lasts for its life (cdn.test.ts sees a real one, in Chromium).
  it('on a page whose policy refuses data: images, puts the page\'s favicon back at the first refusal and counts in the title alone', async () => {
    const sim = await startSim('incident');
    const own = ownTitleAndIcon();
    const refusal = (blockedURI: string, effectiveDirective = 'img-src') =>
      new SecurityPolicyViolationEvent('securitypolicyviolation', {
        blockedURI, effectiveDirective, violatedDirective: effectiveDirective, originalPolicy: "default-src 'self'", disposition: 'enforce', documentURI: location.href, statusCode: 200,
      });
    try {
      const source = await mountInSource(sim.baseUrl, html`<pharos-ops-dashboard tab-badge></pharos-ops-dashboard>`, 1);
      const dashboard = source.querySelector('pharos-ops-dashboard') as PharosOpsDashboard;
      const alerts = inner(dashboard, 'pharos-alerts') as HTMLElement & { monitor: import('../../alerts/monitor.js').AlertMonitor };
      await waitUntil(() => own.href.startsWith('data:'), 'the badge icon', TIMEOUT);
      // Someone else's refusals change nothing.
      document.dispatchEvent(refusal('https://elsewhere.example/pic.png'));
      document.dispatchEvent(refusal('data', 'script-src-elem'));
      expect(own.href).to.match(/^data:/);

      document.dispatchEvent(refusal('data'));
      expect(own.getAttribute('href')).to.equal('/favicon-own.png');
      expect(document.title).to.match(/^\(\d+\) Ops wiki$/);
      // A new count: the title follows, the favicon stays the page's.
      const [first] = alerts.monitor.engine.active.get();
      const before = document.title;
      alerts.monitor.engine.acknowledge(first!.id, Date.now());
      await waitUntil(() => document.title !== before, 'a new count', TIMEOUT);
      expect(own.getAttribute('href')).to.equal('/favicon-own.png');
      source.remove();
      expect(document.title).to.equal('Ops wiki');
    } finally {
      own.remove();
    }
  });
});
