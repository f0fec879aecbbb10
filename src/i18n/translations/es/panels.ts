import type { Translation } from '../../translate.js';

/** Spanish: panels. */
export default {} satisfies Translation;
