import { css } from 'lit';

export const sparseEmbeddingsStyles = css`
  form,
  fieldset {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  label .meta {
    font-weight: normal;
  }
  form p {
    margin: 0 0 6px;
  }
  textarea,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 5px 8px;
    box-sizing: border-box;
    max-width: 100%;
  }
  textarea {
    resize: vertical;
    min-height: 4em;
    font-family: var(--pharos-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
  }
  input {
    width: 8em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
  }
  .buttons {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  .primary {
    background: var(--pharos-sparse-embeddings-button-background, var(--_accent));
    color: var(--pharos-sparse-embeddings-button-color, var(--_surface));
    border-color: transparent;
    font-weight: 600;
  }
  [part='confirm'] {
    flex-direction: column;
    align-items: stretch;
  }
  [part='progress'] {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  [part='progress'] p {
    margin: 0;
  }
  progress {
    width: 100%;
  }
  [part='elapsed'] {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  [part='result'][data-outcome='completed'] {
    border-color: var(--_ok);
  }
  .id {
    font-family: var(--pharos-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    overflow-wrap: anywhere;
  }
  [part='last-run'] h3 {
    margin-bottom: 4px;
  }
`;
