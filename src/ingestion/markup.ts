/**
 * A translated sentence with markup inside it (a figure in a `<span>`, a `<code>` name),
 * without markup in the catalogs: translate with {@link SLOTS} as the values, then put the
 * real values (strings or templates) back where the translation placed them.
 *
 * @example
 * html`<p>${markup(t(lang, 'Job {0} for {1}', ...SLOTS), [html`<span>${id}</span>`, url])}</p>`
 */

/** Stand-ins for a sentence's values `{0}` … `{9}`, found again by {@link markup}. */
export const SLOTS: readonly string[] = Array.from({ length: 10 }, (_, i) => `\u0001${i}\u0002`);

/** `text` (translated with {@link SLOTS}) as parts Lit renders, with `values` in the slots. */
export function markup(text: string, values: readonly unknown[]): unknown[] {
  return text.split(/\u0001(\d)\u0002/).map((piece, i) => (i % 2 === 1 ? values[Number(piece)] : piece));
}
