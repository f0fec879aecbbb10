// The hostile page's script: its error log and globals first, then the whole library from
// source. The test reads `window.hostilePage`.
import { errors } from './record-errors.js';
import { seen } from './hostile-globals.js';
import '../../src/index.js';

/** What the page offers the test in its parent window. */
export interface HostilePage {
  seen: typeof seen;
  /** Everything the page reported as an error. */
  errors: string[];
}

(window as unknown as { hostilePage: HostilePage }).hostilePage = { seen, errors };
