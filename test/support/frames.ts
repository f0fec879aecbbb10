import { waitUntil } from '@open-wc/testing';
import type * as store from '../../src/store/index.js';
import type { IndexedDbHistory } from '../../src/history/persistence.js';

/** What a frame page exposes: the store, as that document's own module instances. */
export type FrameStore = typeof store & { IndexedDbHistory: typeof IndexedDbHistory };

/** A second (third, …) page in this browser: a same-origin iframe, visible, with its own document. */
export interface FramePage {
  frame: HTMLIFrameElement;
  pharos: FrameStore;
  /** Destroys the document (as closing its tab would): its locks are released, its channels closed. */
  close(): void;
}

/** Opens a page that loads the store (see share-frame.ts). */
export async function openPage(): Promise<FramePage> {
  const frame = document.createElement('iframe');
  frame.srcdoc = '<!doctype html><script type="module" src="/test/support/share-frame.ts"></script>';
  document.body.append(frame);
  const win = () => frame.contentWindow as (Window & { pharosReady?: boolean; pharos?: FrameStore }) | null;
  await waitUntil(() => win()?.pharosReady === true, 'the frame loads the store', { timeout: 10_000 });
  return { frame, pharos: win()!.pharos!, close: () => frame.remove() };
}
