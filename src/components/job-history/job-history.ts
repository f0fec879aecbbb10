import { PharosJobHistory } from './job-history.component.js';

export { PharosJobHistory };
export type { JobAction, JobFilter } from './job-history.component.js';
PharosJobHistory.define('pharos-job-history');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-job-history': PharosJobHistory;
  }
}
