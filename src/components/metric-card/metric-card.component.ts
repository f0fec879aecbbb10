import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { computeTrend, detectAnomaly, detectAnomalyAt, type AnomalyOptions, type AnomalyResult } from '../../analysis/anomaly.js';
import { t } from '../../i18n/translate.js';
import { formatAgo, formatTime, langOf, MISSING } from '../../util/format.js';
import { formatMetric, type MetricFormat } from '../../util/format-figures.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { renderSparkline, sparklineStyles } from '../../ui/sparkline.js';
import { themeStyles } from '../../ui/theme.js';
import { TickController } from '../../store/lit/controllers.js';
import { describeAnomaly } from '../alerts/alert-text.js';
import { PharosTrend, describeTrend, type TrendFormat, type TrendGood, type TrendInput } from '../trend/trend.component.js';
import { metricCardStyles } from './metric-card.styles.js';

/** Reads `value="123"` as a number and anything else (e.g. `"12 / 20"`) as preformatted text. */
const numberOrText = {
  fromAttribute: (text: string | null) => (text === null ? null : text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text),
  toAttribute: (value: unknown) => (value === null || value === undefined ? null : String(value)),
};

const isMissing = (value: unknown) => value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)) || (typeof value === 'string' && !value.trim());

/**
 * One figure with its label, unit, trend, sparkline and marks for stale and anomalous
 * values. Purely presentational: it shows what it is given (the elements that poll the
 * backend build their tiles from it), so it also fits host apps' own figures.
 *
 * The trend comes from `change` when set, else from `history` (recent half against older
 * half). The anomaly mark shows when `anomaly` is set, or with `detect-anomalies` when the
 * latest `history` value is far outside the values before it (robust z-score).
 *
 * @tag pharos-metric-card
 * @summary A metric tile: label, value, trend, sparkline.
 *
 * @dependency pharos-trend
 *
 * @slot - Extra content below the value (a footnote, a link).
 * @slot sparkline - Custom chart content replacing the built-in sparkline.
 *
 * @csspart base - The card (`role=group`; its accessible name reads label, value, trend and marks).
 * @csspart label - The label.
 * @csspart value - The value.
 * @csspart unit - The unit after a number.
 * @csspart trend - The `<pharos-trend>`.
 * @csspart stale - The stale mark with the value's age.
 * @csspart anomaly - The anomaly mark.
 * @csspart sparkline - The sparkline container (built-in SVG or the slotted content).
 *
 * @cssprop --pharos-metric-card-surface - Card background (defaults to `--pharos-surface`).
 * @cssprop --pharos-metric-card-border - Card border (defaults to `--pharos-border`).
 * @cssprop --pharos-metric-card-padding - Card padding.
 * @cssprop --pharos-metric-card-value-size - Font size of the value (default `1.6em`).
 * @cssprop --pharos-metric-card-anomaly - Colour of the anomaly mark and border (defaults to `--pharos-warn`).
 * @cssprop --pharos-metric-card-stale - Colour of the stale mark (defaults to `--pharos-neutral`).
 * @cssprop --pharos-metric-card-sparkline-color - Sparkline colour (defaults to `--pharos-accent`).
 * @cssprop --pharos-metric-card-sparkline-height - Sparkline height (default 28px).
 *
 * @example
 * <pharos-metric-card label="Hit rate" value="0.87" format="percent" good="up"></pharos-metric-card>
 * <script>card.history = resource.history.window(from, now, ['hit_rate']).columns.hit_rate;</script>
 */
export class PharosMetricCard extends PharosElement {
  static override styles = [themeStyles, sparklineStyles, metricCardStyles];
  static override dependencies = { 'pharos-trend': PharosTrend };

  /** What the figure is, e.g. "Hit rate". */
  @property() label = '';

  /** The figure: a number (formatted by `format`, followed by `unit`) or preformatted text. Missing shows `—`. */
  @property({ converter: numberOrText }) value: number | string | null | undefined = null;

  /** How a numeric value is written: `number` (default), `integer`, `compact`, `percent` (fraction), `ms`, `seconds`. */
  @property() format: MetricFormat = 'number';

  /** Maximum fraction digits for `number` and `percent`. Default 1. */
  @property({ type: Number }) digits = 1;

  /** Unit shown after a numeric value, e.g. "events/min". */
  @property() unit = '';

  /** Explicit change for the trend (a fraction when `change-format="percent"`); overrides the history's trend. */
  @property({ type: Number }) change: number | null = null;

  /** How `change` is written: `percent` (default), `number` or `ms`. */
  @property({ attribute: 'change-format' }) changeFormat: TrendFormat = 'percent';

  /** Which direction is good news for this figure: `up`, `down` or `neutral` (default). */
  @property() good: TrendGood = 'neutral';

  /** Hides the trend. */
  @property({ type: Boolean, attribute: 'no-trend' }) noTrend = false;

  /** Recent values of the metric, oldest first, `NaN` for gaps: drawn as the sparkline and used for trend and anomaly. */
  @property({ attribute: false }) history: ArrayLike<number> | null = null;

  /** Sample times (ms) of `history`, for true time spacing in the sparkline. */
  @property({ attribute: false }) times: ArrayLike<number> | null = null;

  /** x domain `[fromMs, toMs]` of the sparkline (the selected time range). */
  @property({ attribute: false }) range: readonly [number, number] | null = null;

  /** Marks the value as stale (its source failed since). */
  @property({ type: Boolean, reflect: true }) stale = false;

  /** When the value was obtained (ms since epoch); shown as the age on the stale mark. */
  @property({ type: Number, attribute: 'updated-at' }) updatedAt: number | null = null;

  /** Marks the value as anomalous. */
  @property({ type: Boolean, reflect: true }) anomaly = false;

  /** Words on the anomaly mark; default "Unusually high" / "Unusually low" / "Unusual value". */
  @property({ attribute: 'anomaly-text' }) anomalyText = '';

  /** Also mark the value anomalous when the latest `history` value is an outlier. */
  @property({ type: Boolean, attribute: 'detect-anomalies' }) detectAnomalies = false;

  /** Options for `detect-anomalies`. */
  @property({ attribute: false }) anomalyOptions: AnomalyOptions = {};

  /** Shows a placeholder of the same size while the first value loads. */
  @property({ type: Boolean, reflect: true }) loading = false;

  constructor() {
    super();
    // Only read in render while stale, so the card re-renders each second only then.
    new TickController(this);
  }

  /** The anomaly verdict from `history` (null unless `detect-anomalies`). */
  get detectedAnomaly(): AnomalyResult | null {
    if (!this.detectAnomalies || !this.history) return null;
    // With sample times, two days of history give a same-time-of-day baseline.
    return this.times && this.times.length === this.history.length
      ? detectAnomalyAt(this.times, this.history, this.anomalyOptions)
      : detectAnomaly(this.history, this.anomalyOptions);
  }

  /** What the trend shows: the explicit `change`, else the history's trend. */
  get trendInput(): TrendInput | null {
    // A trend next to a missing value would describe a number nobody can see.
    if (this.noTrend || isMissing(this.value)) return null;
    if (typeof this.change === 'number' && Number.isFinite(this.change)) {
      return { change: this.change, format: this.changeFormat, unit: this.unit, good: this.good };
    }
    const trend = this.history ? computeTrend(this.history) : null;
    if (!trend) return null;
    return { direction: trend.direction, change: trend.ratio, format: 'percent', good: this.good };
  }

  /** The value as displayed (without unit). */
  get formattedValue(): string {
    return isMissing(this.value) ? MISSING : formatMetric(langOf(this), this.value, this.format, this.digits);
  }

  override render() {
    const lang = langOf(this);
    const missing = isMissing(this.value);
    const text = this.formattedValue;
    const unit = !missing && typeof this.value === 'number' && this.unit ? this.unit : '';
    const trendInput = this.trendInput;
    const trend = trendInput ? describeTrend(lang, trendInput) : null;
    const detected = this.detectedAnomaly;
    const anomalous = this.anomaly || Boolean(detected?.anomalous);
    const unusual =
      detected?.direction === 'up' ? t(lang, 'Unusually high') : detected?.direction === 'down' ? t(lang, 'Unusually low') : t(lang, 'Unusual value');
    // Say against what: "Unusually high: 412 ms, usually 120 ms (median of the last 30 samples); 5.1× the usual spread".
    const why = detected?.anomalous
      ? describeAnomaly(
          lang,
          detected,
          (v) => `${formatMetric(lang, v, this.format, this.digits)}${this.unit && !['ms', 'seconds', 'percent'].includes(this.format) ? ` ${this.unit}` : ''}`,
        )
      : '';
    const anomalyText = this.anomalyText || (why ? `${unusual}: ${why}` : unusual);
    const age = this.stale && this.updatedAt !== null ? formatAgo(lang, this.updatedAt, Math.max(this.source.now.get(), this.updatedAt)) : '';
    const staleText = age ? t(lang, 'Stale, from {0}', age) : t(lang, 'Stale');

    const spokenValue = this.loading && missing ? t(lang, 'loading') : missing ? t(lang, 'no value') : `${text}${unit ? ` ${unit}` : ''}`;
    const name = [
      `${this.label || t(lang, 'Metric')}: ${spokenValue}`,
      trend?.direction ? trend.spoken : '',
      this.stale ? staleText : '',
      anomalous ? anomalyText : '',
    ]
      .filter(Boolean)
      .join(', ');

    return html`<div part="base" role="group" aria-label=${name} ?data-anomaly=${anomalous} ?data-stale=${this.stale}>
      <span part="label" aria-hidden="true">${this.label}</span>
      <div class="row" aria-hidden="true">
        ${this.loading && missing
          ? html`<span class="skeleton"></span>`
          : html`<span part="value" ?data-missing=${missing} title=${this.updatedAt ? formatTime(lang, this.updatedAt) : nothing}>${text}</span>
              ${unit ? html`<span part="unit">${unit}</span>` : nothing}`}
        ${trendInput && trend?.direction
          ? html`<pharos-trend
              part="trend"
              .change=${trendInput.change ?? null}
              .direction=${trendInput.direction ?? undefined}
              .format=${trendInput.format ?? 'percent'}
              .unit=${trendInput.unit}
              .good=${trendInput.good ?? 'neutral'}
            ></pharos-trend>`
          : nothing}
      </div>
      <div class="marks" aria-hidden="true">${this.stale
          ? html`<span part="stale"><span aria-hidden="true">◷</span>${staleText}</span>`
          : nothing}${anomalous ? html`<span part="anomaly"><span aria-hidden="true">⚠</span>${anomalyText}</span>` : nothing}</div>
      <div part="sparkline">
        <slot name="sparkline">${this.history ? renderSparkline({ values: this.history, times: this.times, range: this.range }) : nothing}</slot>
      </div>
      <slot></slot>
    </div>`;
  }
}
