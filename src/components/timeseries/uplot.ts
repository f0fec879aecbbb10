// uPlot, imported after uplot-language.ts so that its module code never sees an unusable
// navigator.language. Import uPlot from here, never from 'uplot' directly.
import { restoreLanguage } from './uplot-language.js';
import uPlot from 'uplot';

restoreLanguage();

export default uPlot;
