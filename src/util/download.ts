/**
 * Saves `text` as a file called `name`: a hidden link, clicked inside `root` (the element's
 * shadow root, so the host page's DOM is never touched), then removed.
 */
export function downloadText(root: Node, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
