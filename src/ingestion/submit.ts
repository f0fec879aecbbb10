/**
 * The one path by which elements queue a repository: check the URL, POST it, record the
 * queue the backend reports, refresh the job history at once, and announce the job.
 * The trigger's form and a job history's re-index both go through it.
 */
import { Task, TaskStatus } from '@lit/task';
import { inEnglish, toPharosError, type PharosError, type Sentence } from '../api/errors.js';
import { ingestRepository, type IngestResult } from '../api/ingestion.js';
import { checkRepoUrl } from '../api/repo-url.js';
import { PharosIngestSubmittedEvent } from '../events/ingest-submitted.js';
import type { SourceHost } from '../store/lit/controllers.js';
import { recordIngestSubmission } from './submissions.js';
import { jobHistoryResource } from '../store/resources/ingestion.js';
import type { PharosSource } from '../store/source.js';

/** A repository the backend queued: the task's value. */
export interface IngestQueued {
  readonly repoUrl: string;
  readonly result: IngestResult;
  /** When the answer came (source clock, ms). */
  readonly at: number;
}

/**
 * Why nothing was queued: the task's error. `error` is null when the URL was refused in the
 * browser before sending (`refusal` says why: word it in the viewer's language with
 * `inLanguage`), else what the backend or network said (word it with `describeIngestFailure`).
 */
export class IngestSubmitError extends Error {
  override readonly name = 'IngestSubmitError';

  constructor(
    readonly repoUrl: string,
    /** When it failed (source clock, ms). */
    readonly at: number,
    refusalOrError: Sentence | PharosError,
  ) {
    super(refusalOrError instanceof Error ? refusalOrError.message : inEnglish(refusalOrError));
    this.error = refusalOrError instanceof Error ? refusalOrError : null;
    this.refusal = refusalOrError instanceof Error ? null : refusalOrError;
  }

  /** Why the URL was refused before sending, as `checkRepoUrl` said it; null when it was sent. */
  readonly refusal: Sentence | null;

  /** The backend's or the network's error; null when refused before sending. */
  readonly error: PharosError | null;
}

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
 * Queues repositories for its host, one at a time, as a `@lit/task` Task run on demand:
 * render `task` (`pending` while the POST is in flight, `complete` with {@link IngestQueued},
 * `error` with {@link IngestSubmitError}). A second `submit` while one is in flight is ignored:
 * no double POST, whatever the UI does.
 *
 * @example
 * private ingest = new IngestSubmitter(this, 'form');
 * onSubmit() { void this.ingest.submit(this.input.value); }
 * render() { return this.ingest.task.render({ pending: () => html`Queuing ${this.ingest.repoUrl}…` }); }
 */
export class IngestSubmitter {
  /** The submission task; its host re-renders when it starts and ends. */
  readonly task: Task<[repoUrl: string], IngestQueued>;
  private submitted = '';

  constructor(
    private readonly host: SourceHost & EventTarget,
    /** Recorded in the event, so listeners can tell a form from a re-index. */
    private readonly origin: 'form' | 'reindex',
  ) {
    this.task = new Task(host, {
      autoRun: false,
      task: ([repoUrl], { signal }) => this.send(repoUrl, signal),
      onComplete: (queued) => this.announce(queued),
    });
  }

  /** True while a POST is in flight. */
  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The URL of the latest submission (trimmed, as sent). */
  get repoUrl(): string {
    return this.submitted;
  }

  /**
   * Checks and queues `repoUrl`. Resolves with the outcome (the queued job, or why not), or
   * null when ignored because a submission is already in flight. Never rejects.
   */
  async submit(repoUrl: string): Promise<IngestQueued | IngestSubmitError | null> {
    // Checked before any await: a second click in the same task sees the run pending.
    if (this.busy) return null;
    this.submitted = repoUrl.trim();
    await this.task.run([repoUrl]);
    return this.task.status === TaskStatus.COMPLETE ? this.task.value! : (this.task.error as IngestSubmitError);
  }

  /** A queued job is announced, and every job history of the source refreshed. */
  private announce(queued: IngestQueued): void {
    const source = this.host.source;
    const r = queued.result;
    this.host.dispatchEvent(
      new PharosIngestSubmittedEvent({
        repoUrl: queued.repoUrl,
        jobId: r.jobId,
        queuePosition: r.queuePosition,
        queueSize: r.queueSize,
        maxQueueSize: r.maxQueueSize,
        target: r.target,
        status: r.status,
        message: r.message,
        origin: this.origin,
        baseUrl: source.baseUrl,
      }),
    );
    // Not awaited: the outcome shows at once; the history follows when its answer comes.
    void refreshJobHistories(source);
  }

  private async send(repoUrl: string, signal: AbortSignal): Promise<IngestQueued> {
    const source = this.host.source;
    const check = checkRepoUrl(repoUrl);
    if (!check.ok) throw new IngestSubmitError(repoUrl, source.clock.now(), check.words);
    let result: IngestResult;
    try {
      result = await ingestRepository(source.config, check.url, { signal });
    } catch (error) {
      throw new IngestSubmitError(check.url, source.clock.now(), toPharosError(error));
    }
    recordIngestSubmission(source, check.url, result);
    return { repoUrl: check.url, result, at: source.clock.now() };
  }
}
