import { css } from 'lit';

export const trendStyles = css`
  :host {
    display: inline-flex;
    vertical-align: baseline;
  }
  [part='base'] {
    --_c: var(--pharos-trend-neutral, var(--_muted));
    display: inline-flex;
    align-items: baseline;
    gap: 2px;
    color: var(--_c);
    font-size: var(--pharos-trend-font-size, 0.86em);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part='base'][data-tone='better'] {
    --_c: var(--pharos-trend-better, var(--_ok));
  }
  [part='base'][data-tone='worse'] {
    --_c: var(--pharos-trend-worse, var(--_danger));
  }
  [part='icon'] {
    font-weight: 700;
  }
`;
