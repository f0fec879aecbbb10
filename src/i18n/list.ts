/**
 * Lists in the page's language, apart from translate.ts so that an element without one
 * (the smallest ones) does not carry it.
 */
import { cached, toLocale } from '../util/format.js';

/** `items` joined as a list in `lang`: "a, b and c", "a, b und c", "a、b、c". */
export function list(lang: string, items: readonly string[]): string {
  return cached(`l:${lang}`, () => new Intl.ListFormat(toLocale(lang), { type: 'conjunction' })).format(items);
}
