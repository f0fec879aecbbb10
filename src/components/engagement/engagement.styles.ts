import { css } from 'lit';

export const engagementStyles = css`
  .window {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.9em;
    margin-inline-start: 4px;
  }
  .body,
  section.block {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-width: 0;
  }
  section.block {
    gap: 6px;
  }
  h3 {
    font-size: 0.95em;
  }
  [part='by-type'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(6em, max-content) 1fr max-content max-content;
    gap: 4px 8px;
    align-items: center;
  }
  [part='type'] {
    /* A subgrid keeps the list-item semantics that display: contents can drop. */
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: center;
  }
  .type-label {
    overflow-wrap: anywhere;
  }
  .track {
    display: block;
    block-size: 0.7em;
    border-radius: 999px;
    background: var(--_surface-sunken);
    overflow: hidden;
  }
  .bar {
    display: block;
    inline-size: calc(var(--_share, 0) * 100%);
    block-size: 100%;
    min-inline-size: 2px;
    background: var(--pharos-engagement-bar, var(--_accent));
    border-radius: inherit;
    transition: inline-size 0.3s ease;
  }
  .type-count {
    font-variant-numeric: tabular-nums;
    text-align: end;
    font-weight: 600;
  }
  .type-share {
    font-variant-numeric: tabular-nums;
    text-align: end;
    min-inline-size: 3.5em;
  }
`;
