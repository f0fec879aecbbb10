import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { componentName, type ComponentHealth, type HealthReport } from '../../api/monitoring.js';
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

  /** Heading text. */
  @property() heading = 'System health';

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
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    return renderPanel(
      { heading: this.heading, resources: [resource], ctx, retry: () => void this.refresh() },
      html`${report ? this.renderReport(report) : resource.error.get() ? nothing : renderSkeleton(6, 'Loading system health')}`,
    );
  }

  private renderReport(report: HealthReport) {
    const overall = toBadgeStatus(report.status);
    return html`
      <div part="summary">
        <pharos-status-badge status=${overall}></pharos-status-badge>
        <span class="visually-hidden" role="status">System health: ${STATUS_LOOK[overall].label}</span>
        ${report.message ? html`<p part="message">${report.message}</p>` : nothing}
      </div>
      <ul part="components" aria-label="Components">
        ${report.components.map((c) => this.renderComponent(c))}
      </ul>
    `;
  }

  private renderComponent(c: ComponentHealth) {
    const removed = c.status === 'not_applicable';
    const name = componentName(c.name);
    const workers =
      c.workerCount === null ? nothing : html`<span class="meta count">· ${formatNumber(langOf(this), c.workerCount, 0)} ${c.workerCount === 1 ? 'worker' : 'workers'}</span>`;
    return html`<li part="component" data-name=${c.name} data-status=${c.status}>
      <span class="name">${name}</span>
      <pharos-status-badge status=${toBadgeStatus(c.status)} label=${removed ? 'Removed from this deployment' : nothing}></pharos-status-badge>
      <span class="detail">${c.message}${workers}</span>
    </li>`;
  }
}
