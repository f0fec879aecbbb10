import { css } from 'lit';

export const ingestQueueStyles = css`
  [part='bar'] {
    display: flex;
    height: var(--pharos-ingest-queue-bar-height, 14px);
    border-radius: 4px;
    overflow: hidden;
    background: var(--_surface-sunken);
    gap: 2px;
  }
  .segment {
    background: var(--_c);
    min-width: 4px;
  }
  /* A pattern on failed and unknown, so the bar does not rest on colour alone. */
  .segment[data-status='failed'],
  .segment[data-status='unknown'] {
    background-image: repeating-linear-gradient(45deg, transparent 0 3px, color-mix(in srgb, var(--_surface) 55%, transparent) 3px 5px);
  }
  [part='counts'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
  }
  [part='count'] {
    display: inline-flex;
    align-items: baseline;
    gap: 6px;
  }
  [part='count-value'] {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    font-size: 1.2em;
  }
  [part='queue-size'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    margin: 0;
  }
  meter {
    width: min(14em, 100%);
  }
  .total {
    margin: 0;
  }
`;
