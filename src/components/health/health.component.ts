import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { componentName, type ComponentHealth, type HealthReport } from '../../api/monitoring.js';
import { t, tp } from '../../i18n/translate.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { formatNumber, langOf } from '../../util/format.js';
import { renderPanel, renderSkeleton } from '../../ui/resource-views.js';
import { STATUS_LOOK, toBadgeStatus } from '../../ui/status.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { healthResource } from '../../store/resources/health.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { healthStyles } from './health.styles.js';


/**
 * Overall system health and each component (database, Redis, Celery, NCF model, API),
 * from `/api/monitoring/health`, refreshed by the shared store.
 *
 * @tag pharos-health
 * @summary System health at a glance.
 *
 * @dependency pharos-status-badge
 *
 * @csspart base - The card.
 * @csspart header - Title row with the last-updated time.
 * @csspart summary - Overall status badge and message.
 * @csspart message - The backend's overall message.
 * @csspart components - The list of components.
 * @csspart component - One component row.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-surface - Card background.
 * @cssprop --pharos-border - Card and row borders.
 *
 * @example
 * <pharos-health base-url="https://pharos.onrender.com"></pharos-health>
 */
export class PharosHealth extends PharosElement {
  static override styles = [themeStyles, panelStyles, healthStyles];
  static override dependencies = { 'pharos-status-badge': PharosStatusBadge };

  /** Heading text (default: "System health" in the page's language). */
  @property() heading?: string;

  private readonly health = new ResourceController(this, healthResource);

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes now (the retry button). */
  refresh(): Promise<void> {
    return this.health.resource.refresh();
  }

  override render() {
    const resource = this.health.resource;
    const report = resource.value.get();
    const lang = langOf(this);
    const ctx = { lang, now: this.source.now.get() };
    return renderPanel(
      { heading: this.heading ?? t(lang, 'System health'), resources: [resource], ctx, retry: () => void this.refresh() },
      html`${report ? this.renderReport(report, lang) : resource.error.get() ? nothing : renderSkeleton(6, t(lang, 'Loading system health'))}`,
    );
  }

  private renderReport(report: HealthReport, lang: string) {
    const overall = toBadgeStatus(report.status);
    return html`
      <div part="summary">
        <pharos-status-badge status=${overall}></pharos-status-badge>
        <span class="visually-hidden" role="status">${t(lang, 'System health')}: ${t(lang, STATUS_LOOK[overall].label)}</span>
        ${report.message ? html`<p part="message">${report.message}</p>` : nothing}
      </div>
      <ul part="components" aria-label=${t(lang, 'Components')}>
        ${report.components.map((c) => this.renderComponent(c, lang))}
      </ul>
    `;
  }

  private renderComponent(c: ComponentHealth, lang: string) {
    const removed = c.status === 'not_applicable';
    const name = t(lang, componentName(c.name));
    const n = c.workerCount;
    const workers = n === null ? nothing : html`<span class="meta count">· ${tp(lang, n, '{0} worker', '{0} workers', formatNumber(lang, n, 0))}</span>`;
    return html`<li part="component" data-name=${c.name} data-status=${c.status}>
      <span class="name">${name}</span>
      <pharos-status-badge status=${toBadgeStatus(c.status)} label=${removed ? t(lang, 'Removed from this deployment') : nothing}></pharos-status-badge>
      <span class="detail">${c.message}${workers}</span>
    </li>`;
  }
}
