// Spanish: one module, loaded when a page in this language first needs a string.
// Its parts follow the source's rooms; keys are the English texts (see ../translate.ts).
import type { Translation } from '../translation.js';
import ui from './es/ui.js';
import panels from './es/panels.js';
import alerts from './es/alerts.js';
import ingestion from './es/ingestion.js';
import errors from './es/errors.js';

const strings: Translation = { ...ui, ...panels, ...alerts, ...ingestion, ...errors };
export default strings;
