import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/translate.js';

/**
 * What an action element shows in place of its form on a read-only view of the backend (a
 * Pharos relay, which holds no right to act): `what` names the action, in English marked with
 * `translatable` (e.g. "Repositories are queued"), or already in `lang`.
 */
export function renderReadOnlyNotice(lang: string, what: string): TemplateResult {
  return html`<p class="notice" part="read-only" role="note"><strong>${t(lang, 'Read-only view.')}</strong> ${t(lang, '{0} where people sign in to Pharos.', t(lang, what))}</p>`;
}
