import type { Translation } from '../../translate.js';

/** Spanish: alerts. */
export default {} satisfies Translation;
