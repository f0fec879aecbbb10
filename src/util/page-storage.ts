/**
 * A storage global of the page (`localStorage`, `indexedDB`), or null where there is none or
 * the page may not use it: reading it throws in a sandboxed frame, and in a third-party frame
 * whose storage the browser blocks. What is remembered then lasts as long as the page.
 */
export function pageStorage<K extends 'localStorage' | 'indexedDB'>(name: K): (typeof globalThis)[K] | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null;
  }
}
