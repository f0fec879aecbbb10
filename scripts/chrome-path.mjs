// Finds the Chromium/Chrome binary the tests, screenshots and benchmarks drive.
// CHROME_PATH wins, so the suite also runs on a laptop with Chrome installed elsewhere.
import { existsSync } from 'node:fs';

/** @type {string[]} */
const candidates = /** @type {string[]} */ ([
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean));

/** @returns {string | undefined} the first browser binary that exists */
export function findChrome() {
  return candidates.find((path) => existsSync(path));
}

/** Flags that let headless Chromium run as root on a machine with no outside network. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
