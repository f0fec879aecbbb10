/**
 * The whole dashboard on a German and on a Japanese page, against the simulator: no English
 * word of the UI's own anywhere a reader sees or hears (text, aria-label, title, …), across
 * every shadow root. What the backend names (modules, components, tasks) stays as sent.
 * The English words come from the catalogs' keys; a word the language itself uses ("Status",
 * "Cache", "P95") is not counted.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PharosSourceElement } from '../src/index.js';
import { DEFAULT_MODULES } from '../src/index.js';
import { t, type Translation } from '../src/i18n/translate.js';
import { humanize } from '../src/util/format.js';
import german from '../src/i18n/translations/de.js';
import japanese from '../src/i18n/translations/ja.js';
import { readable } from './support/readable.js';
import { allRendered } from './support/shadow-tree.js';
import { startSim } from './support/sim.js';

/**
 * Every string the backend sent, in any answer the page holds, and its field names as panels
 * show them (`pool_recycle` → "Pool recycle"): their words stay as sent.
 */
function backendStrings(source: PharosSourceElement): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (out.push(k, humanize(k)), walk(x)));
  };
  for (const r of source.source!.activeResources()) {
    walk(r.value.get());
    walk(r.error.get()?.detail);
  }
  // The backend's modules, which the module grid probes by name.
  for (const name of DEFAULT_MODULES) out.push(humanize(name));
  return out;
}

/** Each English word shown, with the text around its first use, for a readable failure. */
function englishIn(texts: string[], english: Set<string>, sent: Set<string>): string[] {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const word of text.match(/\p{L}{2,}/gu) ?? []) {
      if (english.has(word) && !sent.has(word) && !found.has(word)) found.set(word, text.trim().replace(/\s+/g, ' ').slice(0, 90));
    }
  }
  return [...found].map(([word, text]) => `${word}: «${text}»`);
}

const words = (texts: Iterable<string>) => new Set([...texts].flatMap((s) => s.replace(/\{\d\}/g, ' ').match(/\p{L}{2,}/gu) ?? []));
const values = (catalog: Translation) => Object.values(catalog).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));

for (const [lang, catalog] of [['de', german], ['ja', japanese]] as const) {
  describe(`the whole dashboard with lang="${lang}"`, () => {
    it('shows no English word of the UI\'s own', async function () {
      this.timeout(90_000);
      const sim = await startSim('incident');
      const page = await fixture<HTMLDivElement>(
        html`<div lang=${lang}><pharos-source base-url=${sim.baseUrl}><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source></div>`,
      );
      const source = page.querySelector<PharosSourceElement>('pharos-source')!;
      const [someKey] = Object.keys(catalog);
      await waitUntil(() => t(lang, someKey!) !== someKey, 'the catalog arrives', { timeout: 15_000 });
      await waitUntil(
        () => {
          const resources = source.source!.activeResources();
          return resources.length > 15 && resources.every((r) => r.fetchedAt.get() !== null && !r.fetching.get());
        },
        'every resource answered',
        { timeout: 45_000 },
      );
      await allRendered(page);

      const english = words(Object.keys(catalog));
      for (const word of words(values(catalog))) english.delete(word);
      const shown = readable(page);
      expect(englishIn(shown, english, words(backendStrings(source))), `English on the ${lang} page`).to.deep.equal([]);
      expect(shown.join(' ').length, 'the page shows text').to.be.greaterThan(2000);
    });
  });
}

describe('a lang changed on a live page', () => {
  it('re-renders the elements in the new language, and back', async function () {
    this.timeout(60_000);
    const sim = await startSim('incident');
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en"><pharos-source base-url=${sim.baseUrl}><pharos-dashboard-header></pharos-dashboard-header><pharos-health></pharos-health></pharos-source></div>`,
    );
    const source = page.querySelector<PharosSourceElement>('pharos-source')!;
    await waitUntil(() => source.source!.activeResources().every((r) => r.fetchedAt.get() !== null), 'loaded', { timeout: 30_000 });
    const english = words(Object.keys(german));
    for (const word of words(values(german))) english.delete(word);
    const englishShown = () => englishIn(readable(page), english, words(backendStrings(source)));
    expect(englishShown(), 'an English page shows English').not.to.be.empty;

    page.lang = 'de-AT';
    await waitUntil(() => englishShown().length === 0, 'the German text replaces the English', { timeout: 15_000 });

    page.lang = 'en';
    await waitUntil(() => englishShown().length > 0, 'English again', { timeout: 15_000 });
  });
});
