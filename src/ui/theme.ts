import { css } from 'lit';

/**
 * Design tokens shared by every element. Each maps a public `--pharos-*` custom property to
 * a default that follows the colour scheme (`light-dark()`), so a page can theme all
 * elements at once, and `theme="dark"` on an element or a `<pharos-source>` forces a scheme.
 */
export const themeStyles = css`
  :host {
    color-scheme: var(--pharos-color-scheme, light dark);
    --_surface: var(--pharos-surface, light-dark(#ffffff, #161b22));
    --_surface-sunken: var(--pharos-surface-sunken, light-dark(#f4f6f8, #0d1117));
    --_text: var(--pharos-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--pharos-text-muted, light-dark(#57606a, #9198a1));
    --_border: var(--pharos-border, light-dark(#d0d7de, #30363d));
    --_accent: var(--pharos-accent, light-dark(#0969da, #4493f8));
    --_ok: var(--pharos-ok, light-dark(#1a7f37, #3fb950));
    --_warn: var(--pharos-warn, light-dark(#9a6700, #d29922));
    --_danger: var(--pharos-danger, light-dark(#cf222e, #f85149));
    --_neutral: var(--pharos-neutral, light-dark(#6e7781, #8b949e));
    --_radius: var(--pharos-radius, 8px);
    --_gap: var(--pharos-space, 12px);
    --_focus: var(--pharos-focus-ring, 2px solid var(--_accent));
    font-family: var(--pharos-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--pharos-font-size, 14px);
    line-height: 1.4;
    color: var(--_text);
    /* Text settings a page gives its own text (on body, say) stop here: a page-wide nowrap,
       letter-spacing, capitals or centring would reflow the figures and tables. */
    font-style: normal;
    font-weight: 400;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
  }
  :host([theme='light']) {
    --pharos-color-scheme: light;
  }
  :host([theme='dark']) {
    --pharos-color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* The loading skeletons' shimmer (panels and metric cards). */
  @keyframes pharos-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** Buttons and selects: one look for every control in the product. */
export const controlStyles = css`
  button,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface-sunken);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  button {
    padding: 4px 10px;
    cursor: pointer;
  }
  select {
    padding: 3px 6px;
  }
  button:hover:not(:disabled),
  select:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;

/**
 * The card frame most elements render in, with the controls' look: one look across the
 * product. A list (Lit flattens it), so each stylesheet is shared, and minified whole.
 */
export const panelStyles = [
  controlStyles,
  css`
    :host {
      display: block;
    }
    [part='base'] {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_gap);
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      min-width: 0;
      box-sizing: border-box;
      height: 100%;
    }
    [part='header'] {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
    }
    h2,
    h3 {
      margin: 0;
      font-size: 1em;
      font-weight: 600;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.86em;
    }
    .notice {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      justify-content: space-between;
      padding: 8px 10px;
      border-radius: calc(var(--_radius) - 2px);
      border: 1px solid var(--_border);
      background: var(--_surface-sunken);
    }
    .notice[data-tone='danger'] {
      border-color: var(--_danger);
    }
    .notice[data-tone='warn'] {
      border-color: var(--_warn);
    }
    .notice p {
      margin: 0;
    }
    .skeleton {
      border-radius: 4px;
      background: linear-gradient(90deg, var(--_surface-sunken) 25%, var(--_border) 50%, var(--_surface-sunken) 75%);
      background-size: 200% 100%;
      animation: pharos-shimmer 1.4s linear infinite;
      min-height: 1em;
    }
    /* Placeholder lines of falling widths (90, 75, 60, 45 %), so they read as text to come. */
    [part='skeleton'] > .skeleton {
      width: 90%;
      margin: 6px 0;
    }
    [part='skeleton'] > .skeleton:nth-child(4n + 2) {
      width: 75%;
    }
    [part='skeleton'] > .skeleton:nth-child(4n + 3) {
      width: 60%;
    }
    [part='skeleton'] > .skeleton:nth-child(4n) {
      width: 45%;
    }
    dl.fields {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 0;
    }
    dl.fields dt {
      color: var(--_muted);
    }
    dl.fields dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
];

/**
 * The status pill: an icon disc, a word, and a tinted border in the colour `--_c`. Used by
 * status badges, alert severities and job states, so they read as one family.
 */
export const pillStyles = css`
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px 1px 4px;
    border-radius: 999px;
    border: 1px solid var(--_c);
    background: color-mix(in srgb, var(--_c) 12%, transparent);
    font-size: 0.86em;
    white-space: nowrap;
  }
  .pill-icon {
    display: inline-grid;
    place-items: center;
    width: 1.3em;
    height: 1.3em;
    border-radius: 50%;
    background: var(--_c);
    color: var(--_surface);
    font-weight: 700;
    font-size: 0.85em;
  }
`;
