// French: one module, loaded when a page in this language first needs a string.
// Its parts follow the source's rooms; keys are the English texts (see ../translate.ts).
import type { Translation } from '../translation.js';
import ui from './fr/ui.js';
import panels from './fr/panels.js';
import alerts from './fr/alerts.js';
import ingestion from './fr/ingestion.js';
import errors from './fr/errors.js';

const strings: Translation = { ...ui, ...panels, ...alerts, ...ingestion, ...errors };
export default strings;
