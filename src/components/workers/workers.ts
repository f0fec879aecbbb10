import { PharosWorkers } from './workers.component.js';

export { PharosWorkers };
PharosWorkers.define('pharos-workers');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-workers': PharosWorkers;
  }
}
