/** What a `pharos-sparse-generated` event says about a finished generation run. */
export interface SparseGeneratedDetail {
  /** The backend's answer: `completed` or `failed` (`unknown` for anything else). */
  readonly status: 'completed' | 'failed' | 'unknown';
  /** The backend's job id (a UUID). */
  readonly jobId: string;
  /** Resources the run processed. */
  readonly resourcesProcessed: number;
  /** How long the request took, as this browser saw it, in ms. */
  readonly durationMs: number;
  /** The resource IDs asked for; empty = every resource still missing one. */
  readonly resourceIds: readonly string[];
  /** The backend it ran on. */
  readonly baseUrl: string;
}

/**
 * Fired (bubbling, composed) by `<pharos-sparse-embeddings>` when the backend answered a
 * generation request (completed or failed). Not fired for errors or when the user stops waiting.
 *
 * @example
 * el.addEventListener('pharos-sparse-generated', (e) => console.log(e.detail.resourcesProcessed));
 */
export class PharosSparseGeneratedEvent extends Event {
  /** The event's type. */
  static readonly type = 'pharos-sparse-generated';
  /** The finished run. */
  readonly detail: SparseGeneratedDetail;

  constructor(detail: SparseGeneratedDetail) {
    super(PharosSparseGeneratedEvent.type, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail, resourceIds: Object.freeze([...detail.resourceIds]) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pharos-sparse-generated': PharosSparseGeneratedEvent;
  }
}
