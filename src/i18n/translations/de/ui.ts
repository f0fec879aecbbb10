import type { Translation } from '../../translate.js';

/** German: ui. */
export default {} satisfies Translation;
