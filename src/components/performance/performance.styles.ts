import { css } from 'lit';

export const performanceStyles = css`
  [part='origin'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part='origin'] strong {
    color: var(--_text);
    font-weight: 600;
  }
  .header-actions {
    display: inline-flex;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  [part='charts'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr));
    gap: var(--_gap);
  }
  [part='chart'] {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    margin: 0;
  }
  [part='chart'] h3 {
    font-size: 0.95em;
  }
  [part='chart'] .meta {
    margin: 0 0 4px;
  }
  h3.group {
    grid-column: 1 / -1;
    margin-top: 4px;
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.9em;
  }
`;
