/**
 * Frame batching, as uPlot does it: changes only mark what is dirty, and one commit per
 * animation frame applies them all, however many properties changed in between.
 */

/** Queues kinds of change and commits them together, at most once per frame. */
export class FrameBatcher<Kind extends string> {
  private dirty = new Set<Kind>();
  private frameHandle = 0;
  private fallbackHandle: ReturnType<typeof setTimeout> | undefined;
  private commitPromise: Promise<void> | null = null;
  private resolveCommit?: () => void;

  /** @param commit Applies the changes queued since the last commit. */
  constructor(private readonly commit: (dirty: ReadonlySet<Kind>) => void) {}

  /** The queued commit, settling when it has run or was cancelled; null when none is queued. */
  get pending(): Promise<void> | null {
    return this.commitPromise;
  }

  /** Marks `kind` dirty and queues a commit for the next frame, unless one is queued. */
  schedule(kind: Kind): void {
    this.dirty.add(kind);
    if (this.commitPromise) return;
    this.commitPromise = new Promise((resolve) => (this.resolveCommit = resolve));
    const run = () => {
      this.cancelFrame();
      const dirty = this.dirty;
      this.dirty = new Set();
      try {
        this.commit(dirty);
      } finally {
        this.settle();
      }
    };
    this.frameHandle = requestAnimationFrame(run);
    // rAF does not fire in a hidden page: commit anyway, at a slower pace, so the chart is
    // current when the page is shown again and `pending` still settles.
    this.fallbackHandle = setTimeout(run, 250);
  }

  /**
   * Drops the queued commit and settles `pending` (on disconnect). What was dirty stays
   * dirty, so the next commit still applies it.
   */
  cancel(): void {
    this.cancelFrame();
    this.settle();
  }

  private cancelFrame(): void {
    if (this.frameHandle) cancelAnimationFrame(this.frameHandle);
    if (this.fallbackHandle !== undefined) clearTimeout(this.fallbackHandle);
    this.frameHandle = 0;
    this.fallbackHandle = undefined;
  }

  private settle(): void {
    const resolve = this.resolveCommit;
    this.commitPromise = null;
    this.resolveCommit = undefined;
    resolve?.();
  }
}
