import { css } from 'lit';

export const databaseStyles = css`
  [part='summary'] {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  [part='type'] {
    font-weight: 600;
  }
  [part='pool'] {
    display: grid;
    gap: 6px;
  }
  [part='gauge'] {
    --_c: var(--pharos-database-gauge-color, var(--_ok));
    display: grid;
    gap: 4px;
  }
  [part='gauge'][data-level='warning'] {
    --_c: var(--pharos-database-gauge-warn, var(--_warn));
  }
  [part='gauge'][data-level='critical'] {
    --_c: var(--pharos-database-gauge-danger, var(--_danger));
  }
  .gauge-track {
    position: relative;
    height: 12px;
    border-radius: 999px;
    background: var(--_surface-sunken);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .gauge-fill {
    width: calc(var(--_fill, 0) * 100%);
    height: 100%;
    background: var(--_c);
  }
  .gauge-mark {
    position: absolute;
    top: 0;
    bottom: 0;
    inset-inline-start: calc(var(--_at) * 100%);
    width: 1px;
    background: var(--_text);
    opacity: 0.4;
  }
  .gauge-text {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
    font-variant-numeric: tabular-nums;
  }
  .gauge-text strong {
    font-size: 1.2em;
  }
  [part='warnings'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  [part='warning'] {
    display: grid;
    gap: 2px;
    padding: 6px 8px;
    border-radius: calc(var(--_radius) - 2px);
    border: 1px solid var(--_warn);
    background: var(--_surface-sunken);
  }
  [part='warning'] p {
    margin: 0;
  }
  [part='chart'] {
    margin: 0;
  }
  h3 {
    font-size: 0.95em;
  }
`;
