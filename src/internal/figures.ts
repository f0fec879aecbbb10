import { css, html, nothing, type TemplateResult } from 'lit';
import type { HistoryBuffer } from '../store/history.js';

/** One headline figure of an element (a user count, a hit rate…). */
export interface Figure {
  /** Stable key, the figure's `data-key`. */
  key: string;
  label: string;
  /** The number; null when unknown (shown as "—"). */
  value: number | null;
  /** How `value` reads: a fraction as a percentage, a count, milliseconds or seconds. */
  format: 'percent' | 'number' | 'ms' | 'seconds';
  /** Formatted value text (the element formats it with its language). */
  text: string;
  /** A short line under the value ("12 hits · 3 misses"). */
  note?: string;
  /** History to draw a sparkline from, and the series in it. */
  history?: HistoryBuffer;
  series?: string;
  /** Which direction is good news, for the trend. */
  good?: 'up' | 'down' | 'neutral';
  /** The value is the last good one, not from the latest attempt. */
  stale?: boolean;
}

/** A row of headline figures. */
export function renderFigures(figures: readonly Figure[], label: string): TemplateResult {
  return html`<ul part="figures" class="figures" aria-label=${label}>
    ${figures.map(
      (f) => html`<li class="figure" part="figure" data-key=${f.key} data-stale=${f.stale ? 'true' : nothing}>
        <span class="figure-label">${f.label}</span>
        <span class="figure-value" part="value">${f.text}</span>
        ${f.note ? html`<span class="figure-note meta">${f.note}</span>` : nothing}
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
    grid-template-columns: repeat(auto-fill, minmax(9.5em, 1fr));
    gap: 8px;
  }
  li.figure {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface-sunken);
    min-width: 0;
  }
  .figure-label {
    color: var(--_muted);
    font-size: 0.86em;
  }
  .figure-value {
    font-size: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
`;
