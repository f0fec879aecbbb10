// The elements from source on a page served with a strict Content-Security-Policy header
// (scripts/csp-header-middleware.mjs): the page is a same-origin iframe, so the test can read
// its DOM, while the policy is the real one the browser enforces. A style attribute in any
// template is blocked there: it shows up as a `securitypolicyviolation` and as a wrong drawn
// width, which is what this file checks.
import { expect, waitUntil } from '@open-wc/testing';
import { drawnShare } from '../support/drawn.js';
import { closeFramePages, openFramePage } from '../support/frame-page.js';
import { deepElements, deepFind } from '../support/shadow-tree.js';
import { startSim } from '../support/sim.js';
import type { PharosSourceElement } from '../../src/components/source/source.js';
import type { CspPage } from './page.js';

const TIMEOUT = { timeout: 15_000 };

type CspWindow = Window & { cspPage: CspPage };

afterEach(closeFramePages);

/** Opens the strict-CSP page and waits for the library to load there. */
async function openCspPage(width = 1440, height = 2000) {
  const { win, doc } = await openFramePage<CspWindow>('/test/csp/page.html', (w) => w.cspPage && w.customElements.get('pharos-ops-dashboard'), { width, height });
  return { win, doc, violations: win.cspPage.violations };
}

const describeViolations = (vs: SecurityPolicyViolationEvent[]) =>
  vs.map((v) => `${v.effectiveDirective} ${v.sourceFile}:${v.lineNumber} ${v.sample}`).join('\n');

const shadow = (el: Element | undefined) => el?.shadowRoot ?? null;

describe('under a strict Content-Security-Policy (style-src and script-src self)', () => {
  it('no module in src sets a style attribute (templates, styleMap, setAttribute), rendered here or not', async () => {
    // Every source module, as the manifest lists them; the runner serves each one as the browser runs it.
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { path: string }[] };
    expect(manifest.modules.length).to.be.greaterThan(50);
    const offenders: string[] = [];
    for (const { path } of manifest.modules) {
      const code = await (await fetch(`/${path}`)).text();
      for (const m of code.matchAll(/\sstyle=|styleMap|setAttribute\(\s*['"]style['"]/g)) offenders.push(`${path}: ${code.slice(m.index, m.index + 40)}`);
    }
    expect(offenders, offenders.join('\n')).to.deep.equal([]);
  });

  it('the policy is in force: a style attribute is reported and has no effect', async () => {
    const { win, doc, violations } = await openCspPage(400, 200);
    const csp = (await fetch('/test/csp/page.html')).headers.get('content-security-policy');
    expect(csp).to.contain("style-src 'self'");
    doc.body.setAttribute('style', 'color: rgb(255, 0, 0)');
    await waitUntil(() => violations.length === 1, 'a violation is reported');
    expect(violations[0]!.effectiveDirective).to.equal('style-src-attr');
    expect(win.getComputedStyle(doc.body).color).not.to.equal('rgb(255, 0, 0)');
  });

  it('a backend the page\'s connect-src does not allow: the element says the page\'s policy blocked it and what to change, from the first failure', async () => {
    const { doc, violations } = await openCspPage(800, 600);
    // Another origin than the page's, which `default-src 'self'` leaves out of connect-src.
    const elsewhere = location.origin.replace('localhost', '127.0.0.1');
    expect(elsewhere).not.to.equal(location.origin);
    doc.body.innerHTML = `<pharos-health base-url="${elsewhere}"></pharos-health>`;
    const health = doc.querySelector('pharos-health')!;
    const text = () => (health.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
    await waitUntil(() => text().includes('Cannot reach the backend.'), 'an error notice', TIMEOUT);
    expect(text()).to.contain(
      `This page’s Content-Security-Policy blocked the request for /api/monitoring/health: ask the page’s owner to add ${elsewhere} to its connect-src.`,
    );
    expect(violations.every((v) => v.effectiveDirective === 'connect-src'), describeViolations(violations)).to.be.true;
  });

  it('a Prometheus the page\'s connect-src does not allow: the same plain words', async () => {
    const sim = await startSim('healthy');
    const { doc } = await openCspPage(1200, 900);
    const elsewhere = location.origin.replace('localhost', '127.0.0.1');
    doc.body.innerHTML = `<pharos-source base-url="${sim.baseUrl}" prometheus-url="${elsewhere}/prometheus"><pharos-performance></pharos-performance></pharos-source>`;
    const performance = doc.querySelector('pharos-performance')!;
    const text = () => (performance.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
    await waitUntil(() => text().includes('Prometheus: Cannot reach the backend.'), 'an error notice', TIMEOUT);
    expect(text()).to.contain(`This page’s Content-Security-Policy blocked the request to Prometheus: ask the page’s owner to add ${elsewhere} to its connect-src.`);
  });

  it('the whole dashboard renders live data with zero violations, and the gauge and bars are drawn to scale', async function () {
    this.timeout(60_000);
    const sim = await startSim('production-like');
    const { win, doc, violations } = await openCspPage();
    doc.body.innerHTML = `<pharos-source base-url="${sim.baseUrl}"><pharos-ops-dashboard lang="en"></pharos-ops-dashboard></pharos-source>`;
    const sourceEl = doc.querySelector('pharos-source') as PharosSourceElement;
    const dashboard = doc.querySelector('pharos-ops-dashboard')!;
    await waitUntil(() => {
      const resources = sourceEl.source?.activeResources() ?? [];
      return resources.length > 10 && resources.every((r) => r.fetchedAt.get() !== null);
    }, 'every resource answered once', TIMEOUT);

    // Every tag the dashboard renders is defined and shows its content.
    const tags = new Set([...deepElements(dashboard.shadowRoot!)].map((e) => e.localName).filter((t) => t.startsWith('pharos-')));
    expect(tags.size).to.be.greaterThan(15);
    for (const tag of tags) expect(win.customElements.get(tag), tag).to.exist;

    // Live data from the simulator.
    const health = deepFind(dashboard.shadowRoot!, 'pharos-health');
    await waitUntil(() => shadow(health)?.querySelectorAll('[part=component]').length === 5, 'health components', TIMEOUT);

    // The pool gauge is drawn at the usage it states (the figures the simulator sent).
    const database = deepFind(dashboard.shadowRoot!, 'pharos-database');
    await waitUntil(() => shadow(database)?.querySelector('[part=gauge]'), 'the pool gauge', TIMEOUT);
    const gauge = shadow(database)!.querySelector<HTMLElement>('[part=gauge]')!;
    const [, inUse, capacity] = gauge.getAttribute('aria-valuetext')!.match(/in use: (\d+) of (\d+) connections/)!.map(Number);
    expect(capacity).to.be.greaterThan(0);
    expect(drawnShare(gauge.querySelector('.gauge-fill')!), 'gauge fill').to.be.closeTo(inUse! / capacity!, 0.01);

    // Every event-type bar is drawn at its count's share of the largest.
    const bus = deepFind(dashboard.shadowRoot!, 'pharos-event-bus');
    await waitUntil(() => (shadow(bus)?.querySelectorAll('[part=type]').length ?? 0) > 1, 'event types', TIMEOUT);
    const types = [...shadow(bus)!.querySelectorAll<HTMLElement>('[part=type]')];
    const counts = types.map((t) => Number(t.querySelector('.count')!.textContent!.split('(')[0]!.replace(/\D/g, '')));
    expect(counts[counts.length - 1]).to.be.lessThan(counts[0]!);
    types.forEach((t, i) => expect(drawnShare(t.querySelector('.bar > span')!), t.dataset.type).to.be.closeTo(counts[i]! / counts[0]!, 0.01));

    // A chart's table view and keyboard tooltip take their geometry through the CSSOM too.
    const chart = deepFind(shadow(database)!, 'pharos-timeseries')!;
    const chartRoot = chart.shadowRoot!;
    const plot = chartRoot.querySelector<HTMLElement>('[part=plot]')!;
    await waitUntil(() => chartRoot.querySelector('canvas') && !plot.getAttribute('aria-label')!.includes('no data'), 'the chart draws a sample', TIMEOUT);
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await waitUntil(() => chartRoot.querySelector('[part=tooltip]'), 'the keyboard tooltip', TIMEOUT);
    expect(win.getComputedStyle(chartRoot.querySelector('[part=tooltip]')!).left).not.to.equal('auto');
    const swatch = chartRoot.querySelector('[part=legend] .swatch')!;
    expect(win.getComputedStyle(swatch).backgroundColor).to.equal((chart as HTMLElement & { chartTheme?: { series: string[] } }).chartTheme!.series[0]);
    chartRoot.querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    await waitUntil(() => chartRoot.querySelector('.table-wrap'), 'the table view', TIMEOUT);
    expect(win.getComputedStyle(chartRoot.querySelector('.table-wrap')!).maxHeight).to.equal('240px');

    expect(violations, describeViolations(violations)).to.have.length(0);
  });
});
