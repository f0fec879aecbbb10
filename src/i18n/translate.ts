/**
 * The elements' words in the page's language. English is the source language: a string's
 * English text is its key, so an English page needs no catalog and loads none. German,
 * French, Spanish and Japanese load on first use, one small module each; a host page adds
 * a language, or changes a string, with {@link registerTranslation}.
 *
 * Which language: an element's `lang` as `langOf` finds it (the nearest `lang` through shadow
 * roots, then the document's, then the browser's). A region falls back to its language
 * (`de-CH` → `de`), an unknown language to English. Elements that translated re-render when a
 * catalog arrives or any `lang` in the page changes.
 */
import { Signal } from 'signal-polyfill';
import { cached, toLocale } from '../util/format.js';
import { fill } from '../util/translatable.js';
import type { PluralForms, Translation } from './translation.js';

export type { PluralForms, Translation } from './translation.js';

const catalogs: Record<string, Translation> = {};

/** The languages this package ships, each loaded once, on first use. */
const shipped: Record<string, (() => Promise<{ default: Translation }>) | undefined> = {
  de: () => import('./translations/de.js'),
  es: () => import('./translations/es.js'),
  fr: () => import('./translations/fr.js'),
  ja: () => import('./translations/ja.js'),
};

/** Read by every translation, so a new catalog or a changed `lang` re-renders its readers. */
const revision = new Signal.State(0);
const bump = () => revision.set(revision.get() + 1);
let watching = false;

/**
 * Adds a language, or changes strings of one (shipped or not): keys are the English texts.
 * Strings registered here win over the shipped catalog, whenever it arrives.
 * @example registerTranslation('de', { 'Updated {0}': 'Stand {0}' })
 */
export function registerTranslation(lang: string, strings: Translation): void {
  const code = lang.toLowerCase();
  catalogs[code] = { ...catalogs[code], ...strings };
  bump();
}

/** The catalog for a locale (`de-CH`, then `de`), starting to load a shipped one. */
function catalogFor(lang: string): Translation | undefined {
  revision.get();
  if (!watching) {
    watching = true;
    new MutationObserver(bump).observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
    addEventListener('languagechange', bump);
  }
  const code = lang.toLowerCase();
  const base = code.split('-')[0]!;
  const load = shipped[base];
  if (load) {
    shipped[base] = undefined;
    // Under what the page registered, which wins.
    void load().then((m) => registerTranslation(base, { ...m.default, ...catalogs[base] }));
  }
  return catalogs[code] ?? catalogs[base];
}


/**
 * `text` (English) in `lang`, with `{0}`, `{1}`, … filled from `values`; English when the
 * language or this string has no translation.
 */
export function t(lang: string, text: string, ...values: unknown[]): string {
  const found = catalogFor(lang)?.[text];
  return fill(typeof found === 'string' ? found : text, values);
}

/**
 * The plural form for `n` in `lang` (by `Intl.PluralRules`), filled like {@link t}: the
 * English forms are `one` and `other`, and `other` is the key. `n` is not put in by itself;
 * pass it (formatted) among `values`.
 */
export function tp(lang: string, n: number, one: string, other: string, ...values: unknown[]): string {
  const found = catalogFor(lang)?.[other];
  const locale = found ? toLocale(lang) : 'en';
  const rule = cached(`p:${locale}`, () => new Intl.PluralRules(locale)).select(n);
  const forms: PluralForms = typeof found === 'object' ? found : found ? { other: found } : { one, other };
  return fill(forms[rule] ?? forms.other, values);
}

export { translatable } from '../util/translatable.js';
