import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { isNotApplicable } from '../../api/envelope.js';
import type { UserEngagement } from '../../api/monitoring.js';
import { cssProps } from '../../ui/css-props.js';
import { figureStyles, renderFigures, type Figure } from '../../ui/figures.js';
import { formatNumber, humanize, langOf } from '../../util/format.js';
import { formatPercent } from '../../util/format-figures.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton } from '../../ui/resource-views.js';
import { renderEmpty, renderNotApplicable, stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { formatWindow, selectedRange, windowDaysOf } from '../../ui/time-window.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { userEngagementResource } from '../../store/resources/monitoring.js';
import { PharosMetricCard } from '../metric-card/metric-card.component.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { engagementStyles } from './engagement.styles.js';
import { t, tp } from '../../i18n/translate.js';

/**
 * User engagement from `/api/monitoring/user-engagement` over a window that follows the
 * dashboard's time range (1 h, 6 h and 24 h ask for the last day, 7 d for the last 7 days):
 * users, active users, interactions, positive rate, interactions by type and the average
 * session. A window without any activity is said so, not shown as an empty card.
 *
 * @tag pharos-engagement
 * @summary Users and interactions over the selected window.
 *
 * @dependency pharos-metric-card
 * @dependency pharos-status-badge
 *
 * @csspart base - The card.
 * @csspart header - Title row with the window and the last-updated time.
 * @csspart window - The window label ("last 7 days").
 * @csspart figures - The headline figures.
 * @csspart figure - One headline figure (a `<pharos-metric-card>`).
 * @csspart by-type - The interactions-by-type bars.
 * @csspart type - One interaction type (label, bar, count and share).
 * @csspart bar - The bar of one type.
 * @csspart empty - The "no activity" notice.
 * @csspart not-applicable - The "removed from this deployment" notice.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-engagement-bar - Colour of the by-type bars (defaults to `--pharos-accent`).
 * @cssprop --pharos-surface - Card background.
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com" time-range="7d">
 *   <pharos-engagement></pharos-engagement>
 * </pharos-source>
 */
export class PharosEngagement extends PharosElement {
  static override styles = [themeStyles, panelStyles, figureStyles, stateViewStyles, engagementStyles];
  static override dependencies = { 'pharos-metric-card': PharosMetricCard, 'pharos-status-badge': PharosStatusBadge };

  /** Heading text (default: "User engagement" in the page's language). */
  @property() heading?: string;

  private readonly engagement = new ResourceController(this, userEngagementResource, windowDaysOf(this));

  constructor() {
    super();
    new TickController(this);
  }

  /** Days of the window shown, from the source's time range. */
  get windowDays(): number {
    return windowDaysOf(this)();
  }

  /** Refreshes now (the retry button). */
  refresh(): Promise<void> {
    return this.engagement.resource.refresh();
  }

  override render() {
    const resource = this.engagement.resource;
    const value = resource.value.get();
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    const days = resource.params;
    return renderPanel(
      { heading: html`${this.heading ?? t(ctx.lang, 'User engagement')} <span class="window" part="window">${formatWindow(ctx.lang, days)}</span>`, resources: [resource], ctx, retry: () => void this.refresh() },
      html`${value === undefined
      ? resource.error.get()
        ? nothing
        : renderSkeleton(5, t(ctx.lang, 'Loading user engagement'))
      : isNotApplicable(value)
        ? renderNotApplicable(ctx.lang, value.reason)
        : this.renderEngagement(value)}`,
    );
  }

  private renderEngagement(e: UserEngagement) {
    const lang = langOf(this);
    const window = formatWindow(lang, e.timeWindowDays);
    if (e.totalInteractions === 0 && e.activeUsers === 0) {
      const users =
        e.totalUsers > 0
          ? tp(lang, e.totalUsers, '{0} registered user, not active.', '{0} registered users, none active.', formatNumber(lang, e.totalUsers, 0))
          : '';
      return html`<div class="body" data-window-days=${e.timeWindowDays}>
        ${renderEmpty(t(lang, 'No user activity in the {0}.', window), users)}
      </div>`;
    }
    const figures: Figure[] = [
      { key: 'users', label: t(lang, 'Users'), value: e.totalUsers, format: 'integer' },
      { key: 'active-users', label: t(lang, 'Active users'), value: e.activeUsers, format: 'integer', series: 'active_users', good: 'up' },
      { key: 'interactions', label: t(lang, 'Interactions'), value: e.totalInteractions, format: 'integer', series: 'total_interactions', good: 'up' },
      {
        key: 'positive-rate',
        label: t(lang, 'Positive rate'),
        value: e.positiveRate,
        format: 'percent',
        note: t(lang, '{0} positive', formatNumber(lang, e.positiveInteractions, 0)),
        series: 'positive_rate',
        good: 'up',
      },
      { key: 'session', label: t(lang, 'Average session'), value: e.avgSessionDurationSeconds, format: 'seconds' },
    ];
    const types = Object.entries(e.interactionsByType).sort((a, b) => b[1] - a[1]);
    const max = Math.max(0, ...types.map(([, n]) => n));
    const total = types.reduce((sum, [, n]) => sum + n, 0);
    return html`<div class="body" data-window-days=${e.timeWindowDays}>
      ${renderFigures(figures, t(lang, 'User engagement, {0}', window), { resource: this.engagement.resource, range: selectedRange(this.source) })}
      <section class="block" aria-labelledby="types-title">
        <h3 id="types-title">${t(lang, 'Interactions by type')}</h3>
        ${types.length === 0
          ? html`<p class="meta">${t(lang, 'The backend gave no breakdown by type.')}</p>`
          : html`<ul part="by-type">
              ${types.map(
                ([type, n]) => html`<li part="type" data-type=${type}>
                  <span class="type-label">${humanize(type)}</span>
                  <span class="track" aria-hidden="true"><span part="bar" class="bar" ${cssProps({ '--_share': max > 0 ? n / max : 0 })}></span></span>
                  <span class="type-count">${formatNumber(lang, n, 0)}</span>
                  <span class="type-share meta">${total > 0 ? formatPercent(lang, n / total, 0) : ''}</span>
                </li>`,
              )}
            </ul>`}
      </section>
    </div>`;
  }
}
