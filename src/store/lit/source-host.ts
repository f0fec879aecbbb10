import type { ReactiveControllerHost } from 'lit';
import type { PharosSource } from '../source.js';

/** An element that knows which source it reads from (see `PharosElement`); what the store's controllers need of their host. */
export interface SourceHost extends ReactiveControllerHost {
  readonly source: PharosSource;
  /** Whether the host is in a document: controllers hold nothing while it is not. */
  readonly isConnected: boolean;
}
