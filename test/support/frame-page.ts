// Pages a test cannot be: a strict-CSP page, a hostile host page. Each is its own HTML file,
// opened in a same-origin iframe, so the test reads its DOM while the page keeps its own
// headers, globals and styles (which would otherwise disturb the test framework itself).
import { waitUntil } from '@open-wc/testing';

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
