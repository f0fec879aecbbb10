/** What a `pharos-ingest-submitted` event says about the queued job. Never holds the token. */
export interface IngestSubmittedDetail {
  /** The repository URL as it was sent. */
  readonly repoUrl: string;
  /** The backend's job id. */
  readonly jobId: number;
  /** 1-based position in the queue when it was accepted. */
  readonly queuePosition: number;
  /** Queue length after it was accepted. */
  readonly queueSize: number;
  /** The maximum queue length the backend advertises. */
  readonly maxQueueSize: number;
  /** Where the backend dispatched it, e.g. `Edge-Worker`. */
  readonly target: string;
  /** The backend's status word, e.g. `dispatched`. */
  readonly status: string;
  /** The backend's message, e.g. `Task queued successfully. Position: 4/10`. */
  readonly message: string;
  /** What queued it: the trigger's form, or a job history's re-index. */
  readonly origin: 'form' | 'reindex';
  /** The backend it was queued on. */
  readonly baseUrl: string;
}

/**
 * Fired (bubbling, composed) when the backend accepted a repository for ingestion, from
 * `<pharos-ingest-trigger>` or a re-index in `<pharos-job-history>`.
 *
 * @example
 * document.addEventListener('pharos-ingest-submitted', (e) => console.log(e.detail.jobId));
 */
export class PharosIngestSubmittedEvent extends Event {
  /** The event's type. */
  static readonly type = 'pharos-ingest-submitted';
  /** The accepted job. */
  readonly detail: IngestSubmittedDetail;

  constructor(detail: IngestSubmittedDetail) {
    super(PharosIngestSubmittedEvent.type, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pharos-ingest-submitted': PharosIngestSubmittedEvent;
  }
}
