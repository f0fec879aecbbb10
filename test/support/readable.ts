/** Attributes a reader sees or hears. */
const READ = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label'];

/** Every text and read attribute in `root`, through shadow roots, leaving out styles and scripts. */
export function readable(root: Node, out: string[] = []): string[] {
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    if (!(node instanceof Element) || node.localName === 'style' || node.localName === 'script') continue;
    for (const name of READ) if (node.hasAttribute(name)) out.push(node.getAttribute(name)!);
    if (node.shadowRoot) readable(node.shadowRoot, out);
    readable(node, out);
  }
  return out;
}
