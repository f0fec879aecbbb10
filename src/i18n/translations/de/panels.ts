import type { Translation } from '../../translate.js';

/** German: panels. */
export default {} satisfies Translation;
