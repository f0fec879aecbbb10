/**
 * The shape of a language's strings, apart from the code that reads them, so that the
 * catalogs (loaded by translate.ts) and translate.ts do not import one another.
 */

/** A string's plural forms, by `Intl.PluralRules` category; `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * One language's strings: the English text (for a plural, its `other` form) → the
 * translation. `{0}`, `{1}`, … stand for the values, in any order the language needs.
 */
export type Translation = Record<string, string | PluralForms>;
