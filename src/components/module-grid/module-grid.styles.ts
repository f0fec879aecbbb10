import { css } from 'lit';

export const moduleGridStyles = css`
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
  }
  [part='filter'] {
    --_segmented-accent: var(--pharos-module-grid-accent, var(--_accent));
  }
  label.sort {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
  [part='grid'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--pharos-module-grid-card-min-width, 12em), 1fr));
    gap: 8px;
  }
  [part='grid'] > li {
    display: flex;
  }
  [part~='card'] {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 4px;
    text-align: start;
    padding: 8px 10px;
    min-height: 6.5em;
    background: var(--pharos-module-grid-card-surface, var(--_surface-sunken));
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  [part~='card'][data-alert] {
    border-color: var(--pharos-module-grid-alert, var(--_danger));
    border-width: 2px;
  }
  .card-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }
  [part='name'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .figures {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 8px;
    font-size: 0.9em;
  }
  .figures .k {
    color: var(--_muted);
  }
  .figures .v {
    font-variant-numeric: tabular-nums;
    display: inline-flex;
    gap: 6px;
    align-items: baseline;
  }
  .tags {
    display: flex;
    gap: 4px;
    flex-wrap: wrap;
    font-size: 0.8em;
  }
  [part='alert'],
  .stale-tag {
    display: inline-flex;
    gap: 3px;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid var(--_c);
    background: color-mix(in srgb, var(--_c) 12%, transparent);
  }
  [part='alert'] {
    --_c: var(--pharos-module-grid-alert, var(--_danger));
    font-weight: 600;
  }
  .stale-tag {
    --_c: var(--_neutral);
  }
  [part='empty'] {
    margin: 0;
    color: var(--_muted);
  }
  dialog[part='details'] {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    width: min(36em, calc(100vw - 2em));
    max-height: calc(100vh - 4em);
  }
  dialog[part='details']::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog .dialog-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
    margin-bottom: var(--_gap);
  }
  dialog h3 {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  dialog section + section {
    margin-top: var(--_gap);
  }
  [part='probes'] {
    --_spark-height: 40px;
  }
  [part='probes'] ol {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
    max-height: 14em;
    overflow: auto;
  }
  [part='probes'] li {
    display: grid;
    grid-template-columns: 7em 1fr max-content;
    gap: 8px;
    border-top: 1px solid var(--_border);
    padding: 2px 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[part='details'][open] {
      animation: pharos-pop 0.12s ease-out;
    }
  }
  @keyframes pharos-pop {
    from {
      opacity: 0;
      transform: translateY(4px);
    }
  }
`;
