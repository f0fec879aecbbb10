// The elements on a host page that is not ours (test/hostile/page.html): lang="C", global CSS
// aimed at everything, a web font that never loads, the page's own custom elements, and
// patched globals, all in place before the library loads. Every element must still render
// its content and the simulator's data, and lay out within the page.
import { expect, waitUntil } from '@open-wc/testing';
import { drawnShare } from '../support/drawn.js';
import { closeFramePages, openFramePage } from '../support/frame-page.js';
import { allRendered, deepElements, deepFind } from '../support/shadow-tree.js';
import { startSim } from '../support/sim.js';
import type { PharosSourceElement } from '../../src/components/source/source.js';
import type { HostilePage } from './page.js';

const TIMEOUT = { timeout: 15_000 };
type HostileWindow = Window & { hostilePage: HostilePage };

afterEach(closeFramePages);

const openHostilePage = (width = 1280) =>
  openFramePage<HostileWindow>('/test/hostile/page.html', (w) => w.hostilePage && w.customElements.get('pharos-ops-dashboard'), { width, height: 1600 });

const text = (root: ParentNode | null | undefined) => (root?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Elements whose whole content may legitimately be empty or only a button (no data of their own). */
const QUIET = new Set(['pharos-trend', 'pharos-alerts']);

describe('on a hostile host page', () => {
  it('the page is as hostile as it says (so the other tests mean something)', async () => {
    const { win, doc } = await openHostilePage(600);
    expect(doc.documentElement.lang).to.equal('C');
    const body = win.getComputedStyle(doc.body);
    expect(body.textTransform).to.equal('uppercase');
    expect(body.whiteSpace).to.equal('nowrap');
    expect(win.getComputedStyle(doc.documentElement).fontSize).to.equal('6px');
    const keys: string[] = [];
    for (const k in win.Array.of(1)) keys.push(k);
    expect(keys).to.include.members(['0', 'first', 'each']); // enumerable prototype additions
    expect(() => new (win as unknown as { Signal: { State: new () => unknown } }).Signal.State()).to.throw('page’s own');
    expect(() => win.localStorage).to.throw('may not use localStorage');
    expect(win.customElements.get('status-badge')).to.exist.and.not.have.property('version'); // the page's own
    const seen = win.hostilePage.seen.defined;
    expect(seen.slice(0, 4)).to.deep.equal(['status-badge', 'metric-card', 'time-series', 'pharos-tooltip']);
    expect(seen).to.include.members(['pharos-source', 'pharos-ops-dashboard', 'pharos-status-badge']);
  });

  it('the whole dashboard renders every element with live data, within the page width', async function () {
    this.timeout(60_000);
    const sim = await startSim('production-like');
    const { win, doc } = await openHostilePage();
    // persist-history although the page may not use IndexedDB: the history lives as long as the page.
    doc.body.innerHTML = `<pharos-source base-url="${sim.baseUrl}" persist-history><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source>`;
    const source = doc.querySelector('pharos-source') as PharosSourceElement;
    const dashboard = doc.querySelector('pharos-ops-dashboard')!;
    await waitUntil(() => {
      const resources = source.source?.activeResources() ?? [];
      return resources.length > 10 && resources.every((r) => r.fetchedAt.get() !== null);
    }, 'every resource answered once', TIMEOUT);
    const health = deepFind(dashboard.shadowRoot!, 'pharos-health')!;
    await waitUntil(() => health.shadowRoot!.querySelectorAll('[part=component]').length === 5, 'health components', TIMEOUT);
    await allRendered(dashboard.shadowRoot!);

    const elements = [...deepElements(dashboard.shadowRoot!)].filter((e) => e.localName.startsWith('pharos-'));
    expect(new Set(elements.map((e) => e.localName)).size).to.be.greaterThan(15);
    for (const el of elements) {
      expect(win.customElements.get(el.localName), el.localName).to.exist;
      expect(el.shadowRoot?.childElementCount, `${el.localName} rendered`).to.be.greaterThan(0);
      if (!QUIET.has(el.localName)) expect(text(el.shadowRoot), el.localName).not.to.equal('');
      expect(text(el.shadowRoot), el.localName).not.to.match(/NaN|undefined|\[object|Invalid Date/);
    }
    // Times and numbers are formatted although the page's lang is not a locale.
    expect(text(health.shadowRoot!.querySelector('[part=updated]'))).to.match(/^Updated (now|.*ago)$/i);
    // The gauge is drawn, to scale, and the charts have a canvas with a size.
    const database = deepFind(dashboard.shadowRoot!, 'pharos-database')!;
    const gauge = database.shadowRoot!.querySelector<HTMLElement>('[part=gauge]')!;
    const [, inUse, capacity] = gauge.getAttribute('aria-valuetext')!.match(/in use: (\d+) of (\d+) connections/)!.map(Number);
    expect(gauge.querySelector('.gauge-track')!.getBoundingClientRect().height).to.be.greaterThan(4);
    expect(drawnShare(gauge.querySelector('.gauge-fill')!)).to.be.closeTo(inUse! / capacity!, 0.01);
    const canvas = deepFind(database.shadowRoot!, 'canvas')!;
    expect(canvas.getBoundingClientRect().width).to.be.greaterThan(100);
    // Nothing pushes the page sideways (a page-wide nowrap would).
    expect(doc.documentElement.scrollWidth).to.be.at.most(win.innerWidth);
    expect(win.hostilePage.errors).to.deep.equal([]);
  });

  it('single tags render and work beside the page’s own elements', async function () {
    this.timeout(30_000);
    const sim = await startSim('healthy');
    const { win, doc } = await openHostilePage(900);
    doc.body.innerHTML = `<status-badge></status-badge>
      <pharos-status-badge status="degraded"></pharos-status-badge>
      <pharos-health base-url="${sim.baseUrl}"></pharos-health>
      <pharos-database base-url="${sim.baseUrl}"></pharos-database>
      <pharos-ingest-trigger base-url="${sim.baseUrl}"></pharos-ingest-trigger>`;
    expect(text(doc.querySelector('status-badge')!.shadowRoot)).to.equal('page status-badge');
    const badge = doc.querySelector('pharos-status-badge')!;
    await waitUntil(() => text(badge.shadowRoot).endsWith('Degraded'), 'our badge');
    const health = doc.querySelector('pharos-health')!;
    await waitUntil(() => health.shadowRoot!.querySelectorAll('[part=component]').length === 5, 'health components', TIMEOUT);
    const database = doc.querySelector('pharos-database')!;
    await waitUntil(() => database.shadowRoot!.querySelector('[part=gauge]'), 'the pool gauge', TIMEOUT);

    // The page's `button { all: unset }` does not reach ours: the trigger still submits.
    const trigger = doc.querySelector('pharos-ingest-trigger')!;
    const input = trigger.shadowRoot!.querySelector('input')!;
    input.value = 'github.com/user/hostile';
    input.dispatchEvent(new Event('input'));
    const submit = trigger.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!;
    expect(win.getComputedStyle(submit).display).not.to.equal('inline');
    submit.click();
    await waitUntil(() => trigger.shadowRoot!.querySelector('[part=success]'), 'queued', TIMEOUT);
    expect(text(trigger.shadowRoot!.querySelector('[part=success]'))).to.contain('github.com/user/hostile');
    expect(win.hostilePage.seen.fetches).to.be.greaterThan(0); // through the page's patched fetch
    expect(doc.documentElement.scrollWidth).to.be.at.most(win.innerWidth);
    expect(win.hostilePage.errors).to.deep.equal([]);
  });
});
