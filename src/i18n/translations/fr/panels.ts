import type { Translation } from '../../translate.js';

/** French: panels. */
export default {} satisfies Translation;
