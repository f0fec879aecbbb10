import { css } from 'lit';

export const metricCardStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  [part='base'] {
    background: var(--pharos-metric-card-surface, var(--_surface));
    border: 1px solid var(--pharos-metric-card-border, var(--_border));
    border-radius: var(--_radius);
    padding: var(--pharos-metric-card-padding, 10px 12px);
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
    height: 100%;
    box-sizing: border-box;
  }
  [part='base'][data-anomaly] {
    border-color: var(--pharos-metric-card-anomaly, var(--_warn));
  }
  [part='label'] {
    color: var(--_muted);
    font-size: 0.86em;
    overflow-wrap: anywhere;
  }
  .row {
    display: flex;
    align-items: baseline;
    gap: 6px;
    flex-wrap: wrap;
    min-height: 1.6em;
  }
  [part='value'] {
    font-size: var(--pharos-metric-card-value-size, 1.6em);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
    overflow-wrap: anywhere;
  }
  [part='value'][data-missing] {
    color: var(--_muted);
  }
  [part='unit'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .marks {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
  }
  .marks:empty {
    display: none;
  }
  [part='stale'],
  [part='anomaly'] {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    font-size: 0.8em;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid var(--_c);
    background: color-mix(in srgb, var(--_c) 12%, transparent);
  }
  [part='stale'] {
    --_c: var(--pharos-metric-card-stale, var(--_neutral));
  }
  [part='anomaly'] {
    --_c: var(--pharos-metric-card-anomaly, var(--_warn));
  }
  [part='sparkline'] {
    --_spark-height: var(--pharos-metric-card-sparkline-height, 28px);
    --_spark-color: var(--pharos-metric-card-sparkline-color, var(--_accent));
    min-height: var(--_spark-height);
  }
  .skeleton {
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_surface-sunken) 25%, var(--_border) 50%, var(--_surface-sunken) 75%);
    background-size: 200% 100%;
    animation: pharos-shimmer 1.4s linear infinite;
    height: 1.6em;
    width: 60%;
  }
`;
