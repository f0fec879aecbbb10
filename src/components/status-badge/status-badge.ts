import { PharosStatusBadge } from './status-badge.component.js';

export { PharosStatusBadge };
PharosStatusBadge.define('pharos-status-badge');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-status-badge': PharosStatusBadge;
  }
}
