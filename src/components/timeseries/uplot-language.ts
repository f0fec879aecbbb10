import { browserLocale, usableLocale } from '../../util/format.js';

/*
 * uPlot runs `new Intl.NumberFormat(navigator.language)` when its module is evaluated, and
 * that throws where the browser's language is no BCP 47 tag (WebKitGTK without LANG says
 * "C"): the import fails and no element registers. This module is evaluated just before
 * uPlot (see uplot.ts) and, only then, shadows the language with a usable one;
 * restoreLanguage() removes the shadow right after, so the host page keeps its navigator.
 */
let shadowed = false;
if (typeof navigator !== 'undefined' && !Object.hasOwn(navigator, 'language') && !usableLocale(navigator.language)) {
  Object.defineProperty(navigator, 'language', { value: browserLocale(), configurable: true });
  shadowed = true;
}

/** Removes the shadowed `navigator.language`, if this module set one. */
export function restoreLanguage(): void {
  if (shadowed) delete (navigator as { language?: string }).language;
  shadowed = false;
}
