import { css } from 'lit';

export const mlModelsStyles = css`
  section.model {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding-top: 8px;
    border-top: 1px solid var(--_border);
    min-width: 0;
  }
  .status-line {
    display: flex;
    gap: 8px;
    align-items: baseline;
    flex-wrap: wrap;
  }
  .status-line .message {
    overflow-wrap: anywhere;
  }
  [part='hint'] {
    margin: 0;
  }
`;
