import type { Translation } from '../../translate.js';

/** Japanese: errors. */
export default {} satisfies Translation;
