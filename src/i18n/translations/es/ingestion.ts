import type { Translation } from '../../translate.js';

/** Spanish: ingestion. */
export default {} satisfies Translation;
