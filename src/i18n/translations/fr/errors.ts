import type { Translation } from '../../translate.js';

/** French: errors. */
export default {} satisfies Translation;
