import { css } from 'lit';

export const workerHeartbeatStyles = css`
  :host {
    --_hb-online: var(--pharos-worker-heartbeat-online, var(--_ok));
    --_hb-degraded: var(--pharos-worker-heartbeat-degraded, var(--_warn));
    --_hb-offline: var(--pharos-worker-heartbeat-offline, var(--_danger));
    --_hb-no-answer: var(--pharos-worker-heartbeat-no-answer, var(--_neutral));
    --_hb-size: var(--pharos-worker-heartbeat-pulse-size, 44px);
  }
  [data-state='online'] {
    --_c: var(--_hb-online);
  }
  [data-state='degraded'] {
    --_c: var(--_hb-degraded);
  }
  [data-state='offline'] {
    --_c: var(--_hb-offline);
  }
  [data-state='unknown'],
  [data-state='no-answer'] {
    --_c: var(--_hb-no-answer);
  }
  [part='liveness'] {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  .liveness-text {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  [part='summary'] {
    margin: 0;
  }
  [part='age'] {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  /* The heartbeat: a core that beats and rings that spread from it. */
  [part='pulse'] {
    position: relative;
    flex: none;
    width: var(--_hb-size);
    height: var(--_hb-size);
  }
  .core,
  .ring {
    position: absolute;
    border-radius: 50%;
  }
  .core {
    inset: 30%;
    background: var(--_c);
  }
  .ring {
    inset: 0;
    border: 2px solid var(--_c);
    opacity: 0;
  }
  [part='pulse'][data-state='online'] .core {
    animation: pharos-hb-beat 1.2s ease-in-out infinite;
  }
  [part='pulse'][data-state='online'] .ring {
    animation: pharos-hb-ring 1.2s ease-out infinite;
  }
  /* Degraded: a slow, dim beat. */
  [part='pulse'][data-state='degraded'] .core {
    opacity: 0.55;
    animation: pharos-hb-beat 3.6s ease-in-out infinite;
  }
  [part='pulse'][data-state='degraded'] .ring {
    animation: pharos-hb-ring 3.6s ease-out infinite;
  }
  /* Offline or unknown: no beat, a hollow core. */
  [part='pulse'][data-state='offline'] .core,
  [part='pulse'][data-state='unknown'] .core {
    background: transparent;
    border: 2px solid var(--_c);
  }
  @keyframes pharos-hb-beat {
    0%,
    100% {
      transform: scale(1);
    }
    15% {
      transform: scale(1.25);
    }
    30% {
      transform: scale(0.95);
    }
  }
  @keyframes pharos-hb-ring {
    0% {
      transform: scale(0.4);
      opacity: 0.9;
    }
    70%,
    100% {
      transform: scale(1);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='pulse'] .core,
    [part='pulse'] .ring {
      animation: none !important;
    }
  }

  [part='timeline'] {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  [part='timeline'] figcaption {
    font-weight: 600;
  }
  [part='timeline-bar'] {
    display: block;
    width: 100%;
    height: 24px;
    background: var(--_surface-sunken);
    border-radius: 4px;
  }
  /* Height carries the state too, so it does not rest on colour alone. */
  .seg {
    fill: var(--_c);
  }
  .seg[data-state='online'] {
    fill: var(--_hb-online);
  }
  .seg[data-state='degraded'] {
    fill: var(--_hb-degraded);
  }
  .seg[data-state='offline'] {
    fill: var(--_hb-offline);
  }
  .seg[data-state='no-answer'] {
    fill: var(--_hb-no-answer);
  }
  .beat {
    stroke: var(--_text);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .swatch {
    display: inline-block;
    width: 10px;
    background: var(--_c);
    margin-inline-end: 4px;
    vertical-align: baseline;
  }
  .swatch.beat {
    height: 10px;
    width: 2px;
    background: var(--_text);
  }

  [part='cloud'] {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  [part='cloud'] ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  /* Wraps on narrow cards instead of overflowing (a long badge plus the detail). */
  [part='service'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: baseline;
  }
  [part='service'] > :first-child {
    min-width: 8em;
  }
  [part='service'] .detail {
    flex: 1 1 12em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  h4 {
    margin: 4px 0 0;
    font-size: 0.9em;
    font-weight: 600;
    color: var(--_muted);
  }
`;
