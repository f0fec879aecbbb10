/**
 * Formatting through `Intl`, in the language of the element's page (`lang`) and the
 * viewer's time zone. Formatters are cached per language because building them is costly.
 */

/** The locale used when neither the page nor the browser names a usable one. */
export const FALLBACK_LOCALE = 'en-US';

const checked = new Map<string, string | null>();

/**
 * A language tag as a locale `Intl` can use, or `null`. Host pages and browsers give us
 * anything: `lang="C"`, `"en_US.UTF-8"`, `"xx_YY"`, `""` (WebKitGTK reports `"C"` with no
 * `LANG`), and `new Intl.NumberFormat('C')` throws, so every tag is checked here once.
 */
export function usableLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  let locale = checked.get(tag);
  if (locale === undefined) {
    // POSIX spellings: drop the charset and modifier, underscores become hyphens.
    const bcp47 = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
    try {
      const [canonical] = Intl.getCanonicalLocales(bcp47);
      locale = canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0 ? canonical : null;
    } catch {
      locale = null; // not a well-formed BCP 47 tag
    }
    checked.set(tag, locale);
  }
  return locale;
}

/**
 * The locale an element formats in: the nearest usable `lang` up the (shadow-crossing) tree,
 * then the document's, then the browser's languages, else {@link FALLBACK_LOCALE}. A tag
 * that `Intl` cannot use is passed over, never thrown.
 */
export function langOf(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    const locale = node instanceof Element ? usableLocale(node.getAttribute('lang')) : null;
    if (locale) return locale;
  }
  return usableLocale(document.documentElement.getAttribute('lang')) ?? browserLocale();
}

/** The first of the browser's languages that `Intl` can use, else {@link FALLBACK_LOCALE}. */
export function browserLocale(): string {
  for (const tag of [...(navigator.languages ?? []), navigator.language]) {
    const locale = usableLocale(tag);
    if (locale) return locale;
  }
  return FALLBACK_LOCALE;
}

/** `lang` if `Intl` can use it, else the fallback: a formatter must never throw on a tag. */
export function toLocale(lang: string): string {
  return usableLocale(lang) ?? FALLBACK_LOCALE;
}

type Formatter = Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat;
const cache = new Map<string, Formatter>();
/** The formatter for `key`, made once by `make`. @internal */
export function cached<T extends Formatter>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Placeholder shown instead of a missing number (never "NaN" or "undefined"). */
export const MISSING = '—';

/** True for a finite number. @internal */
export const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** A plain number, e.g. `1,234` or `12.5`. */
export function formatNumber(lang: string, n: number | null | undefined, maxFractionDigits = 1): string {
  if (!finite(n)) return MISSING;
  return cached(`n:${lang}:${maxFractionDigits}`, () => new Intl.NumberFormat(toLocale(lang), { maximumFractionDigits: maxFractionDigits })).format(n);
}

/** A duration in seconds: `45 s`, `12 min`, `3.5 h`, `2 days`. */
export function formatSeconds(lang: string, seconds: number | null | undefined): string {
  if (!finite(seconds)) return MISSING;
  const abs = Math.abs(seconds);
  if (abs < 90) return unit(lang, seconds, 'second', abs < 10 ? 1 : 0);
  if (abs < 90 * 60) return unit(lang, seconds / 60, 'minute', 0);
  if (abs < 48 * 3600) return unit(lang, seconds / 3600, 'hour', 1);
  return unit(lang, seconds / 86400, 'day', 1);
}

/** `value` in `u` (an Intl unit) with `digits` fraction digits at most. @internal */
export function unit(lang: string, value: number, u: string, digits: number): string {
  return cached(`u:${lang}:${u}:${digits}`, () => new Intl.NumberFormat(toLocale(lang), { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits })).format(value);
}

/** How long ago `then` was, relative to `now`: "12 sec. ago", "3 min. ago". */
export function formatAgo(lang: string, then: number | Date | null | undefined, now: number): string {
  if (then === null || then === undefined) return MISSING;
  const t = typeof then === 'number' ? then : then.getTime();
  if (!Number.isFinite(t)) return MISSING;
  const seconds = Math.round((t - now) / 1000);
  const rtf = cached(`r:${lang}`, () => new Intl.RelativeTimeFormat(toLocale(lang), { numeric: 'auto', style: 'short' }));
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(Math.min(0, seconds), 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** A date and time in the viewer's time zone, e.g. `22 Nov 2026, 10:23:18`. */
export function formatDateTime(lang: string, value: number | Date | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = typeof value === 'number' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return MISSING;
  return cached(`d:${lang}`, () => new Intl.DateTimeFormat(toLocale(lang), { dateStyle: 'medium', timeStyle: 'medium' })).format(d);
}

/** A time of day in the viewer's time zone, e.g. `10:23:18`. */
export function formatTime(lang: string, value: number | Date | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = typeof value === 'number' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return MISSING;
  return cached(`t:${lang}`, () => new Intl.DateTimeFormat(toLocale(lang), { timeStyle: 'medium' })).format(d);
}

/** Turns a backend key like `ncf_model` or `total_users` into a label: "Ncf model". */
export function humanize(key: string): string {
  const words = key.replace(/[_.-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

