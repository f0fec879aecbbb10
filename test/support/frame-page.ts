// Pages a test cannot be: a strict-CSP page, a hostile host page. Each is its own HTML file,
// opened in a same-origin iframe, so the test reads its DOM while the page keeps its own
// headers, globals and styles (which would otherwise disturb the test framework itself).
import { waitUntil } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';

const frames: HTMLIFrameElement[] = [];

/** Removes the iframes opened so far (call it in `afterEach`). */
export function closeFramePages(): void {
  frames.splice(0).forEach((f) => f.remove());
}

/**
 * Opens `src` in an iframe of the given size (attributes, no style) and waits until
 * `ready(window)` holds, e.g. until the library is defined there.
 */
export async function openFramePage<W extends Window>(
  src: string,
  ready: (win: W) => unknown,
  { width = 1440, height = 2000 } = {},
): Promise<{ win: W & typeof globalThis; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.setAttribute('width', String(width));
  frame.setAttribute('height', String(height));
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as W & typeof globalThis;
  await waitUntil(() => ready(win), `${src} is ready`, { timeout: 15_000 });
  return { win, doc: frame.contentDocument! };
}

/** Every element below `root`, through open shadow roots. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** The first element named `tag` below `root`, through open shadow roots. */
export const deepFind = (root: ParentNode, tag: string) => [...deepElements(root)].find((e) => e.localName === tag) as HTMLElement | undefined;

/**
 * Waits until every element below `root` has rendered what it has pending, and the elements
 * those renders add too: first renders come in turns and later ones on animation frames
 * (src/ui/), so a dashboard that has its data may not have drawn all of it yet.
 */
export async function allRendered(root: ParentNode): Promise<void> {
  let count = -1;
  for (let elements = [...deepElements(root)]; elements.length !== count; elements = [...deepElements(root)]) {
    count = elements.length;
    await Promise.all(elements.map((el) => (el as Partial<ReactiveElement>).updateComplete));
  }
}
