import { html, type TemplateResult } from 'lit';

/** One tab of {@link renderTabList}. */
export interface Tab<T extends string> {
  id: T;
  label: string;
}

/**
 * An ARIA tab list with roving focus: one tab stop (the selected tab); the arrow keys
 * (wrapping), Home and End select another tab and move focus to it. Tab `x` is `#tab-x`
 * and controls `#panel-x`. Parts: `tabs` on the list, `tab` on each tab, plus
 * `tab-selected` on the selected one.
 */
export function renderTabList<T extends string>(options: { label: string; tabs: readonly Tab<T>[]; selected: T; select: (id: T) => void }): TemplateResult {
  const { label, tabs, selected, select } = options;
  const onKey = (event: KeyboardEvent) => {
    // From the tab that has focus: a second key may come before the render that follows the first.
    const focused = tabs.findIndex((t) => `tab-${t.id}` === (event.target as HTMLElement).id);
    const index = focused >= 0 ? focused : tabs.findIndex((t) => t.id === selected);
    const last = tabs.length - 1;
    const moves: Record<string, number> = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
    const target = tabs[moves[event.key] ?? -1];
    if (!target) return;
    event.preventDefault();
    select(target.id);
    // The tab is there already (only its tabindex changes): focus follows at once.
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${target.id}`)?.focus();
  };
  return html`<div part="tabs" role="tablist" aria-label=${label} @keydown=${onKey}>
    ${tabs.map(
      (t) => html`<button
        type="button"
        role="tab"
        id="tab-${t.id}"
        part=${selected === t.id ? 'tab tab-selected' : 'tab'}
        aria-selected=${selected === t.id ? 'true' : 'false'}
        aria-controls="panel-${t.id}"
        tabindex=${selected === t.id ? 0 : -1}
        @click=${() => select(t.id)}
      >
        ${t.label}
      </button>`,
    )}
  </div>`;
}
