import { css, html, type TemplateResult } from 'lit';
import { t } from '../i18n/translate.js';

/**
 * A feature removed from this deployment (`status: "not_applicable"`): neutral, not a
 * failure, with the backend's `reason` (a standard sentence when it gave none). The element
 * must list `pharos-status-badge` among its dependencies.
 */
export function renderNotApplicable(lang: string, reason: string, subject = ''): TemplateResult {
  return html`<div class="notice state" data-tone="neutral" part="not-applicable">
    <pharos-status-badge status="not-applicable" label=${t(lang, 'Removed from this deployment')}></pharos-status-badge>
    <p>${subject ? html`<strong>${subject}</strong> ` : ''}${reason || t(lang, 'This feature is not part of this deployment.')}</p>
  </div>`;
}

/** A valid answer with nothing to show ("No method timings recorded yet"): says so instead of an empty card. */
export function renderEmpty(text: string, detail = ''): TemplateResult {
  return html`<div class="notice state" data-tone="neutral" part="empty">
    <p>${text}${detail ? html` <span class="meta">${detail}</span>` : ''}</p>
  </div>`;
}

/** Styles for the state views. */
export const stateViewStyles = css`
  .notice.state {
    justify-content: flex-start;
    align-items: center;
    flex-wrap: wrap;
  }
  .notice[data-tone='neutral'] {
    border-style: dashed;
  }
`;
