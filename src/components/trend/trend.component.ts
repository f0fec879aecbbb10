import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Direction } from '../../analysis/anomaly.js';
import { t, translatable } from '../../i18n/translate.js';
import { formatNumber, langOf, MISSING } from '../../util/format.js';
import { formatMs, formatPercent } from '../../util/format-figures.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { themeStyles } from '../../ui/theme.js';
import { trendStyles } from './trend.styles.js';

/** How a trend's change is written: a fraction as a percentage, a plain number, or milliseconds. */
export type TrendFormat = 'percent' | 'number' | 'ms';

/** Which direction is good news: `up` (hit rate), `down` (latency, errors), or `neutral` (no judgement). */
export type TrendGood = 'up' | 'down' | 'neutral';

/** Whether a move is good news. */
export type TrendTone = 'better' | 'worse' | 'neutral';

/** What {@link describeTrend} needs. */
export interface TrendInput {
  /** Explicit direction; derived from the sign of `change` when missing. */
  direction?: Direction | null;
  /** The change (a fraction with `format: 'percent'`). */
  change?: number | null;
  format?: TrendFormat;
  /** Unit after a `number` change, e.g. "events". */
  unit?: string;
  good?: TrendGood;
}

/** Everything needed to show a trend: icon, visible text, spoken text and tone. */
export interface TrendDescription {
  /** Null when there is nothing to show (no direction and no change). */
  direction: Direction | null;
  tone: TrendTone;
  icon: string;
  /** Short visible text, e.g. `+12%`. */
  text: string;
  /** Sentence for screen readers, e.g. `up 12% (worse)` (in the language given to {@link describeTrend}). */
  spoken: string;
}

const ICONS: Record<Direction, string> = { up: '▲', down: '▼', flat: '▶' };
const WORDS: Record<Direction, string> = { up: translatable('up'), down: translatable('down'), flat: translatable('unchanged') };

function formatAmount(lang: string, amount: number, format: TrendFormat, unit: string | undefined): string {
  if (format === 'percent') return formatPercent(lang, amount);
  if (format === 'ms') return formatMs(lang, amount);
  const n = formatNumber(lang, amount, Math.abs(amount) < 10 ? 2 : 1);
  return unit ? `${n} ${unit}` : n;
}

/**
 * Words, icon and tone of a trend, shared by `<pharos-trend>` and the elements that put a
 * trend into their own accessible names (e.g. `<pharos-metric-card>`).
 */
export function describeTrend(lang: string, input: TrendInput): TrendDescription {
  const { change, format = 'percent', unit, good = 'neutral' } = input;
  const known = typeof change === 'number' && Number.isFinite(change);
  const direction: Direction | null =
    input.direction ?? (known ? (change > 0 ? 'up' : change < 0 ? 'down' : 'flat') : null);
  if (!direction) return { direction: null, tone: 'neutral', icon: '', text: MISSING, spoken: t(lang, 'no trend yet') };
  const tone: TrendTone =
    direction === 'flat' || good === 'neutral' ? 'neutral' : (direction === 'up') === (good === 'up') ? 'better' : 'worse';
  const amount = known ? formatAmount(lang, Math.abs(change), format, unit) : '';
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : '±';
  const word = t(lang, WORDS[direction]);
  const text = amount ? `${sign}${amount}` : word;
  const moved = !amount || direction === 'flat' ? word : direction === 'up' ? t(lang, 'up {0}', amount) : t(lang, 'down {0}', amount);
  const spoken = tone === 'neutral' ? moved : tone === 'better' ? t(lang, '{0} (better)', moved) : t(lang, '{0} (worse)', moved);
  return { direction, tone, icon: ICONS[direction], text, spoken };
}

/**
 * Which way a figure moved and by how much, with whether that is good news: the icon and
 * the sign carry the meaning, the colour (better / worse) only reinforces it, and screen
 * readers hear a sentence such as "up 12% (worse)".
 *
 * @tag pharos-trend
 * @summary A trend arrow with its change.
 *
 * @csspart base - The trend.
 * @csspart icon - The arrow.
 * @csspart value - The visible change text.
 *
 * @cssprop --pharos-trend-better - Colour of a good move (defaults to `--pharos-ok`).
 * @cssprop --pharos-trend-worse - Colour of a bad move (defaults to `--pharos-danger`).
 * @cssprop --pharos-trend-neutral - Colour when there is no judgement (defaults to `--pharos-text-muted`).
 * @cssprop --pharos-trend-font-size - Font size (default `0.86em`).
 *
 * @example
 * <pharos-trend change="0.12" format="percent" good="down"></pharos-trend>
 */
export class PharosTrend extends PharosElement {
  static override styles = [themeStyles, trendStyles];

  /** `up`, `down` or `flat`; when unset, the sign of `change` decides. */
  @property({ reflect: true }) direction?: Direction;

  /** The change: a fraction with `format="percent"` (0.12 = 12%), else a number or milliseconds. */
  @property({ type: Number }) change?: number | null;

  /** `percent` (default), `number` or `ms`. */
  @property() format: TrendFormat = 'percent';

  /** Unit after a `number` change. */
  @property() unit?: string;

  /** Which direction is good: `up`, `down`, or `neutral` (default: no colour judgement). */
  @property({ reflect: true }) good: TrendGood = 'neutral';

  /** The trend in words, e.g. "up 12% (worse)". */
  get description(): TrendDescription {
    return describeTrend(langOf(this), {
      direction: this.direction,
      change: this.change,
      format: this.format,
      unit: this.unit,
      good: this.good,
    });
  }

  override render() {
    const d = this.description;
    return html`<span part="base" data-tone=${d.tone} data-direction=${d.direction ?? 'none'}
      ><span part="icon" aria-hidden="true">${d.icon}</span><span part="value" aria-hidden="true">${d.text}</span
      ><span class="visually-hidden">${d.spoken}</span></span
    >`;
  }
}
