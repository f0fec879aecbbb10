import { PharosPerformanceSummary } from './performance-summary.component.js';

export { PharosPerformanceSummary };
PharosPerformanceSummary.define('pharos-performance-summary');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-performance-summary': PharosPerformanceSummary;
  }
}
