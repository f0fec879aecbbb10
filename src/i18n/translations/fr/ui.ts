import type { Translation } from '../../translate.js';

/** French: ui. */
export default {} satisfies Translation;
