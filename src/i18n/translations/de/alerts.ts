import type { Translation } from '../../translate.js';

/** German: alerts. */
export default {} satisfies Translation;
