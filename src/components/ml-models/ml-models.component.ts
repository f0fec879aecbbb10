import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isNotApplicable, type NotApplicable } from '../../api/envelope.js';
import type { MlHealth, ModelHealth } from '../../api/monitoring.js';
import { fieldLabel, formatFreeValue } from '../../ui/free-form.js';
import { formatDateTime, langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderErrorNotice, renderSkeleton, renderUpdated, type ViewContext } from '../../ui/resource-views.js';
import { renderNotApplicable, stateViewStyles } from '../../ui/state-views.js';
import { STATUS_LOOK, toBadgeStatus } from '../../ui/status.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import type { Resource } from '../../store/resource.js';
import { mlHealthResource, modelHealthResource } from '../../store/resources/module-health.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { mlModelsStyles } from './ml-models.styles.js';
import { t } from '../../i18n/translate.js';

/**
 * The backend's machine-learning models: the ML classification module (`/health/ml`) and
 * the recommendation model (`/model-health`, with its facts such as path, size, users and
 * items). A model removed from the deployment is shown as neutral, with the backend's reason;
 * a failing check says what happened, and each section retries on its own.
 *
 * @tag pharos-ml-models
 * @summary ML classification and recommendation model health.
 *
 * @dependency pharos-status-badge
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart model - One model's section (`data-model` is `classification` or `recommendation`).
 * @csspart status - A model's status line (badge and message).
 * @csspart facts - The recommendation model's facts.
 * @csspart hint - A sentence on the likely cause of an unreadable answer.
 * @csspart not-applicable - The "removed from this deployment" notice.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - A section's error notice, with its retry button.
 * @csspart retry - A retry button.
 *
 * @cssprop --pharos-surface - Card background.
 *
 * @example
 * <pharos-ml-models base-url="https://pharos.onrender.com"></pharos-ml-models>
 */
export class PharosMlModels extends PharosElement {
  static override styles = [themeStyles, panelStyles, stateViewStyles, mlModelsStyles];
  static override dependencies = { 'pharos-status-badge': PharosStatusBadge };

  /** Heading text (default: "ML models" in the page's language). */
  @property() heading?: string;

  private readonly ml = new ResourceController(this, mlHealthResource);
  private readonly model = new ResourceController(this, modelHealthResource);

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes both checks now. */
  async refresh(): Promise<void> {
    await Promise.all([this.ml.resource.refresh(), this.model.resource.refresh()]);
  }

  override render() {
    const ml = this.ml.resource;
    const model = this.model.resource;
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading ?? t(ctx.lang, 'ML models')}</h2>
        ${renderUpdated([ml, model], ctx)}
      </div>
      ${this.renderSection('classification', t(ctx.lang, 'ML classification'), ml, ctx, (v) => this.renderClassification(v))}
      ${this.renderSection('recommendation', t(ctx.lang, 'Recommendation model'), model, ctx, (v) => this.renderModel(v), () => this.unreadableHint())}
    </section>`;
  }

  private renderSection<T extends { kind: 'ok' }>(
    key: string,
    title: string,
    resource: Resource<T | NotApplicable, void>,
    ctx: ViewContext,
    renderOk: (value: T) => TemplateResult,
    hint?: () => TemplateResult | typeof nothing,
  ) {
    const value = resource.value.get();
    const error = resource.error.get();
    return html`<section part="model" class="model" data-model=${key} aria-labelledby="${key}-title">
      <h3 id="${key}-title">${title}</h3>
      ${renderErrorNotice(resource as Resource, ctx, () => void resource.refresh(), title)}
      ${error && hint ? hint() : nothing}
      ${value === undefined
        ? error
          ? nothing
          : renderSkeleton(2, t(ctx.lang, 'Loading {0}', title))
        : isNotApplicable(value)
          ? renderNotApplicable(ctx.lang, value.reason)
          : renderOk(value as T)}
    </section>`;
  }

  private renderStatusLine(title: string, status: string, message: string, timestamp: Date | null) {
    const lang = langOf(this);
    const badge = toBadgeStatus(status);
    return html`<div part="status" class="status-line">
      <span class="visually-hidden" role="status">${t(lang, '{0}: {1}', title, t(lang, STATUS_LOOK[badge].label))}</span>
      <pharos-status-badge status=${badge}></pharos-status-badge>
      ${message ? html`<span class="message">${message}</span>` : nothing}
      ${timestamp ? html`<span class="meta">${t(lang, 'Checked by the backend at {0}', formatDateTime(lang, timestamp))}</span>` : nothing}
    </div>`;
  }

  private renderClassification(health: MlHealth) {
    return this.renderStatusLine(t(langOf(this), 'ML classification'), health.status, health.message, health.timestamp);
  }

  private renderModel(health: ModelHealth) {
    const lang = langOf(this);
    const facts = Object.entries(health.model);
    return html`${this.renderStatusLine(t(lang, 'Recommendation model'), health.status, '', health.timestamp)}
      ${facts.length === 0
        ? html`<p class="meta" part="no-facts">${t(lang, 'The backend reported no model facts.')}</p>`
        : html`<dl class="fields" part="facts" aria-label=${t(lang, 'Recommendation model facts')}>
            ${facts.map(([k, v]) => html`<dt>${fieldLabel(lang, k)}</dt><dd data-key=${k}>${formatFreeValue(lang, k, v)}</dd>`)}
          </dl>`}`;
  }

  /**
   * Cross-origin, the backend's 500 (and 401) answers lack CORS headers and reach the page
   * as an unreadable network failure. When the other check of the same backend answered,
   * the base URL and CORS are fine, so say what the failure most likely is.
   */
  private unreadableHint() {
    const error = this.model.resource.error.get();
    if (error?.kind !== 'network' || this.ml.resource.lastSuccessAt.get() === null) return nothing;
    const lang = langOf(this);
    return html`<p class="meta" part="hint">
      ${t(
        lang,
        'Other checks on this backend answer, so this is most likely a server error or a missing token on the model health check: the browser cannot read such answers from another origin when they carry no CORS headers.',
      )}
    </p>`;
  }
}
