import { PharosIngestTrigger } from './ingest-trigger.component.js';

export { PharosIngestTrigger };
PharosIngestTrigger.define('pharos-ingest-trigger');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-ingest-trigger': PharosIngestTrigger;
  }
}
