import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mountOnClock } from '../../../test/support/clocked-source.js';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import type { PharosModuleGrid } from './module-grid.component.js';
import './module-grid.js';

const root = (el: Element) => el.shadowRoot!;
const cards = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~=card]')];
const card = (el: Element, name: string) => root(el).querySelector<HTMLButtonElement>(`[part~=card][data-name="${name}"]`)!;
const loaded = (el: Element) => cards(el).length > 0 && cards(el).every((c) => c.dataset.status !== 'unknown' && !c.textContent!.includes('Loading'));

async function inSource(scenario: Parameters<typeof startSim>[0], content = html`<pharos-module-grid lang="en"></pharos-module-grid>`) {
  const sim = await startSim(scenario);
  const source = await mountInSource(sim.baseUrl, content);
  const el = source.querySelector('pharos-module-grid')!;
  return { sim, source, el };
}

describe('<pharos-module-grid>', () => {
  it('probes each module when /health reports none (production-like), with response time and errors', async () => {
    const { sim, el } = await inSource('production-like');
    await waitUntil(() => loaded(el), 'every module loaded', { timeout: 15000 });
    expect(cards(el).map((c) => c.dataset.name)).to.deep.equal([
      'annotations', 'auth', 'authority', 'collections', 'github', 'graph', 'ingestion', 'mcp',
      'monitoring', 'patterns', 'pdf_ingestion', 'planning', 'quality', 'resources', 'scholarly', 'search',
    ]);
    expect(cards(el).every((c) => c.dataset.status === 'healthy')).to.equal(true);
    const requests = await sim.requests();
    expect(requests.byPath['/api/monitoring/health/module/graph']).to.equal(1);
    const search = card(el, 'search');
    expect(search.querySelector('.latency')!.textContent).to.match(/\d+(\.\d+)? ms/);
    expect(search.querySelector('.errors')!.textContent).to.equal('0');
    expect(search.querySelector('[part=name]')!.textContent).to.equal('Search');
    expect(search.querySelector('pharos-status-badge')!.getAttribute('status')).to.equal('healthy');
    expect(root(el).textContent).not.to.match(/NaN|undefined|\[object/);
    await expect(el).to.be.accessible();
  });

  it('takes status from health.modules and raises an alert for the module that is down (incident)', async () => {
    const { el } = await inSource('incident');
    await waitUntil(() => card(el, 'graph')?.dataset.status === 'down', 'graph down', { timeout: 15000 });
    const graph = card(el, 'graph');
    expect(graph.hasAttribute('data-alert')).to.equal(true);
    expect(graph.querySelector('[part=alert]')!.textContent).to.contain('Module down');
    expect(card(el, 'search').hasAttribute('data-alert')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('filters by status with counts and sorts by status', async () => {
    const { el } = await inSource('incident');
    await waitUntil(() => loaded(el), 'loaded', { timeout: 15000 });
    const options = [...root(el).querySelectorAll<HTMLButtonElement>('[part=filter] [role=radio]')];
    expect(options.map((o) => o.textContent!.trim())).to.deep.equal(['All (16)', 'Healthy (15)', 'Degraded (0)', 'Down (1)']);
    options[3]!.click();
    await el.updateComplete;
    expect(el.filter).to.equal('down');
    expect(cards(el).map((c) => c.dataset.name)).to.deep.equal(['graph']);
    options[2]!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part=empty]')!.textContent).to.contain('No degraded modules');
    el.filter = 'all';
    const select = root(el).querySelector<HTMLSelectElement>('[part=sort]')!;
    select.value = 'status';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.sort).to.equal('status');
    expect(cards(el)[0]!.dataset.name).to.equal('graph');
    el.sort = 'response-time';
    await el.updateComplete;
    // Slowest first: parse the shown latencies back.
    const ms = cards(el).map((c) => parseFloat(c.querySelector('.latency')!.textContent!.replace(/,/g, '')) * (/\bs(ec)?\b/.test(c.querySelector('.latency')!.textContent!) ? 1000 : 1));
    expect(ms.length).to.equal(16);
    expect([...ms].sort((a, b) => b - a)).to.deep.equal(ms);
  });

  it('opens a module’s details with its health fields and recent probes, and gives focus back on close', async () => {
    const { el } = await inSource('incident');
    await waitUntil(() => card(el, 'graph')?.dataset.status === 'down', 'graph down', { timeout: 15000 });
    const graph = card(el, 'graph');
    graph.focus();
    graph.click();
    await el.updateComplete;
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('#details-title')!.textContent).to.contain('Graph');
    expect(dialog.querySelector('[part=details-fields]')!.textContent).to.contain('Vector store unreachable');
    await waitUntil(() => dialog.querySelectorAll('[part=probes] li').length >= 1, 'probe list', { timeout: 10000 });
    expect(dialog.querySelector('[part=probes] svg.sparkline')).to.exist;
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button.close')!.click();
    await waitUntil(() => !dialog.open && root(el).activeElement === card(el, 'graph'), 'focus returns to the card');
  });

  it('counts failed probes in the range and keeps the last status as stale', async () => {
    const { sim, el } = await inSource('production-like', html`<pharos-module-grid lang="en" modules="search"></pharos-module-grid>`);
    await waitUntil(() => loaded(el), 'loaded', { timeout: 15000 });
    await sim.fault({ path: '/api/monitoring/health/module/search', kind: 'html-502' });
    await el.refresh();
    await waitUntil(() => card(el, 'search').querySelector('.errors')!.textContent === '1', 'one failed probe', { timeout: 10000 });
    expect(card(el, 'search').dataset.status).to.equal('healthy');
    expect(card(el, 'search').textContent).to.contain('Stale');
  });

  it('takes a custom module list from the attribute', async () => {
    const { sim, el } = await inSource('production-like', html`<pharos-module-grid modules="search, graph  ingestion"></pharos-module-grid>`);
    expect(el.modules).to.deep.equal(['search', 'graph', 'ingestion']);
    await waitUntil(() => loaded(el), 'loaded', { timeout: 15000 });
    expect(cards(el).map((c) => c.dataset.name)).to.deep.equal(['graph', 'ingestion', 'search']);
    el.modules = ['auth'];
    await waitUntil(() => loaded(el) && cards(el).length === 1, 'list change', { timeout: 15000 });
    const before = (await sim.requests()).byPath['/api/monitoring/health/module/search'];
    await el.refresh();
    expect((await sim.requests()).byPath['/api/monitoring/health/module/search']).to.equal(before);
  });

  it('probe="auto" does not probe when /health reports modules', async () => {
    // On an injected clock: three intervals pass in a moment, and every request is counted as it starts.
    const sim = await startSim('healthy');
    const { el: source, source: src, clock, fetched } = await mountOnClock(sim.baseUrl, html`<pharos-module-grid probe="auto"></pharos-module-grid>`);
    const el = source.querySelector('pharos-module-grid')!;
    await clock.advance(0);
    await waitUntil(() => loaded(el), 'loaded', { timeout: 15000 });
    for (let i = 0; i < 3; i++) {
      await clock.advance(30_000);
      await waitUntil(() => !src.fetching.get(), 'the poll is answered', { timeout: 10000 });
    }
    expect(fetched.filter((p) => p === '/api/monitoring/health'), 'health: at once, then each interval').to.have.length(4);
    expect(fetched.filter((p) => p.includes('/health/module/')), 'no module probe').to.deep.equal([]);
    const paths = Object.keys((await sim.requests()).byPath);
    expect(paths.some((p) => p.includes('/health/module/'))).to.equal(false);
    expect(card(el, 'search').querySelector('.errors')!.textContent).to.equal('—');
  });

  it('explains an outage and shows no fake statuses', async () => {
    const { el } = await inSource('outage');
    await waitUntil(() => root(el).querySelector('[part=error]'), 'error notice', { timeout: 15000 });
    expect(cards(el).every((c) => c.dataset.status === 'unknown')).to.equal(true);
    expect(root(el).querySelector('[part=retry]')).to.exist;
    expect(root(el).textContent).not.to.match(/NaN|undefined/);
    await expect(el).to.be.accessible();
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('production-like');
    const el = await fixture<PharosModuleGrid>(html`<pharos-module-grid base-url=${sim.baseUrl}></pharos-module-grid>`);
    await waitUntil(() => loaded(el), 'loaded', { timeout: 15000 });
    expect(cards(el).length).to.equal(16);
    await expect(el).to.be.accessible();
  });
});

describe('<pharos-module-grid> anomalies', () => {
  it('raises an "unusually slow" alert when a probe is far slower than its recent past', async () => {
    const { sim, el } = await inSource('production-like', html`<pharos-module-grid lang="en" modules="search"></pharos-module-grid>`);
    await waitUntil(() => loaded(el), 'loaded', { timeout: 15000 });
    for (let i = 0; i < 10; i++) await el.refresh();
    expect(card(el, 'search').querySelector('[part=alert]')).to.equal(null);
    await sim.fault({ path: '/api/monitoring/health/module/search', latencyMs: 1500, times: 1 });
    await el.refresh();
    await waitUntil(() => card(el, 'search').querySelector('[part=alert]'), 'alert shown', { timeout: 10000 });
    expect(card(el, 'search').querySelector('[part=alert]')!.textContent).to.contain('Unusually slow');
    expect(card(el, 'search').dataset.status).to.equal('healthy');
    card(el, 'search').click();
    await el.updateComplete;
    expect(root(el).querySelector('[part=details-fields]')!.textContent).to.match(/Unusually slow: probe latency \d.*, usually \d.* \(median of the last \d+ samples\); \d.*× the usual spread/);
  });
});
