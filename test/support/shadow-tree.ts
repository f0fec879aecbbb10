// Walking and waiting on a page's elements through open shadow roots, as a whole dashboard
// nests them (panels inside the dashboard, cards and charts inside the panels).
import type { ReactiveElement } from 'lit';

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
