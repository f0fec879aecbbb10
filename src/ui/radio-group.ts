import { css, html, nothing, type TemplateResult } from 'lit';

/** One option of {@link renderRadioGroup}. */
export interface RadioOption<V extends string> {
  value: V;
  /** Visible text. */
  label: string | TemplateResult;
  /** Accessible name when the visible text is terse (e.g. "Last 6 hours" for "6h"). */
  ariaLabel?: string;
}

/** What {@link renderRadioGroup} draws. */
export interface RadioGroupOptions<V extends string> {
  /** Accessible name of the group. */
  label: string;
  options: readonly RadioOption<V>[];
  selected: V;
  /** Selects a value; return `false` when the selection was refused (the focus then stays). */
  onSelect(value: V): boolean | void;
  /** Part of the group. */
  part: string;
  /** Part of each option (default `<part>-option`); the selected one also gets `<option part>-selected`. */
  optionPart?: string;
}

/**
 * A segmented control that behaves as an ARIA radio group: one tab stop (roving
 * `tabindex`), arrow keys move the selection (wrapping), Home/End jump to the ends, and the
 * focus follows the selection. Shared by the dashboard header and the module grid.
 */
export function renderRadioGroup<V extends string>(o: RadioGroupOptions<V>): TemplateResult {
  const optionPart = o.optionPart ?? `${o.part}-option`;
  const selected = Math.max(0, o.options.findIndex((opt) => opt.value === o.selected));
  const onKey = (event: KeyboardEvent) => {
    const last = o.options.length - 1;
    const group = event.currentTarget as HTMLElement;
    const radios = [...group.querySelectorAll<HTMLElement>('[role=radio]')];
    // From the option that has focus: a second key may come before the render that follows the first.
    const from = radios.indexOf(event.target as HTMLElement);
    const index = from >= 0 ? from : selected;
    const moves: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowDown: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      ArrowUp: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // Focus moves with the selection (the option's tabindex follows on the next render).
    if (o.onSelect(o.options[target]!.value) !== false) radios[target]?.focus();
  };
  return html`<div class="segmented" part=${o.part} role="radiogroup" aria-label=${o.label} @keydown=${onKey}>
    ${o.options.map((opt, i) => {
      const checked = i === selected;
      return html`<button
        type="button"
        role="radio"
        part=${checked ? `${optionPart} ${optionPart}-selected` : optionPart}
        data-value=${opt.value}
        aria-checked=${checked ? 'true' : 'false'}
        aria-label=${opt.ariaLabel ?? nothing}
        tabindex=${checked ? 0 : -1}
        @click=${() => o.onSelect(opt.value)}
      >
        ${opt.label}
      </button>`;
    })}
  </div>`;
}

/** Styles for {@link renderRadioGroup}; `--_segmented-accent` colours the selected option. */
export const radioGroupStyles = css`
  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    overflow: hidden;
  }
  .segmented > [role='radio'] {
    font: inherit;
    color: inherit;
    border: none;
    border-radius: 0;
    background: transparent;
    padding: 4px 10px;
    cursor: pointer;
  }
  .segmented > [role='radio'] + [role='radio'] {
    border-inline-start: 1px solid var(--_border);
  }
  .segmented > [role='radio'][aria-checked='true'] {
    background: var(--_segmented-accent, var(--_accent));
    color: var(--_surface);
    font-weight: 600;
  }
  .segmented > [role='radio']:focus-visible {
    outline: var(--_focus);
    outline-offset: -3px;
  }
`;
