/**
 * Marks an English text kept in data (a rule's label, a column's heading, an error's wording)
 * as a string to translate: returns it unchanged, so that code below the i18n layer (the API
 * client, the alert engine) can name a string the UI later passes to `t()`, and the catalog
 * check (scripts/check-i18n.mjs) sees it.
 */
export const translatable = (text: string): string => text;

/**
 * `text` with `{0}`, `{1}`, … replaced by `values` (the English of a message, or its
 * translation). A value that is missing reads as nothing, never as "undefined".
 */
export const fill = (text: string, values: readonly unknown[]): string => text.replace(/\{(\d)\}/g, (_, i: string) => String(values[+i] ?? ''));
