import { css, html, nothing, type TemplateResult } from 'lit';
import type { MetricFormat } from '../util/format-figures.js';
import type { Resource } from '../store/resource.js';

/** One headline figure of an element (a user count, a hit rate…), shown as a `<pharos-metric-card>`. */
export interface Figure {
  /** Stable key, the card's `data-key`. */
  key: string;
  label: string;
  /** The number (or preformatted text); null when unknown (shown as "—"). */
  value: number | string | null;
  /** How the card writes `value`: `percent` takes a fraction. */
  format: MetricFormat;
  /** Unit after a numeric value. */
  unit?: string;
  /** A short line under the value ("12 hits · 3 misses"). */
  note?: string;
  /** History series (of the options' resource) drawn as the sparkline and used for the trend. */
  series?: string;
  /** Which direction is good news, for the trend. */
  good?: 'up' | 'down' | 'neutral';
}

/** Where the figures come from. */
export interface FigureSource {
  /** The resource whose value and history the figures show: drives the stale mark and the sparklines. */
  resource: Resource;
  /** The selected time range `[fromMs, toMs]`: the sparklines' x domain. */
  range: readonly [number, number];
}

/**
 * A row of headline figures as metric cards (the element must list `pharos-metric-card`
 * among its dependencies). The cards are marked stale, with the value's age, when the
 * resource's latest attempt failed.
 */
export function renderFigures(figures: readonly Figure[], label: string, from: FigureSource): TemplateResult {
  const { resource, range } = from;
  const stale = resource.stale.get();
  const updatedAt = resource.lastSuccessAt.get();
  const series = figures.map((f) => f.series).filter((s): s is string => Boolean(s));
  // One copy of the window for every figure of the element.
  const window = series.length > 0 ? resource.history.window(range[0], range[1], series) : null;
  return html`<ul part="figures" class="figures" aria-label=${label}>
    ${figures.map(
      (f) => html`<li>
        <pharos-metric-card
          part="figure"
          data-key=${f.key}
          label=${f.label}
          .value=${f.value}
          format=${f.format}
          unit=${f.unit ?? ''}
          good=${f.good ?? 'neutral'}
          ?no-trend=${!f.series}
          .history=${f.series && window ? window.columns[f.series] ?? null : null}
          .times=${f.series && window ? window.times : null}
          .range=${range}
          ?stale=${stale}
          .updatedAt=${updatedAt}
          >${f.note ? html`<span class="figure-note">${f.note}</span>` : nothing}</pharos-metric-card
        >
      </li>`,
    )}
  </ul>`;
}

/** Styles for {@link renderFigures}. */
export const figureStyles = css`
  ul.figures {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
    gap: 8px;
  }
  ul.figures > li {
    min-width: 0;
  }
  .figure-note {
    color: var(--_muted);
    font-size: 0.86em;
  }
`;
