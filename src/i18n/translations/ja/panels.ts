import type { Translation } from '../../translate.js';

/** Japanese: panels. */
export default {} satisfies Translation;
