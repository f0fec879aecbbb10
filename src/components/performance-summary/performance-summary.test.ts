import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadSample } from '../../../test/support/samples.js';
import { mountInSource } from '../../../test/support/mount.js';
import { startSim } from '../../../test/support/sim.js';
import type { PharosPerformanceSummary } from './performance-summary.component.js';
import './performance-summary.js';

const TIMEOUT = { timeout: 10_000 };
const PATH = '/api/monitoring/performance';

async function mount(baseUrl: string) {
  const source = await mountInSource(baseUrl, html`<pharos-performance-summary></pharos-performance-summary>`);
  return source.querySelector('pharos-performance-summary') as PharosPerformanceSummary;
}

const root = (el: Element) => el.shadowRoot!;
const parts = (el: Element, part: string) => [...root(el).querySelectorAll(`[part~="${part}"]`)] as HTMLElement[];
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const figure = (el: Element, key: string) => root(el).querySelector(`[part~=figure][data-key="${key}"]`) as HTMLElement;
/** A metric card's label, value and note as one line. */
const card = (el: Element, key: string) => {
  const c = figure(el, key);
  return `${c.shadowRoot!.textContent} ${c.textContent}`.replace(/\s+/g, ' ').trim();
};
const rows = (el: Element) => parts(el, 'row');
const names = (el: Element) => rows(el).map((r) => r.dataset.key);
const header = (el: Element, column: string) => root(el).querySelector(`thead th[data-column="${column}"]`) as HTMLElement;
const sortButton = (el: Element, column: string) => header(el, column).querySelector('button')!;
/** The numbers of a column in display order (a cell's text without grouping or unit). */
const columnNumbers = (el: Element, column: string) =>
  rows(el).map((r) => Number(r.querySelector(`[data-column="${column}"]`)!.textContent!.replace(/[^\d.]/g, '')));
const isSorted = (xs: number[], dir: 'asc' | 'desc') => xs.every((x, i) => i === 0 || (dir === 'asc' ? xs[i - 1]! <= x : xs[i - 1]! >= x));

describe('<pharos-performance-summary>', () => {
  it('shows a sized skeleton before the first answer', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, latencyMs: 800, times: 1 });
    const el = await mount(sim.baseUrl);
    expect(parts(el, 'skeleton')).to.have.length(1);
    await waitUntil(() => rows(el).length > 0, 'loads', TIMEOUT);
    expect(parts(el, 'skeleton')).to.have.length(0);
  });

  it('healthy: cache hit rate, slow queries and method timings sorted slowest first; passes axe', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 4, 'four methods', TIMEOUT);
    expect(card(el, 'cache-hit-rate')).to.match(/Cache hit rate \d+(\.\d)?%/);
    expect(card(el, 'cache-hit-rate')).to.match(/hits · [\d,]+ misses/);
    expect(card(el, 'slow-queries')).to.match(/Slow queries [\d,]+/);
    expect(names(el)).to.include('search_service.hybrid_search');
    expect(header(el, 'averageMs').getAttribute('aria-sort')).to.equal('descending');
    expect(isSorted(columnNumbers(el, 'averageMs'), 'desc')).to.equal(true);
    expect(text(el)).to.contain('No warnings from the backend.');
    expect(text(el)).not.to.match(/undefined|NaN|\[object Object\]/);
    await expect(el).to.be.accessible();
  });

  it('sorts by each column via header buttons, with aria-sort on the sorted column only', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 4, 'four methods', TIMEOUT);

    sortButton(el, 'count').click();
    await el.updateComplete;
    expect(header(el, 'count').getAttribute('aria-sort')).to.equal('descending');
    expect(header(el, 'averageMs').hasAttribute('aria-sort')).to.equal(false);
    expect(isSorted(columnNumbers(el, 'count'), 'desc')).to.equal(true);
    expect(root(el).querySelector('.sortable + [role=status]')!.textContent).to.contain('Sorted by Calls, descending');

    sortButton(el, 'count').click();
    await el.updateComplete;
    expect(header(el, 'count').getAttribute('aria-sort')).to.equal('ascending');
    expect(isSorted(columnNumbers(el, 'count'), 'asc')).to.equal(true);

    sortButton(el, 'name').click();
    await el.updateComplete;
    expect(header(el, 'name').getAttribute('aria-sort')).to.equal('ascending');
    const sortedNames = [...names(el)].sort();
    expect(names(el)).to.deep.equal(sortedNames);
  });

  it('sorting is keyboard operable (Tab to a header button, Enter and Space)', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 4, 'four methods', TIMEOUT);
    sortButton(el, 'name').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(sortButton(el, 'count'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(header(el, 'count').getAttribute('aria-sort')).to.equal('descending');
    // ' ', not 'Space': Firefox's WebDriver BiDi keyboard knows the key by its character only.
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(header(el, 'count').getAttribute('aria-sort')).to.equal('ascending');
  });

  it('keeps the chosen sort across polls', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 4, 'four methods', TIMEOUT);
    el.sortTimings('name', 'descending');
    await el.updateComplete;
    const before = (await sim.requests()).byPath[PATH]!;
    await el.refresh();
    expect((await sim.requests()).byPath[PATH]).to.be.greaterThan(before);
    await el.updateComplete;
    expect(header(el, 'name').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)).to.deep.equal([...names(el)].sort().reverse());
  });

  it('production-like (the real sample): empty timings state and no misleading 0% hit rate', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'empty').length === 1, 'empty state', TIMEOUT);
    expect(text(parts(el, 'empty')[0]!)).to.contain('No method timings recorded yet');
    expect(root(el).querySelector('table')).to.equal(null);
    expect(card(el, 'cache-hit-rate')).to.contain('No cache traffic yet');
    expect(card(el, 'cache-hit-rate')).not.to.contain('0%');
    expect(card(el, 'slow-queries')).to.contain('0');
    await expect(el).to.be.accessible();
  });

  it('replays the recorded real body through a status fault', async () => {
    const sample = await loadSample('monitoring_performance');
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, kind: 'status', status: sample.status, body: sample.body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'empty').length === 1, 'empty state', TIMEOUT);
    expect(text(el)).to.contain('No warnings from the backend.');
  });

  it('incident: shows the backend warnings as text', async () => {
    const sim = await startSim('incident');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'warning').length > 0, 'warnings', TIMEOUT);
    expect(text(parts(el, 'warning')[0]!)).to.match(/Slow method embedding_service\.embed_text/);
    expect(card(el, 'warnings')).to.contain('1');
    await expect(el).to.be.accessible();
  });

  it('outage: plain-words error with retry, then recovers', async () => {
    const sim = await startSim('outage');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(text(parts(el, 'error')[0]!)).to.contain('HTTP 502');
    expect(parts(el, 'skeleton')).to.have.length(0);
    await expect(el).to.be.accessible();
    await sim.scenario('healthy');
    parts(el, 'retry')[0]!.click();
    await waitUntil(() => rows(el).length === 4, 'recovers', TIMEOUT);
    expect(parts(el, 'error')).to.have.length(0);
  });

  it('auth: says a token is needed', async () => {
    const sim = await startSim('auth');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(parts(el, 'error')[0]!.dataset.kind).to.equal('auth');
    expect(text(parts(el, 'error')[0]!)).to.contain('Not authorised');
  });

  it('stale: keeps the last table and figures when a refresh fails', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 4, 'loads', TIMEOUT);
    await sim.fault({ path: PATH, kind: 'html-502' });
    await el.refresh();
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(rows(el)).to.have.length(4);
    expect(text(parts(el, 'error')[0]!)).to.contain('Showing the last good values');
    expect(figure(el, 'cache-hit-rate').hasAttribute('stale')).to.equal(true);
  });

  it('renders method names as text, never as HTML', async () => {
    const sim = await startSim('healthy');
    const body = {
      status: 'ok',
      timestamp: '2026-11-22T10:23:18.992988',
      metrics: {
        cache_hit_rate: 0.5, cache_hits: 1, cache_misses: 1, slow_query_count: 0,
        method_timings: { '<img src=x onerror=alert(1)>': { average_ms: 1.5, count: 2 } },
      },
      warnings: ['<b>warned</b>'],
    };
    await sim.fault({ path: PATH, kind: 'status', status: 200, body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 1, 'loads', TIMEOUT);
    expect(root(el).querySelector('img, b')).to.equal(null);
    expect(text(el)).to.contain('<img src=x onerror=alert(1)>');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosPerformanceSummary>(html`<pharos-performance-summary base-url=${sim.baseUrl}></pharos-performance-summary>`);
    await waitUntil(() => rows(el).length === 4, 'loads', TIMEOUT);
    expect(text(el)).to.contain('Performance');
    await expect(el).to.be.accessible();
  });
});
