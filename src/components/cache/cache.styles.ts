import { css } from 'lit';

export const cacheStyles = css`
  [part='chart'] {
    margin: 0;
  }
  h3 {
    font-size: 0.95em;
  }
`;
