import { css } from 'lit';

/**
 * A 12-column grid for 1920 px screens first; two columns on tablets; one read-only
 * column on phones (actions hidden). Container queries, so the dashboard adapts to the
 * space it is given inside a host app, not just to the window.
 */
export const opsDashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--pharos-ops-dashboard-background, transparent);
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_gap) * 1.5);
  }
  section {
    display: grid;
    grid-template-columns: repeat(12, minmax(0, 1fr));
    gap: var(--_gap);
    align-items: stretch;
  }
  section > h2 {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 1.05em;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  section > * {
    min-width: 0;
  }
  /* Short cards stacked in one column beside a tall one, instead of stretched. */
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .stack > :last-child {
    flex: 1;
  }
  .s3 { grid-column: span 3; }
  .s4 { grid-column: span 4; }
  .s5 { grid-column: span 5; }
  .s6 { grid-column: span 6; }
  .s7 { grid-column: span 7; }
  .s8 { grid-column: span 8; }
  .s12 { grid-column: 1 / -1; }

  /* Laptops: fewer, wider columns. */
  @container (max-width: 1400px) {
    .s3, .s4 { grid-column: span 6; }
    .s5, .s7 { grid-column: span 6; }
    .s8 { grid-column: 1 / -1; }
  }
  /* Tablets: two columns, wide elements full width. */
  @container (max-width: 1000px) {
    .s3, .s4, .s5, .s6, .s7 { grid-column: span 6; }
    .wide { grid-column: 1 / -1; }
  }
  /* Phones: one read-only column. */
  @container (max-width: 640px) {
    section > * { grid-column: 1 / -1 !important; }
    .action { display: none; }
  }
`;
