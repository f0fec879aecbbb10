import { css } from 'lit';

export const performanceSummaryStyles = css`
  :host {
    --_perf-warn: var(--pharos-performance-summary-warning, var(--_warn));
  }
  section.block {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  h3 {
    font-size: 0.95em;
  }
  [part='warnings'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  [part='warning'] {
    display: flex;
    gap: 8px;
    align-items: baseline;
    padding: 4px 8px;
    border-inline-start: 3px solid var(--_perf-warn);
    background: var(--_surface-sunken);
    overflow-wrap: anywhere;
  }
  .table-wrap {
    /* A containing block, so visually-hidden (absolute) text inside is clipped with the rest. */
    position: relative;
    overflow-x: auto;
  }
  [part='timings'] [data-column='name'],
  [part='timings'] tbody th {
    font-family: var(--pharos-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.92em;
  }
`;
