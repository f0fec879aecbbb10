import type { Translation } from '../../translate.js';

/** French: alerts. */
export default {} satisfies Translation;
