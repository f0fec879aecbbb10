import { html, nothing, type ReactiveControllerHost } from 'lit';
import { t } from '../i18n/translate.js';

/**
 * Code an element needs only in some states (a failure's wording, a table view), loaded the
 * first time it is asked for, so the element's own file stays small. `get()` gives the module
 * once it is here and `undefined` before, having started the load; the element renders again
 * when it arrives. `render()` also says, in plain words, when it could not be loaded, and
 * offers to try again.
 */
export class OnDemand<M> {
  private module: M | undefined;
  private loading: Promise<void> | undefined;
  private settled = false;
  private failed = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly load: () => Promise<M>,
  ) {}

  /** The module, or `undefined` while it loads or after it failed to (the first call starts loading it). */
  get(): M | undefined {
    this.loading ??= this.load()
      .then(
        (module) => void (this.module = module),
        (cause: unknown) => {
          this.failed = true;
          console.warn(`<${this.host.localName}>: code it loads on demand could not be loaded`, cause);
        },
      )
      .finally(() => {
        this.settled = true;
        this.host.requestUpdate();
      });
    return this.module;
  }

  /**
   * `use(module)` once the module is here; nothing while it loads; and when it could not be
   * loaded (offline, files moved by a deployment), a notice saying so with a button that
   * loads it again.
   */
  render(lang: string, use: (module: M) => unknown): unknown {
    const module = this.get();
    if (module) return use(module);
    if (!this.failed) return nothing;
    return html`<p part="load-error" role="alert">
      ${t(lang, 'This part could not be loaded. Check the connection, then try again or reload the page.')}
      <button type="button" part="retry-load" @click=${() => this.retry()}>${t(lang, 'Retry now')}</button>
    </p>`;
  }

  /** The load under way, if any: an element's `updateComplete` waits for it (see {@link completeWith}). */
  get pending(): Promise<void> | undefined {
    return this.settled ? undefined : this.loading;
  }

  private retry(): void {
    this.failed = false;
    this.settled = false;
    this.loading = undefined;
    this.host.requestUpdate();
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
