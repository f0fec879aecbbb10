import type { Translation } from '../../translate.js';

/** Spanish: errors. */
export default {} satisfies Translation;
