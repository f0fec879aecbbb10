import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { isNotApplicable } from '../../api/envelope.js';
import type { RecommendationQuality } from '../../api/monitoring.js';
import { figureStyles, renderFigures, type Figure } from '../../ui/figures.js';
import { fieldLabel, formatMetricValue } from '../../ui/free-form.js';
import { langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderPanel, renderSkeleton } from '../../ui/resource-views.js';
import { renderEmpty, renderNotApplicable, stateViewStyles } from '../../ui/state-views.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { formatWindow, selectedRange, windowDaysOf } from '../../ui/time-window.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import { recommendationQualityResource } from '../../store/resources/monitoring.js';
import { PharosMetricCard } from '../metric-card/metric-card.component.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { t } from '../../i18n/translate.js';

/** Ranking-metric abbreviations written the way people write them. */
const ACRONYMS = /\b(ndcg|mrr|map|auc|ctr|hr)\b/gi;

/** A label for a metric key: `precision_at_10` → "Precision@10", `ndcg_at_10` → "NDCG@10". */
export function metricLabel(lang: string, key: string): string {
  return fieldLabel(lang, key.replace(/_at_(\d+)$/i, '@$1')).replace(ACRONYMS, (m) => m.toUpperCase());
}

/** Counts grow with traffic (good news when up); other figures are quality scores (also better up). */
const NEUTRAL_KEY = /(^|_)(total|count|num)(_|$)|_ms$|latency|time/i;

/**
 * Recommendation quality from `/api/monitoring/recommendation-quality` over a window that
 * follows the dashboard's time range, each metric the backend reports as a labelled figure
 * (shares such as precision or click-through as percentages, counts as counts, scores as
 * decimals). Where the recommendations module was removed from the deployment, the
 * backend's reason is shown, neutrally.
 *
 * @tag pharos-recommendations
 * @summary Recommendation quality metrics over the selected window.
 *
 * @dependency pharos-metric-card
 * @dependency pharos-status-badge
 *
 * @csspart base - The card.
 * @csspart header - Title row with the window and the last-updated time.
 * @csspart window - The window label ("last 7 days").
 * @csspart figures - The metrics.
 * @csspart figure - One metric (a `<pharos-metric-card>`, `data-key` is the backend's key).
 * @csspart message - The backend's message about the figures.
 * @csspart empty - The "no metrics reported" notice.
 * @csspart not-applicable - The "removed from this deployment" notice.
 * @csspart updated - The "updated N s ago" label.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-surface - Card background.
 *
 * @example
 * <pharos-recommendations base-url="https://pharos.onrender.com"></pharos-recommendations>
 */
export class PharosRecommendations extends PharosElement {
  static override styles = [
    themeStyles,
    panelStyles,
    figureStyles,
    stateViewStyles,
    css`
      .window {
        font-weight: 400;
        color: var(--_muted);
        font-size: 0.9em;
        margin-inline-start: 4px;
      }
      .body {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      [part='message'] {
        margin: 0;
      }
    `,
  ];
  static override dependencies = { 'pharos-metric-card': PharosMetricCard, 'pharos-status-badge': PharosStatusBadge };

  /** Heading text (default: "Recommendation quality" in the page's language). */
  @property() heading?: string;

  private readonly quality = new ResourceController(this, recommendationQualityResource, windowDaysOf(this));

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
    return this.quality.resource.refresh();
  }

  override render() {
    const resource = this.quality.resource;
    const value = resource.value.get();
    const ctx = { lang: langOf(this), now: this.source.now.get() };
    return renderPanel(
      { heading: html`${this.heading ?? t(ctx.lang, 'Recommendation quality')} <span class="window" part="window">${formatWindow(ctx.lang, resource.params)}</span>`, resources: [resource], ctx, retry: () => void this.refresh() },
      html`${value === undefined
      ? resource.error.get()
        ? nothing
        : renderSkeleton(4, t(ctx.lang, 'Loading recommendation quality'))
      : isNotApplicable(value)
        ? renderNotApplicable(ctx.lang, value.reason)
        : this.renderQuality(value)}`,
    );
  }

  private renderQuality(q: RecommendationQuality) {
    const lang = langOf(this);
    const entries = Object.entries(q.metrics);
    const window = formatWindow(lang, q.timeWindowDays);
    if (entries.length === 0) {
      return html`<div class="body" data-window-days=${q.timeWindowDays}>${renderEmpty(t(lang, 'No recommendation metrics reported for the {0}.', window), q.message)}</div>`;
    }
    const figures: Figure[] = entries.map(([key, v]) => ({
      key,
      label: metricLabel(lang, key),
      // Formatted here: the key decides whether a 0..1 value is a share or a score.
      value: formatMetricValue(lang, key, v),
      format: 'number',
      series: typeof v === 'number' ? key : undefined,
      good: NEUTRAL_KEY.test(key) ? 'neutral' : 'up',
    }));
    return html`<div class="body" data-window-days=${q.timeWindowDays}>
      ${renderFigures(figures, t(lang, 'Recommendation quality, {0}', window), { resource: this.quality.resource, range: selectedRange(this.source) })}
      ${q.message ? html`<p class="meta" part="message">${q.message}</p>` : nothing}
    </div>`;
  }
}
