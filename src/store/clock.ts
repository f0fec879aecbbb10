/**
 * Time and timers, injectable so polling, backoff and ticking can be tested without waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `callback` after `ms`; returns a handle for {@link Clock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending callback. */
  clearTimeout(handle: unknown): void;
}

/** A callback due at once, waiting in {@link soon}; `callback` is null once cancelled. */
class SoonHandle {
  constructor(public callback: (() => void) | null) {}
}

/**
 * Callbacks due at once, run together in one task. When a dashboard opens, each resource's
 * first poll is due at once; with one timer each, the browser ran a frame between two of
 * them, and seventeen module probes went out one per frame instead of together.
 */
let soon: SoonHandle[] = [];

function runSoon(): void {
  const due = soon;
  soon = [];
  for (const handle of due) {
    try {
      handle.callback?.();
    } catch (error) {
      // As with separate timers, one callback's error stops none of the others.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    if (ms > 0) return globalThis.setTimeout(callback, ms);
    const handle = new SoonHandle(callback);
    if (soon.push(handle) === 1) globalThis.setTimeout(runSoon, 0);
    return handle;
  },
  clearTimeout: (handle) => {
    if (handle instanceof SoonHandle) handle.callback = null;
    else globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
