import type { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Sentence } from '../../api/errors.js';
import { checkRepoUrl } from '../../api/repo-url.js';
import { t, translatable } from '../../i18n/translate.js';
import { completeWith, OnDemand } from '../../ui/on-demand.js';
import { IngestSubmitError, IngestSubmitter, type IngestQueued } from '../../ingestion/submit.js';
import { langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderReadOnlyNotice } from '../../ui/read-only-notice.js';
import { inLanguage } from '../../ui/resource-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ingestTriggerStyles } from './ingest-trigger.styles.js';

/** The field's example (a URL, in no language). */
const EXAMPLE_URL = 'github.com/user/repo';

/**
 * A form that queues a repository for ingestion (`POST /api/v1/ingestion/ingest/{url}`,
 * token required; the token comes from the source, never from the form).
 *
 * The URL is checked in the browser with the backend's own rules before anything is sent,
 * and the field says exactly what is wrong. While sending, the button is disabled (a second
 * submit is ignored). On success it shows the job id and queue position, fires
 * `pharos-ingest-submitted` and refreshes the job history at once. Each failure has its own
 * message: invalid URL (400), no valid token (401/403), queue full (429, with when to retry),
 * edge worker offline (503, with when it was last seen), queue unavailable (503), and
 * network/CORS. The typed URL is kept after any failure. On a read-only view of the backend
 * (a Pharos relay) it says so in place of the form.
 *
 * @tag pharos-ingest-trigger
 * @summary Queue a repository for ingestion.
 *
 * @fires pharos-ingest-submitted - The backend accepted the repository; `detail` has the job (never the token).
 *
 * @csspart base - The card.
 * @csspart header - Title row.
 * @csspart form - The form.
 * @csspart label - The field's label.
 * @csspart input - The URL field.
 * @csspart submit - The submit button.
 * @csspart hint - The format hint under the field.
 * @csspart field-error - What is wrong with the URL, before sending.
 * @csspart result - The outcome region (a live region).
 * @csspart success - The success notice (job id and queue position).
 * @csspart failure - The failure notice (`data-case` names the case).
 * @csspart read-only - Shown instead of the form on a read-only view of the backend.
 *
 * @cssprop --pharos-ingest-trigger-button-background - Submit button background (defaults to `--pharos-accent`).
 * @cssprop --pharos-ingest-trigger-button-color - Submit button text (defaults to `--pharos-surface`).
 * @cssprop --pharos-ingest-trigger-input-background - Field background (defaults to `--pharos-surface`).
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com" token="…">
 *   <pharos-ingest-trigger></pharos-ingest-trigger>
 * </pharos-source>
 */
export class PharosIngestTrigger extends PharosElement {
  static override styles = [themeStyles, panelStyles, ingestTriggerStyles];

  /** Heading text; empty for the default, "Queue a repository" in the page's language. */
  @property() heading = '';

  /** The URL in the field. Set it to prefill; it follows what the user types. */
  @property() value = '';

  /** What is wrong with the URL, found before sending (as `checkRepoUrl` says it). */
  @state() private fieldError: Sentence | null = null;

  @query('input') private input!: HTMLInputElement;

  private readonly ingest = new IngestSubmitter(this, 'form');
  /** What a submission's outcome says, loaded with the first submission. */
  private readonly outcomes = new OnDemand(this, () => import('./outcome-views.js'));

  /** Waits for those views too, so that `updateComplete` means the outcome is written out. */
  protected override getUpdateComplete(): Promise<boolean> {
    return completeWith(() => super.getUpdateComplete(), this.outcomes);
  }

  /**
   * The latest submission, a `@lit/task` Task: `status` (initial, pending, complete, error),
   * `value` (the queued job), `error` (why nothing was queued).
   */
  get submission(): Task<[repoUrl: string], IngestQueued> {
    return this.ingest.task;
  }

  /**
   * Checks and queues the URL in the field (as the submit button does). Resolves with the
   * outcome (the queued job, or why not); null when the URL is invalid or a submission is
   * already in flight.
   */
  async submit(): Promise<IngestQueued | IngestSubmitError | null> {
    if (this.ingest.busy) return null;
    const url = this.input?.value ?? this.value;
    this.value = url;
    const check = checkRepoUrl(url);
    if (!check.ok) {
      this.fieldError = check.words;
      this.input?.focus();
      return null;
    }
    this.fieldError = null;
    const outcome = await this.ingest.submit(url);
    // Cleared for the next one only once queued: after any failure the typed URL stays.
    if (outcome && !(outcome instanceof IngestSubmitError)) this.value = '';
    await this.updateComplete;
    // The button was disabled while sending, which drops focus: give it back to the field.
    if (outcome && this.shadowRoot?.activeElement == null) this.input?.focus();
    return outcome;
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.submit();
  }

  private onInput() {
    this.value = this.input.value;
    // Once the field has been flagged, say as soon as it is right (or what is still wrong).
    if (this.fieldError !== null) {
      const check = checkRepoUrl(this.value);
      this.fieldError = check.ok ? null : check.words;
    }
  }

  override render() {
    const lang = langOf(this);
    const sending = this.ingest.busy;
    const invalid = this.fieldError !== null;
    const heading = this.heading || t(lang, 'Queue a repository');
    if (this.source.readOnly.get()) {
      return html`<section part="base" aria-labelledby="title">
        <div part="header"><h2 id="title">${heading}</h2></div>
        ${renderReadOnlyNotice(lang, translatable('Repositories are queued'))}
      </section>`;
    }
    return html`<section part="base" aria-labelledby="title">
      <div part="header"><h2 id="title">${heading}</h2></div>
      <form part="form" novalidate @submit=${this.onSubmit} aria-busy=${sending ? 'true' : 'false'}>
        <label part="label" for="repo">${t(lang, 'Repository URL')}</label>
        <div class="row">
          <input
            id="repo"
            part="input"
            name="repo"
            type="text"
            inputmode="url"
            autocomplete="url"
            autocapitalize="off"
            spellcheck="false"
            placeholder=${EXAMPLE_URL}
            .value=${live(this.value)}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'repo-error repo-hint' : 'repo-hint'}
            @input=${this.onInput}
          />
          <button part="submit" type="submit" ?disabled=${sending}>
            ${sending ? html`<span class="spinner" aria-hidden="true"></span>${t(lang, 'Queuing…')}` : t(lang, 'Queue for ingestion')}
          </button>
        </div>
        ${invalid ? html`<p id="repo-error" part="field-error">${inLanguage(lang, this.fieldError!)}</p>` : nothing}
        <p id="repo-hint" part="hint" class="meta">${t(lang, 'A repository like github.com/user/repo, or a full http, https or git URL.')}</p>
      </form>
      <div part="result" role="status">
        ${this.ingest.task.render({
          pending: () => html`<p class="meta">${t(lang, 'Queuing {0}…', this.ingest.repoUrl)}</p>`,
          complete: (queued) => this.outcomes.render(lang, (views) => views.renderQueued(queued, lang)),
          error: (error) => this.outcomes.render(lang, (views) => views.renderFailure(error as IngestSubmitError, lang)),
        })}
      </div>
    </section>`;
  }
}
