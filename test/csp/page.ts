// The script of the strict-CSP page: records every policy violation from the first moment,
// then loads the whole library from source. The test reads `window.cspPage`.
import './record-violations.js';
import '../../src/index.js';
import { violations } from './record-violations.js';

/** What the page offers the test in its parent window. */
export interface CspPage {
  /** Every `securitypolicyviolation` seen on this page so far. */
  violations: SecurityPolicyViolationEvent[];
}

(window as unknown as { cspPage: CspPage }).cspPage = { violations };
