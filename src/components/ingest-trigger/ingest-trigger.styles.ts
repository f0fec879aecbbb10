import { css } from 'lit';

export const ingestTriggerStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  [part='input'] {
    flex: 1 1 16em;
    min-width: 0;
    font: inherit;
    color: var(--_text);
    background: var(--pharos-ingest-trigger-input-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 5px 8px;
  }
  [part='input'][aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [part='submit'] {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    background: var(--pharos-ingest-trigger-button-background, var(--_accent));
    color: var(--pharos-ingest-trigger-button-color, var(--_surface));
    border-color: transparent;
    font-weight: 600;
  }
  form p {
    margin: 0;
  }
  [part='field-error'] {
    color: var(--_danger);
  }
  .spinner {
    width: 0.9em;
    height: 0.9em;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-right-color: transparent;
    animation: pharos-spin 0.8s linear infinite;
  }
  @keyframes pharos-spin {
    to {
      transform: rotate(360deg);
    }
  }
  [part='result']:empty {
    display: none;
  }
  [part='success'] {
    border-color: var(--_ok);
  }
  .job-id {
    font-variant-numeric: tabular-nums;
    font-family: var(--pharos-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
  }
`;
