import type { Translation } from '../../translate.js';

/** French: ingestion. */
export default {} satisfies Translation;
