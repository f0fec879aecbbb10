import { html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { t } from '../../i18n/translate.js';
import { langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { pillStyles, themeStyles } from '../../ui/theme.js';
import { STATUS_LOOK, toBadgeStatus, type BadgeStatus } from '../../ui/status.js';

/**
 * A status shown by icon, word and colour together, so it never relies on colour alone.
 *
 * @tag pharos-status-badge
 * @summary Healthy / degraded / down / unknown / not applicable badge.
 *
 * @csspart base - The badge.
 * @csspart icon - The status icon.
 * @csspart label - The status word.
 *
 * @cssprop --pharos-status-badge-ok - Colour of healthy (defaults to `--pharos-ok`).
 * @cssprop --pharos-status-badge-warn - Colour of degraded (defaults to `--pharos-warn`).
 * @cssprop --pharos-status-badge-danger - Colour of down (defaults to `--pharos-danger`).
 * @cssprop --pharos-status-badge-neutral - Colour of not applicable and unknown (defaults to `--pharos-neutral`).
 *
 * @example
 * <pharos-status-badge status="degraded"></pharos-status-badge>
 */
export class PharosStatusBadge extends PharosElement {
  static override styles = [
    themeStyles,
    pillStyles,
    css`
      :host {
        display: inline-flex;
        vertical-align: middle;
      }
      [part='base'] {
        --_c: var(--pharos-status-badge-neutral, var(--_neutral));
        color: var(--_text);
      }
      [part='base'][data-tone='ok'] {
        --_c: var(--pharos-status-badge-ok, var(--_ok));
      }
      [part='base'][data-tone='warn'] {
        --_c: var(--pharos-status-badge-warn, var(--_warn));
      }
      [part='base'][data-tone='danger'] {
        --_c: var(--pharos-status-badge-danger, var(--_danger));
      }
    `,
  ];

  /**
   * The status: `healthy`, `degraded`, `down`, `unknown` or `not-applicable`. Backend words
   * (`unhealthy`, `not_applicable`, `online`, `failed`, …) are mapped onto these.
   */
  @property({ reflect: true }) status: string = 'unknown';

  /** Replaces the status word (e.g. "Removed from this deployment"); the status stays in the accessible name. */
  @property() label?: string;

  /** The normalised status. */
  get normalizedStatus(): BadgeStatus {
    return (Object.keys(STATUS_LOOK) as BadgeStatus[]).includes(this.status as BadgeStatus)
      ? (this.status as BadgeStatus)
      : toBadgeStatus(this.status);
  }

  override render() {
    const look = STATUS_LOOK[this.normalizedStatus];
    const word = t(langOf(this), look.label);
    const text = this.label ?? word;
    return html`<span part="base" class="pill" data-tone=${look.tone} role="img" aria-label=${text === word ? text : `${word}: ${text}`}>
      <span part="icon" class="pill-icon" aria-hidden="true">${look.icon}</span><span part="label" aria-hidden="true">${text}</span>
    </span>`;
  }
}
