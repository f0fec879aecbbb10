import { css } from 'lit';

export const workersStyles = css`
  [part='unreachable'][data-tone='danger'] {
    border-color: var(--pharos-workers-unreachable, var(--_danger));
  }
  .unreachable-text {
    display: flex;
    flex-direction: column;
    gap: 4px;
    align-items: flex-start;
    min-width: 0;
  }
  .unreachable-text p {
    overflow-wrap: anywhere;
  }
  .table-wrap {
    /* A containing block, so visually-hidden (absolute) text inside is clipped with the rest. */
    position: relative;
    overflow-x: auto;
  }
  [part~='workers'] tbody th {
    overflow-wrap: normal;
    font-family: var(--pharos-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.92em;
  }
  [part~='workers'] .host {
    white-space: nowrap;
  }
  [part='retry'] {
    white-space: nowrap;
  }
  .worker-details {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  [part='details'] summary {
    cursor: pointer;
    color: var(--_accent);
    overflow-wrap: anywhere;
  }
  .mono {
    font-family: var(--pharos-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.92em;
  }
  [part='details'] dl {
    margin-top: 4px;
    font-size: 0.9em;
  }
`;
