import type { Translation } from '../../translate.js';

/** German: errors. */
export default {} satisfies Translation;
