import { PharosTrend } from './trend.component.js';

export { PharosTrend };
PharosTrend.define('pharos-trend');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-trend': PharosTrend;
  }
}
