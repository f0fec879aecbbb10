import { PharosDashboardHeader } from './dashboard-header.component.js';

export { PharosDashboardHeader };
PharosDashboardHeader.define('pharos-dashboard-header');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-dashboard-header': PharosDashboardHeader;
  }
}
