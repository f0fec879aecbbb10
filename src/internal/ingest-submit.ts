/**
 * The one path by which elements queue a repository: check the URL, POST it, record the
 * queue the backend reports, refresh the job history at once, and announce the job.
 * The trigger's form and a job history's re-index both go through it.
 */
import type { ReactiveController } from 'lit';
import { Signal } from 'signal-polyfill';
import { toPharosError, type PharosError } from '../api/errors.js';
import { ingestRepository, type IngestResult } from '../api/ingestion.js';
import { checkRepoUrl } from '../api/repo-url.js';
import { PharosIngestSubmittedEvent } from '../events/ingest-submitted.js';
import type { SourceHost } from '../store/controllers.js';
import { recordIngestSubmission } from '../store/ingest-state.js';
import { jobHistoryResource } from '../store/resources.js';
import type { PharosSource } from '../store/source.js';

/** Where a submission stands. */
export type IngestSubmitState =
  | { readonly phase: 'idle' }
  /** Refused in the browser before sending; `reason` says why. */
  | { readonly phase: 'invalid'; readonly repoUrl: string; readonly reason: string }
  | { readonly phase: 'sending'; readonly repoUrl: string; readonly startedAt: number }
  | { readonly phase: 'queued'; readonly repoUrl: string; readonly result: IngestResult; readonly at: number }
  | { readonly phase: 'failed'; readonly repoUrl: string; readonly error: PharosError; readonly at: number };

/**
 * Refreshes every watched job history of a source now, so a job just queued shows at once.
 * A poll already in flight may have started before the POST, so it is awaited and then
 * followed by a fresh request.
 */
export async function refreshJobHistories(source: PharosSource): Promise<void> {
  const histories = source.activeResources().filter((r) => r.definition === jobHistoryResource);
  await Promise.all(
    histories.map(async (r) => {
      if (r.fetching.get()) await r.refresh();
      await r.refresh();
    }),
  );
}

/**
 * Queues repositories for its host, one at a time: a second `submit` while one is in flight
 * is ignored (no double POST, whatever the UI does). Read `state` in `render()`.
 *
 * @example
 * private ingest = new IngestSubmitController(this, 'form');
 * onSubmit() { void this.ingest.submit(this.input.value); }
 */
export class IngestSubmitController implements ReactiveController {
  private readonly current = new Signal.State<IngestSubmitState>({ phase: 'idle' });
  private inFlight = false;

  constructor(
    private readonly host: SourceHost & EventTarget,
    /** Recorded in the event, so listeners can tell a form from a re-index. */
    private readonly origin: 'form' | 'reindex',
  ) {
    host.addController(this);
  }

  /** The latest submission's state (a signal read). */
  get state(): IngestSubmitState {
    return this.current.get();
  }

  /** True while a POST is in flight. */
  get busy(): boolean {
    return this.inFlight;
  }

  hostConnected(): void {}

  /** Forgets the last outcome (e.g. when the user edits the URL again). */
  reset(): void {
    if (!this.inFlight) this.current.set({ phase: 'idle' });
  }

  /**
   * Checks and queues `repoUrl`. Resolves with the final state, or null when ignored
   * because a submission is already in flight.
   */
  async submit(repoUrl: string): Promise<IngestSubmitState | null> {
    if (this.inFlight) return null;
    const check = checkRepoUrl(repoUrl);
    if (!check.ok) {
      const state: IngestSubmitState = { phase: 'invalid', repoUrl, reason: check.reason };
      this.current.set(state);
      return state;
    }
    // Taken before any await: a second click in the same task sees it.
    this.inFlight = true;
    const source = this.host.source;
    const url = check.url;
    this.current.set({ phase: 'sending', repoUrl: url, startedAt: source.clock.now() });
    let state: IngestSubmitState;
    try {
      const result = await ingestRepository(source.config, url);
      recordIngestSubmission(source, url, result);
      state = { phase: 'queued', repoUrl: url, result, at: source.clock.now() };
      this.current.set(state);
      this.host.dispatchEvent(
        new PharosIngestSubmittedEvent({
          repoUrl: url,
          jobId: result.jobId,
          queuePosition: result.queuePosition,
          queueSize: result.queueSize,
          maxQueueSize: result.maxQueueSize,
          target: result.target,
          status: result.status,
          message: result.message,
          origin: this.origin,
          baseUrl: source.baseUrl,
        }),
      );
    } catch (error) {
      state = { phase: 'failed', repoUrl: url, error: toPharosError(error), at: source.clock.now() };
      this.current.set(state);
    } finally {
      this.inFlight = false;
    }
    // Not awaited: the outcome shows at once; the history follows when its answer comes.
    if (state.phase === 'queued') void refreshJobHistories(source);
    return state;
  }
}
