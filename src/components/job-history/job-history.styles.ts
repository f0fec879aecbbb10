import { css } from 'lit';

export const jobHistoryStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  [part='table-wrap'] {
    /* A containing block, so visually-hidden (absolute) text inside is clipped with the rest. */
    position: relative;
    overflow: auto;
    max-height: var(--pharos-job-history-max-height, 32em);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 6px 8px;
    border-top: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.9em;
    border-top: none;
    border-bottom: 1px solid var(--_border);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part='repo'] {
    overflow-wrap: anywhere;
  }
  details {
    margin-top: 4px;
    font-size: 0.9em;
  }
  summary {
    cursor: pointer;
    color: var(--_muted);
  }
  details dl {
    margin: 4px 0 0;
  }
  .unknown {
    color: var(--_muted);
  }
  .actions {
    white-space: nowrap;
    display: flex;
    gap: 4px;
    justify-content: flex-end;
  }
  .confirm td {
    border-top: none;
    background: var(--_surface-sunken);
  }
  .confirm-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .confirm-box p {
    margin: 0;
  }
  [part='confirm'] {
    background: var(--_accent);
    color: var(--_surface);
    border-color: transparent;
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [part='action-result']:empty {
    display: none;
  }
`;
