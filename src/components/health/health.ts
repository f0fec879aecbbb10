import { PharosHealth } from './health.component.js';

export { PharosHealth };
PharosHealth.define('pharos-health');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-health': PharosHealth;
  }
}
