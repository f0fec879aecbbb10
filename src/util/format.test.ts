import { expect, fixture, html } from '@open-wc/testing';
import type { PharosMetricCard } from '../components/metric-card/metric-card.component.js';
import '../components/metric-card/metric-card.js';
import uPlot from '../components/timeseries/uplot.js';
import { FALLBACK_LOCALE, formatAgo, formatDateTime, formatNumber, formatSeconds, langOf, toLocale, usableLocale } from './format.js';
import { sortRows } from '../ui/sortable-table.js';
import { formatWindow } from '../ui/time-window.js';

/** Makes the browser report `languages` (as WebKitGTK does with no LANG: `["C"]`) during `run`. */
async function withBrowserLanguages(languages: string[], run: () => Promise<void> | void) {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
  Object.defineProperty(navigator, 'language', { value: languages[0], configurable: true });
  try {
    await run();
  } finally {
    delete (navigator as { languages?: unknown }).languages;
    delete (navigator as { language?: unknown }).language;
  }
}

describe('locale resolution', () => {
  it('accepts real tags, canonicalised, and POSIX spellings of them', () => {
    expect(usableLocale('en')).to.equal('en');
    expect(usableLocale('de-de')).to.equal('de-DE');
    expect(usableLocale('de_DE.UTF-8')).to.equal('de-DE');
    expect(usableLocale('fr_FR@euro')).to.equal('fr-FR');
  });

  it('rejects what Intl would throw on or cannot format in', () => {
    for (const tag of ['C', 'POSIX', 'xx_YY', 'xx-YY', '', '   ', 'en-', '123', null, undefined]) {
      expect(usableLocale(tag), String(tag)).to.equal(null);
    }
  });

  it('takes the nearest usable lang, across shadow roots, passing over bad ones', async () => {
    const outer = await fixture<HTMLElement>(html`<div lang="de"><span lang="C"><b></b></span></div>`);
    const b = outer.querySelector('b')!;
    expect(langOf(b)).to.equal('de');
    outer.querySelector('span')!.setAttribute('lang', 'fr-CA');
    expect(langOf(b)).to.equal('fr-CA');

    const host = await fixture<HTMLElement>(html`<div lang="xx_YY"></div>`);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('i'));
    host.parentElement!.setAttribute('lang', 'ja');
    expect(langOf(inner)).to.equal('ja');
  });

  it('falls back to the browser languages, then to en-US, when the page names none', async () => {
    const el = await fixture<HTMLElement>(html`<p lang=""></p>`);
    const pageLang = document.documentElement.getAttribute('lang');
    document.documentElement.setAttribute('lang', 'C');
    try {
      await withBrowserLanguages(['C', 'nl-BE'], () => {
        expect(langOf(el)).to.equal('nl-BE');
      });
      await withBrowserLanguages(['C'], () => {
        expect(langOf(el)).to.equal(FALLBACK_LOCALE);
      });
    } finally {
      if (pageLang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', pageLang);
    }
  });

  it('never lets a formatter throw on a bad tag', () => {
    expect(toLocale('C')).to.equal(FALLBACK_LOCALE);
    expect(formatNumber('C', 1234.5)).to.equal('1,234.5');
    expect(formatSeconds('xx_YY', 30)).to.match(/^30\s?sec/);
    expect(formatAgo('', 0, 5000)).to.be.a('string').and.not.equal('');
    expect(formatDateTime('C', 0)).to.be.a('string').and.not.equal('—');
    expect(formatWindow('C', 7)).to.equal('last 7 days');
    const rows = sortRows([{ n: 'b' }, { n: 'a' }], [{ key: 'n', label: 'N', cell: (r) => r.n, sortValue: (r) => r.n }], { column: 'n', direction: 'ascending' }, 'C');
    expect(rows.map((r) => r.n)).to.deep.equal(['a', 'b']);
  });
});

describe('an element on a host page with an unusable language', () => {
  it('loads uPlot (whose module code formats in navigator.language) and leaves navigator as it was', () => {
    // In WebKitGTK with LANG=C this import is what used to throw; here it must leave no trace.
    expect(uPlot.fmtNum(1234.5)).to.be.a('string');
    expect(Object.hasOwn(navigator, 'language')).to.equal(false);
  });

  it('registers and renders with lang="C" on the element and "C" from the browser', async () => {
    await withBrowserLanguages(['C'], async () => {
      const el = await fixture<PharosMetricCard>(html`<pharos-metric-card lang="C" label="Events" value="1234.5" unit="per min"></pharos-metric-card>`);
      expect(el.shadowRoot!.querySelector('[part=value]')!.textContent).to.equal('1,234.5');
      // The invalid lang is the host page's (axe rightly flags it); everything else must pass.
      await expect(el).to.be.accessible({ ignoredRules: ['valid-lang'] });
    });
  });

  it('renders with an invalid lang on the host element, in the language around it', async () => {
    const wrap = await fixture<HTMLElement>(html`<div lang="de-DE"><pharos-metric-card lang="xx_YY" label="Ereignisse" value="1234.5"></pharos-metric-card></div>`);
    const el = wrap.querySelector<PharosMetricCard>('pharos-metric-card')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=value]')!.textContent).to.equal('1.234,5');
  });
});
