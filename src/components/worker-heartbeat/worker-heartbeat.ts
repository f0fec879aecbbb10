import { PharosWorkerHeartbeat } from './worker-heartbeat.component.js';

export { PharosWorkerHeartbeat };
PharosWorkerHeartbeat.define('pharos-worker-heartbeat');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-worker-heartbeat': PharosWorkerHeartbeat;
  }
}
