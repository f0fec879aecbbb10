import { PharosPerformance } from './performance.component.js';

export { PharosPerformance };
PharosPerformance.define('pharos-performance');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-performance': PharosPerformance;
  }
}
