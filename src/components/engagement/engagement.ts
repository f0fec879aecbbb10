import { PharosEngagement } from './engagement.component.js';

export { PharosEngagement };
PharosEngagement.define('pharos-engagement');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-engagement': PharosEngagement;
  }
}
