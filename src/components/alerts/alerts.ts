import { PharosAlerts } from './alerts.component.js';

export { PharosAlerts };
PharosAlerts.define('pharos-alerts');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-alerts': PharosAlerts;
  }
}
