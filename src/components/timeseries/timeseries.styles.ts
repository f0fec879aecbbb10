import { css } from 'lit';

export const timeseriesStyles = css`
  :host {
    display: block;
    min-width: 0;
    /* Series palette: distinct in hue and lightness, readable in both schemes. */
    --_series-1: var(--pharos-timeseries-color-1, var(--_accent));
    --_series-2: var(--pharos-timeseries-color-2, light-dark(#8250df, #ab7df8));
    --_series-3: var(--pharos-timeseries-color-3, light-dark(#bc4c00, #f0883e));
    --_series-4: var(--pharos-timeseries-color-4, light-dark(#1b7c83, #39c5cf));
    --_series-5: var(--pharos-timeseries-color-5, light-dark(#bf3989, #db61a2));
    --_series-6: var(--pharos-timeseries-color-6, var(--_ok));
    --_threshold: var(--pharos-timeseries-threshold-color, var(--_danger));
    --_mark: var(--pharos-timeseries-mark-color, var(--_warn));
    --_grid: var(--pharos-timeseries-grid-color, color-mix(in srgb, var(--_border) 70%, transparent));
    --_axis: var(--pharos-timeseries-axis-color, var(--_muted));
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 12px;
  }
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  [part='legend'] li {
    display: inline-flex;
    align-items: baseline;
    gap: 6px;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 3px;
    border-radius: 2px;
    background: var(--_swatch, currentColor);
    align-self: center;
  }
  .legend-value {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .actions {
    display: inline-flex;
    gap: 6px;
  }
  button {
    font: inherit;
    font-size: 0.86em;
    color: inherit;
    background: var(--_surface-sunken);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 2px 8px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_accent);
  }
  button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .frame {
    position: relative;
    min-width: 0;
    overflow: hidden;
  }
  [part='plot'] {
    border-radius: 4px;
  }
  [part='plot']:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .uplot {
    font-family: inherit;
    width: auto;
    /* Time runs left to right on a right-to-left page too, as in Grafana and the OS's charts. */
    direction: ltr;
  }
  .u-legend {
    display: none;
  }
  [part='tooltip'] {
    position: absolute;
    pointer-events: none;
    z-index: 2;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 4px 8px;
    font-size: 0.86em;
    white-space: nowrap;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  }
  [part='tooltip'] .time {
    color: var(--_muted);
  }
  [part='empty'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: var(--_muted);
    pointer-events: none;
  }
  .table-wrap {
    /* A containing block, so visually-hidden (absolute) text inside is clipped with the rest. */
    position: relative;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    padding: 4px 8px;
    color: var(--_muted);
    caption-side: bottom;
  }
  th,
  td {
    padding: 3px 8px;
    text-align: end;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  th:first-child,
  td:first-child {
    text-align: start;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface-sunken);
  }
  .probe {
    display: none;
  }
`;
