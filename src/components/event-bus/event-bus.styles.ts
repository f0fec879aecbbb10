import { css } from 'lit';

export const eventBusStyles = css`
  h3 {
    font-size: 0.95em;
    margin-bottom: 6px;
  }
  [part='chart'] {
    margin: 0;
  }
  [part='latency'] {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  [part='latency'] caption {
    text-align: start;
    font-weight: 600;
    font-size: 0.95em;
    margin-bottom: 4px;
  }
  [part='latency'] th,
  [part='latency'] td {
    padding: 3px 12px 3px 0;
    text-align: end;
    border-bottom: 1px solid var(--_border);
  }
  [part='latency'] th[scope='row'] {
    text-align: start;
    font-weight: normal;
    color: var(--_muted);
  }
  [part='types'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  [part='type'] {
    display: grid;
    grid-template-columns: minmax(8em, 14em) 1fr max-content;
    gap: 8px;
    align-items: center;
  }
  [part='type'] .name {
    overflow-wrap: anywhere;
  }
  .bar {
    height: 10px;
    border-radius: 999px;
    background: var(--_surface-sunken);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    width: calc(var(--_share, 0) * 100%);
    height: 100%;
    background: var(--pharos-event-bus-bar-color, var(--_accent));
  }
  [part='type'] .count {
    font-variant-numeric: tabular-nums;
  }
  .timeline-scroll {
    max-height: var(--pharos-event-bus-timeline-height, 22em);
    /* A containing block, so visually-hidden (absolute) text inside is clipped with the rest. */
    position: relative;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  [part='timeline'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='event'] {
    display: grid;
    grid-template-columns: max-content 1fr max-content;
    gap: 2px 10px;
    padding: 4px 8px;
    border-bottom: 1px solid var(--_border);
    align-items: baseline;
  }
  [part='event'] time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [part='event'] .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .priority {
    font-size: 0.8em;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid var(--_border);
  }
  .priority[data-priority='high'],
  .priority[data-priority='critical'] {
    border-color: var(--_warn);
  }
  [part='event'] details {
    grid-column: 1 / -1;
  }
  [part='event'] summary {
    cursor: pointer;
    color: var(--_muted);
    font-size: 0.86em;
  }
  [part='event-data'] {
    margin: 4px 0 0;
    padding: 6px 8px;
    background: var(--_surface-sunken);
    border-radius: 4px;
    overflow: auto;
    max-height: 16em;
    font-size: 0.85em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
