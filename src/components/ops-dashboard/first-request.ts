import { Signal } from 'signal-polyfill';
import type { PharosSource } from '../../store/source.js';

/**
 * Resolves once a request of `source` is in flight, or after `maxMs` when none starts (a
 * page that follows another page's poller, a source with nothing to fetch).
 */
export function firstRequest(source: PharosSource, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      watcher.unwatch(source.fetching);
      clearTimeout(timer);
      resolve();
    };
    // A watcher is told synchronously that `fetching` may have changed; it reads it after.
    const watcher = new Signal.subtle.Watcher(() => queueMicrotask(check));
    const check = () => {
      if (source.fetching.get()) done();
      else watcher.watch();
    };
    const timer = setTimeout(done, maxMs);
    watcher.watch(source.fetching);
    check();
  });
}
