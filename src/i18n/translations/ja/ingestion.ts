import type { Translation } from '../../translate.js';

/** Japanese: ingestion. */
export default {} satisfies Translation;
