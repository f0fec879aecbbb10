// German: one module, loaded when a page in this language first needs a string.
// Its parts follow the source's rooms; keys are the English texts (see ../translate.ts).
import type { Translation } from '../translation.js';
import ui from './de/ui.js';
import panels from './de/panels.js';
import alerts from './de/alerts.js';
import ingestion from './de/ingestion.js';
import errors from './de/errors.js';

const strings: Translation = { ...ui, ...panels, ...alerts, ...ingestion, ...errors };
export default strings;
