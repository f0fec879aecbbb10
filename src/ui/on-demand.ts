import type { ReactiveControllerHost } from 'lit';

/**
 * Code an element needs only in some states (a failure's wording, a table view), loaded the
 * first time it is asked for, so the element's own file stays small. `get()` gives the module
 * once it is here and `undefined` before, having started the load; the element renders again
 * when it arrives.
 */
export class OnDemand<M> {
  private module: M | undefined;
  private loading: Promise<void> | undefined;
  private settled = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly load: () => Promise<M>,
  ) {}

  /** The module, or `undefined` while it loads (the first call starts loading it). */
  get(): M | undefined {
    this.loading ??= this.load().then(
      (module) => {
        this.module = module;
        this.host.requestUpdate();
      },
      // Said once; the element goes on without it (the state it was for shows no detail).
      (cause: unknown) => console.warn(`<${this.host.localName}>: code it loads on demand could not be loaded`, cause),
    ).finally(() => (this.settled = true));
    return this.module;
  }

  /** The load under way, if any: an element's `updateComplete` waits for it (see {@link completeWith}). */
  get pending(): Promise<void> | undefined {
    return this.settled ? undefined : this.loading;
  }
}

/**
 * An element's `updateComplete` that also waits for what its {@link OnDemand}s are loading
 * and the render that follows, so a test or a host awaiting it sees the finished state.
 */
export async function completeWith(update: () => Promise<boolean>, ...loads: OnDemand<unknown>[]): Promise<boolean> {
  let done = await update();
  for (let pending = loads.find((l) => l.pending)?.pending; pending; pending = loads.find((l) => l.pending)?.pending) {
    await pending;
    done = await update();
  }
  return done;
}
