import { html, type TemplateResult } from 'lit';

/**
 * What an action element shows in place of its form on a read-only view of the backend (a
 * Pharos relay, which holds no right to act): `what` names the action, e.g. "Repositories are queued".
 */
export function renderReadOnlyNotice(what: string): TemplateResult {
  return html`<p class="notice" part="read-only" role="note"><strong>Read-only view.</strong> ${what} where people sign in to Pharos.</p>`;
}
