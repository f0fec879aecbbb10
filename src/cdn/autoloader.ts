/**
 * The no-build autoloader (`cdn/autoloader.js`): defines the `pharos-*` tags found in the
 * page, and those added later, each by importing its own chunk on first sight. A page with
 * only `<pharos-health>` loads only what that element needs; uPlot comes with the first
 * chart. Chunks are found next to this script (`import.meta.url`), so the `cdn/` folder
 * works from any path, a CDN or a wiki attachment, with no import map.
 *
 * Our elements register the elements they render themselves (`static dependencies`), so
 * the document's light DOM is watched on its own. Tags that a host app renders inside its
 * own shadow roots are out of the document's sight: the app hands each such root to
 * {@link autoload}.
 *
 * @example
 * <script type="module" src="/assets/pharos/cdn/autoloader.js"></script>
 * <pharos-health base-url="https://pharos.example.org"></pharos-health>
 */

/**
 * The element names this build has chunks for (`health` for `pharos-health`), comma-separated,
 * set by the build. A string, not an array: esbuild puts a defined array in a chunk of its own.
 */
declare const __PHAROS_ELEMENTS__: string;

const known = new Set(__PHAROS_ELEMENTS__.split(','));
const componentsUrl = new URL(/* @vite-ignore */ './components/', import.meta.url);
const loading = new Map<string, Promise<void>>();

/** Imports the chunk that defines `tag`, once. Unknown `pharos-*` tags are left alone. */
function load(tag: string): Promise<void> {
  const name = tag.slice('pharos-'.length);
  if (!known.has(name) || customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = import(/* @vite-ignore */ new URL(`${name}.js`, componentsUrl).href).then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag); // a later sighting may try again
        console.warn(`Pharos autoloader: could not load <${tag}> from ${componentsUrl.href}.`, error);
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads every undefined `pharos-*` tag in `root` (and `root` itself). */
async function discover(root: Element | Document | ShadowRoot): Promise<void> {
  const tags = new Set<string>();
  if (root instanceof Element && !root.matches(':defined')) tags.add(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) tags.add(el.localName);
  const ours = [...tags].filter((tag) => tag.startsWith('pharos-'));
  // <pharos-source> first: it attaches the context root that lets elements upgraded before
  // it find it, so they must not upgrade before it exists.
  if (ours.includes('pharos-source')) await load('pharos-source');
  await Promise.all(ours.map(load));
}

const watched = new WeakSet<Node>();

/**
 * Defines the `pharos-*` tags in `root` now, and those added to it later: for a shadow root
 * of the host app's own (the document is watched already). Resolves once the tags found now
 * are defined; a root handed over twice is watched once.
 *
 * @example
 * import { autoload } from '/assets/pharos/cdn/autoloader.js';
 * autoload(this.shadowRoot);
 */
export function autoload(root: Document | ShadowRoot | Element): Promise<void> {
  if (!watched.has(root)) {
    watched.add(root);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
      }
    }).observe(root instanceof Document ? root.documentElement : root, { childList: true, subtree: true });
  }
  return discover(root);
}

void autoload(document);
