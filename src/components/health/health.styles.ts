import { css } from 'lit';

export const healthStyles = css`
  [part='base'] {
    container-type: inline-size;
  }
  [part='summary'] {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
  [part='message'] {
    margin: 0;
    color: var(--_muted);
  }
  [part='components'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: max-content max-content 1fr;
    column-gap: 12px;
  }
  [part='component'] {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: baseline;
    padding: 6px 0;
    border-top: 1px solid var(--_border);
  }
  [part='component'] .name {
    font-weight: 600;
  }
  [part='component'] .detail {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .count {
    margin-inline-start: 6px;
    white-space: nowrap;
  }
  @container (max-width: 420px) {
    [part='components'] {
      grid-template-columns: 1fr max-content;
    }
    [part='component'] .detail {
      grid-column: 1 / -1;
    }
  }
`;
