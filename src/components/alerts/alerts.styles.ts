import { css } from 'lit';

export const alertsStyles = css`
  :host {
    --_critical: var(--pharos-alerts-critical, var(--_danger));
    --_warning: var(--pharos-alerts-warning, var(--_warn));
    --_info: var(--pharos-alerts-info, var(--_accent));
  }
  :host([compact]) {
    display: inline-block;
    position: relative;
  }
  [data-severity='critical'] {
    --_c: var(--_critical);
  }
  [data-severity='warning'] {
    --_c: var(--_warning);
  }
  [data-severity='info'] {
    --_c: var(--_info);
  }
  [data-severity='none'],
  [data-severity='acknowledged'] {
    --_c: var(--_muted);
  }
  [data-severity='none'] {
    --_c: var(--_ok);
  }

  .counts {
    display: inline-flex;
    gap: 6px;
    flex-wrap: wrap;
    margin-inline-end: auto;
  }
  .count[data-severity='none'] {
    padding-inline-start: 8px;
  }

  [part='tabs'] {
    display: flex;
    gap: 2px;
    border-bottom: 1px solid var(--_border);
  }
  [part~='tab'] {
    border: 0;
    border-bottom: 2px solid transparent;
    border-radius: 0;
    background: none;
    padding: 6px 10px;
    color: var(--_muted);
  }
  [part~='tab-selected'] {
    color: var(--_text);
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }

  ul[part='list'],
  ul[part='silences'],
  ol[part='history'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .subheading {
    font-size: 0.95em;
    margin: 12px 0 6px;
  }
  .alert[data-silenced] {
    background: var(--_surface-sunken);
  }
  .alert:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .alert .body [part='acknowledged'],
  .alert .body [part='silenced'] {
    display: block;
  }
  dialog {
    max-width: min(34rem, calc(100vw - 2rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: 16px;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h3 {
    margin: 0 0 8px;
  }
  dialog form {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  dialog textarea,
  dialog input[type='datetime-local'] {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 6px;
  }
  dialog textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  dialog fieldset label {
    display: block;
  }
  .alert {
    display: grid;
    grid-template-columns: max-content 1fr max-content;
    gap: 4px 10px;
    align-items: start;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_c);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
  }
  .alert[data-state='acknowledged'] {
    border-inline-start-style: dashed;
    background: var(--_surface-sunken);
  }
  .alert .body {
    min-width: 0;
  }
  .alert p {
    margin: 2px 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
    justify-content: flex-end;
  }
  [part='acknowledge'][aria-disabled='true'] {
    cursor: default;
    border-style: dashed;
  }
  ol[part='history'] .alert {
    grid-template-columns: max-content 1fr;
  }
  .empty {
    margin: 0;
    color: var(--_ok);
  }
  .notice[data-tone='neutral'] {
    margin: 0;
    color: var(--_muted);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-height: 3em;
  }

  /* A subtle entry for new alerts; themeStyles turns it off for reduced motion. */
  @media (prefers-reduced-motion: no-preference) {
    ul[part='list'] .alert {
      animation: pharos-alert-in 240ms ease-out;
    }
  }
  @keyframes pharos-alert-in {
    from {
      opacity: 0;
      transform: translateY(-4px);
    }
    to {
      opacity: 1;
      transform: none;
    }
  }

  form {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    margin: 0;
    padding: 8px 10px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .rule {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding-bottom: 8px;
    border-bottom: 1px solid var(--_border);
  }
  .rule:last-child {
    border-bottom: 0;
    padding-bottom: 0;
  }
  .rule p {
    margin: 0 0 0 26px;
  }
  .toggle {
    display: flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
  }
  .tuning {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
    margin-inline-start: 26px;
  }
  .number input {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 2px 6px;
    width: auto;
  }
  .number input[aria-invalid='true'] {
    border-color: var(--_danger);
    outline: 1px solid var(--_danger);
  }
  .field-error {
    flex-basis: 100%;
    color: var(--_danger);
    font-size: 0.86em;
  }
  .field-error::before {
    content: '✕ ';
  }
  .row {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }

  /* Compact mode */
  .compact [part='summary'] {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    background: var(--_surface);
  }
  [part='panel'] {
    position: absolute;
    z-index: 10;
    top: calc(100% + 4px);
    inset-inline-end: 0;
    width: var(--pharos-alerts-panel-width, min(32em, 90vw));
    max-height: 60vh;
    overflow: auto;
    padding: 8px;
    display: flex;
    flex-direction: column;
    gap: 6px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
    box-sizing: border-box;
  }
  [part='panel'][hidden] {
    display: none;
  }
`;
