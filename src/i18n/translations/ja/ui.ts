import type { Translation } from '../../translate.js';

/** Japanese: ui. */
export default {} satisfies Translation;
