import { css } from 'lit';

export const dashboardHeaderStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    padding: var(--pharos-dashboard-header-padding, 10px var(--_gap));
    background: var(--pharos-dashboard-header-surface, var(--_surface));
    border: 1px solid var(--pharos-dashboard-header-border, var(--_border));
    border-radius: var(--_radius);
  }
  .title {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1 1 12em;
  }
  [part='heading'] {
    margin: 0;
    font-size: var(--pharos-dashboard-header-heading-size, 1.15em);
    font-weight: 600;
  }
  [part='failing'] {
    color: var(--_danger);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  [part='refresh'] .spin {
    display: inline-block;
  }
  [part='refresh'][aria-busy='true'] .spin {
    animation: pharos-spin 1s linear infinite;
  }
  @keyframes pharos-spin {
    to {
      transform: rotate(360deg);
    }
  }
  [part='auto-refresh'] .track {
    width: 2em;
    height: 1.1em;
    border-radius: 999px;
    background: var(--_border);
    position: relative;
    flex: none;
  }
  [part='auto-refresh'] .track::after {
    content: '';
    position: absolute;
    top: 0.15em;
    inset-inline-start: 0.15em;
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    background: var(--_surface);
    transition: inset-inline-start 0.15s;
  }
  [part='auto-refresh'][aria-checked='true'] .track {
    background: var(--pharos-dashboard-header-accent, var(--_accent));
  }
  [part='auto-refresh'][aria-checked='true'] .track::after {
    inset-inline-start: 1.05em;
  }
  [part='countdown'] {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--_muted);
    font-size: 0.86em;
    font-variant-numeric: tabular-nums;
    min-width: 11em;
  }
  [part='ring'] {
    width: 1.3em;
    height: 1.3em;
    transform: rotate(-90deg);
    flex: none;
  }
  [part='ring'] circle {
    fill: none;
    stroke-width: 3;
  }
  [part='ring'] .back {
    stroke: var(--_border);
  }
  [part='ring'] .front {
    stroke: var(--pharos-dashboard-header-accent, var(--_accent));
  }
  [part='ranges'] {
    --_segmented-accent: var(--pharos-dashboard-header-accent, var(--_accent));
  }
`;
