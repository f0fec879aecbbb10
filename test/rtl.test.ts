/**
 * Right-to-left pages: the same element, with the same data, side by side on a `dir="ltr"`
 * and a `dir="rtl"` part of one page. Every visible part of the right-to-left one sits where
 * its left-to-right twin's mirror image would (its distance from the right edge is the twin's
 * from the left), so the layout mirrors, from CSS logical properties. A chart's time axis
 * does not: time runs left to right on every page. Both twins have the same language, so the
 * same words and widths: only the direction differs.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { PharosSourceElement } from '../src/index.js';
import '../src/index.js';
import { startSim } from './support/sim.js';

/** Elements whose layout has a start and an end: badges, gauges, tables, toggles, borders. */
const TAGS = ['pharos-dashboard-header', 'pharos-health', 'pharos-database', 'pharos-alerts', 'pharos-workers', 'pharos-job-history'];
/** How far (px) a part may sit from its mirror position: sub-pixel text widths differ a little. */
const TOLERANCE = 3;

async function twins(tag: string): Promise<[HTMLElement, HTMLElement]> {
  const sim = await startSim('incident');
  const t = unsafeStatic(tag);
  const page = await fixture<PharosSourceElement>(
    staticHtml`<pharos-source base-url=${sim.baseUrl}>
      <div dir="ltr" style="width: 640px"><${t}></${t}></div>
      <div dir="rtl" style="width: 640px"><${t}></${t}></div>
    </pharos-source>`,
  );
  await waitUntil(() => page.source!.activeResources().every((r) => r.fetchedAt.get() !== null && !r.fetching.get()), `${tag} loads`, { timeout: 30_000 });
  const [ltr, rtl] = Array.from(page.querySelectorAll<HTMLElement>(tag));
  await Promise.all([ltr, rtl].map((el) => (el as unknown as ReactiveElement).updateComplete));
  return [ltr!, rtl!];
}

/** Each visible part's distance from its host's start edge: left in ltr, right in rtl. */
function fromStart(host: HTMLElement, rtl: boolean): Array<{ part: string; at: number }> {
  const box = host.getBoundingClientRect();
  return Array.from(host.shadowRoot!.querySelectorAll<HTMLElement>('[part]'))
    .map((el) => ({ el, rect: el.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width > 0 && rect.width < box.width - 2 * TOLERANCE)
    .map(({ el, rect }) => ({ part: el.getAttribute('part')!, at: Math.round(rtl ? box.right - rect.right : rect.left - box.left) }));
}

describe('a right-to-left page', () => {
  for (const tag of TAGS) {
    it(`mirrors <${tag}>`, async function () {
      this.timeout(60_000);
      const [ltr, rtl] = await twins(tag);
      const left = fromStart(ltr, false);
      const right = fromStart(rtl, true);
      expect(right.map((p) => p.part)).to.deep.equal(left.map((p) => p.part));
      expect(left.length, 'parts to compare').to.be.greaterThan(0);
      const off = right.filter((p, i) => Math.abs(p.at - left[i]!.at) > TOLERANCE).map((p, i) => `${p.part}: ${p.at} from the right, ${left[i]!.at} from the left`);
      expect(off, 'parts not at their mirror position').to.deep.equal([]);
      // And it is not the same layout: something sits at a different x.
      const x = (el: HTMLElement) => Array.from(el.shadowRoot!.querySelectorAll('[part]')).map((p) => Math.round(p.getBoundingClientRect().left - el.getBoundingClientRect().left));
      expect(x(rtl)).not.to.deep.equal(x(ltr));
    });
  }

  it('keeps a chart\'s time axis left to right', async function () {
    this.timeout(60_000);
    const t0 = Date.UTC(2026, 11, 1);
    const el = await fixture<HTMLElement & ReactiveElement>(
      html`<div dir="rtl" lang="ar" style="width: 640px">
        <pharos-timeseries unit="ms" .series=${[{ label: 'P95' }]} .data=${[[t0, t0 + 60_000, t0 + 120_000], [1, 2, 3]]}></pharos-timeseries>
      </div>`,
    );
    const chart = el.querySelector<HTMLElement & ReactiveElement>('pharos-timeseries')!;
    await chart.updateComplete;
    await waitUntil(() => chart.shadowRoot!.querySelector('.uplot'), 'the chart draws', { timeout: 10_000 });
    expect(getComputedStyle(chart.shadowRoot!.querySelector('.uplot')!).direction).to.equal('ltr');
  });
});
