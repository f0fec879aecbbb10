import { PharosIngestQueue } from './ingest-queue.component.js';

export { PharosIngestQueue };
PharosIngestQueue.define('pharos-ingest-queue');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-ingest-queue': PharosIngestQueue;
  }
}
