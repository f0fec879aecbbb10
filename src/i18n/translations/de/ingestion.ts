import type { Translation } from '../../translate.js';

/** German: ingestion. */
export default {} satisfies Translation;
