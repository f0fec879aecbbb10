import type { Translation } from '../../translate.js';

/** Japanese: alerts. */
export default {} satisfies Translation;
