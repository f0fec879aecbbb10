import type { Translation } from '../../translate.js';

/** Spanish: ui. */
export default {} satisfies Translation;
