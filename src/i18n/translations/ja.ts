// Japanese: one module, loaded when a page in this language first needs a string.
// Its parts follow the source's rooms; keys are the English texts (see ../translate.ts).
import type { Translation } from '../translation.js';
import ui from './ja/ui.js';
import panels from './ja/panels.js';
import alerts from './ja/alerts.js';
import ingestion from './ja/ingestion.js';
import errors from './ja/errors.js';

const strings: Translation = { ...ui, ...panels, ...alerts, ...ingestion, ...errors };
export default strings;
