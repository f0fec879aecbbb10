/**
 * First renders in turns: the first render of Pharos elements is shared out over several
 * tasks, each at most about {@link TURN_MS} long, instead of all in the one task that
 * defined them. A whole dashboard's first render is several hundred milliseconds of work;
 * in one task, no request could start, no answer be read and nothing be painted until it
 * ended. Between turns the browser reads answers, sends the next requests and paints what
 * is rendered so far. Later renders are not affected: they are small, and follow data.
 *
 * Installed by `<pharos-ops-dashboard>` (`PharosElement.firstRenderTurns`), which renders a
 * whole dashboard at once; elements on their own render as Lit does.
 *
 * An element renders at once when no turn is running (it starts one) or the current turn has
 * time left (its children then usually render within the same turn); otherwise it waits for
 * the next turn, in order. While the turns are held (see {@link holdTurns}), every first
 * render waits.
 */

/** How long one turn may run, in milliseconds: well under the 50 ms of a "long task". */
const TURN_MS = 30;

/**
 * A render within this long after a turn ended belongs to the same burst of work (the
 * same task, or one right after it) and waits for the next turn instead of starting one.
 */
const TURN_GAP_MS = 50;

/** When the current turn ends (`performance.now()`); 0 when none runs. */
let turnEnds = 0;
const waiting: (() => void)[] = [];
let turnScheduled = false;
let held: Promise<void> | null = null;

/**
 * What `PharosElement` asks of the turns: run its first render, now or at its turn. Returns
 * what the render returned, or a promise of it.
 */
export type FirstRenderTurns = <R>(render: () => R) => R | Promise<R>;

/** The turns, as `PharosElement.firstRenderTurns` takes them. */
export const firstRenderTurns: FirstRenderTurns = (render) => {
  const turn = firstRenderTurn();
  if (!turn) return render();
  return turn.then(() => {
    try {
      return render();
    } finally {
      firstRenderDone();
    }
  });
};

/**
 * Holds every first render until `until` settles, then takes them in turns as usual.
 * `<pharos-ops-dashboard>` holds its panels until their first requests are out: rendered
 * first, they would keep the main thread from sending them (and from the lock that decides
 * which page polls) for a few hundred milliseconds, while the network waits.
 */
export function holdTurns(until: Promise<unknown>): void {
  const hold: Promise<void> = (held = until.then(
    () => release(hold),
    () => release(hold),
  ));
}

function release(hold: Promise<void>): void {
  if (held !== hold) return;
  held = null;
  if (waiting.length > 0) scheduleTurn();
}

/**
 * Undefined when a first render may run now; otherwise a promise that resolves when its
 * turn comes. Each caller whose promise resolved must call {@link firstRenderDone} once
 * it has rendered.
 */
function firstRenderTurn(): Promise<void> | undefined {
  if (waiting.length === 0 && !turnScheduled && !held) {
    const now = performance.now();
    // No turn running: this render starts one, at once (a page with a few elements never waits).
    if (now >= turnEnds + TURN_GAP_MS) turnEnds = now + TURN_MS;
    if (now < turnEnds) return undefined;
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    scheduleTurn();
  });
}

/** A first render that waited for its turn is done: the next one runs in this turn if time is left. */
function firstRenderDone(): void {
  if (waiting.length === 0 || held) return;
  if (performance.now() < turnEnds) waiting.shift()!();
  else scheduleTurn();
}

function scheduleTurn(): void {
  if (turnScheduled || held) return;
  turnScheduled = true;
  // A timer, not a microtask: the point is to let the browser's other tasks run first.
  setTimeout(() => {
    turnScheduled = false;
    if (held) return; // taken up again on release
    turnEnds = performance.now() + TURN_MS;
    waiting.shift()?.();
  }, 0);
}

