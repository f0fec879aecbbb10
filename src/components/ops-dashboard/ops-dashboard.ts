import { PharosOpsDashboard } from './ops-dashboard.component.js';

export { PharosOpsDashboard };
PharosOpsDashboard.define('pharos-ops-dashboard');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-ops-dashboard': PharosOpsDashboard;
  }
}
