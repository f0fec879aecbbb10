/**
 * Re-renders land on animation frames. An element's data changes with every answer of every
 * resource it shows (a module grid with one probe per module, a header that counts every
 * request), and a loading dashboard reads about thirty answers in a row. Rendered as each
 * answer is read, the same panel renders again and again within one frame, and that work
 * delays the reading of the next answers. Waiting for the frame renders each element once per
 * frame, with everything that arrived meanwhile, just before the browser paints.
 *
 * Every element waiting for the same frame shares one callback, so their renders run together.
 */

/** How long a re-render waits at most when no frame comes (a hidden page does not paint). */
const FALLBACK_MS = 100;

let next: Promise<void> | null = null;

/** Resolves at the next animation frame (or after {@link FALLBACK_MS} without one). */
export function renderFrame(): Promise<void> {
  if (next) return next;
  const frame: Promise<void> = (next = new Promise((resolve) => {
    const run = () => {
      // The later of the two (frame, fallback) finds a newer promise or none, and leaves it be.
      if (next === frame) next = null;
      resolve();
    };
    requestAnimationFrame(run);
    setTimeout(run, FALLBACK_MS);
  }));
  return frame;
}
