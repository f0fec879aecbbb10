/**
 * `<pharos-source persist-history>`'s persistence: {@link IndexedDbHistory}, loaded with
 * the source that uses it, so pages that keep no history never load its code.
 */
import type { HistoryEvent } from '../store/history.js';
import type { Resource } from '../store/resource.js';
import type { HistoryPersistence, PharosSource } from '../store/source.js';
import type { IndexedDbHistory, IndexedDbHistoryOptions } from './persistence.js';

/**
 * {@link IndexedDbHistory} behind a dynamic import. Until it is loaded, what each attached
 * resource's history reports is kept, then handed over, so no polled row goes unsaved.
 */
export class DeferredIndexedDbHistory implements HistoryPersistence {
  /** Resolves once the saved history has been read (or found unusable). */
  ready: Promise<void> = Promise.resolve();

  private persistence: Promise<IndexedDbHistory | null> = Promise.resolve(null);
  private loaded: IndexedDbHistory | null = null;
  /** What attached resources reported while the code loads; null once it loaded or failed, or after close. */
  private waiting: { resource: Resource<any, any>; events: HistoryEvent[]; stop(): void }[] | null = [];

  constructor(private readonly options: IndexedDbHistoryOptions = {}) {}

  open(source: PharosSource): void {
    this.persistence = import('./persistence.js').then(
      ({ IndexedDbHistory }) => {
        const waiting = this.endWaiting();
        if (!waiting) return null; // closed meanwhile
        const persistence = new IndexedDbHistory(this.options);
        persistence.open(source);
        for (const { resource, events } of waiting) persistence.attach(resource, events);
        return (this.loaded = persistence);
      },
      (error: unknown) => {
        // Nothing will take what is kept: stop keeping it.
        this.endWaiting();
        console.warn('[pharos] The history code could not be loaded: history will not survive a reload.', error);
        return null;
      },
    );
    this.ready = this.persistence.then((p) => p?.ready);
  }

  attach(resource: Resource<any, any>): void {
    if (this.loaded) return this.loaded.attach(resource);
    if (!this.waiting) return;
    const events: HistoryEvent[] = [];
    this.waiting.push({ resource, events, stop: resource.history.listen((event) => void events.push(event)) });
  }

  /** Stops keeping what resources report; returns what was kept (null if it had ended). */
  private endWaiting() {
    const waiting = this.waiting;
    for (const { stop } of waiting ?? []) stop();
    this.waiting = null;
    return waiting;
  }

  /** Writes the waiting rows now. Resolves when they are stored. */
  async flush(): Promise<void> {
    await (await this.persistence)?.flush();
  }

  /** Deletes everything saved for the source. */
  async clear(): Promise<void> {
    await (await this.persistence)?.clear();
  }

  /** Writes what is pending and stops. */
  close(): void {
    this.endWaiting();
    void this.persistence.then((p) => p?.close());
  }
}
