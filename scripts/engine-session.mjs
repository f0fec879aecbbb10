// @ts-check
// One page in a fresh browser, the same way for the three engines, for scripts that open a
// page and read something back (benchmarks): Chromium and Firefox ESR through puppeteer-core
// (Firefox over WebDriver BiDi), WebKitGTK's MiniBrowser through classic WebDriver. Each
// `openPage` launches a new browser with a new profile, so every page loads cold: no HTTP
// or code cache, no open connections, no preflight cache. Finding the binaries and
// starting WebKitWebDriver under Xvfb is scripts/browsers.mjs's job.
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { ENGINES, findFirefox, findWebKit, startWebKitDriver, webkitCapabilities } from './browsers.mjs';
import { chromeArgs, findChrome } from './chrome-path.mjs';

/** @typedef {keyof typeof ENGINES} EngineName */

/**
 * A page in a browser of its own.
 * @typedef {object} EnginePage
 * @property {(url: string) => Promise<void>} goto navigates and waits for the load event
 * @property {(expression: string) => Promise<unknown>} evaluate the value of a JavaScript
 *   expression in the page (JSON-serialisable values only)
 * @property {() => Promise<void>} close closes the browser
 */

/**
 * An engine ready to open pages: for WebKit, WebKitWebDriver (and Xvfb) started once,
 * since each page is a new WebDriver session (a new MiniBrowser) anyway.
 * @typedef {object} Engine
 * @property {EngineName} name
 * @property {(options?: { width?: number, height?: number }) => Promise<EnginePage>} openPage
 *   a new browser, a fresh profile, one blank page of that viewport size
 * @property {() => void} stop stops what `startEngine` started
 */

/**
 * Starts an engine; throws with the install hint when it is not installed.
 * @param {EngineName} name
 * @returns {Promise<Engine>}
 */
export async function startEngine(name) {
  if (!ENGINES[name].found()) throw new Error(`${name} is not installed: ${ENGINES[name].install}.`);
  if (name === 'webkit') {
    const webkit = /** @type {NonNullable<ReturnType<typeof findWebKit>>} */ (findWebKit());
    // WebKitGTK takes navigator.language from the locale: without one it is "C", which
    // Intl rejects. C.UTF-8 is there on every Debian; pages that care set their own lang.
    if (!process.env.LANG) process.env.LANG = 'C.UTF-8';
    const driver = await startWebKitDriver(webkit);
    return { name, openPage: (size) => openWebKit(driver.port, webkit.miniBrowser, size), stop: driver.stop };
  }
  return { name, openPage: (size) => openPuppeteer(name, size), stop: () => {} };
}

/**
 * @param {'chromium' | 'firefox'} name
 * @param {{ width?: number, height?: number }} [size]
 * @returns {Promise<EnginePage>}
 */
async function openPuppeteer(name, { width = 1280, height = 900 } = {}) {
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({ executablePath: findChrome(), headless: true, args: [...chromeArgs, `--window-size=${width},${height}`] })
      : await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport({ width, height });
    return {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load', timeout: 60_000 })),
      evaluate: (expression) => page.evaluate(expression),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * @param {number} port WebKitWebDriver's
 * @param {string} miniBrowser
 * @param {{ width?: number, height?: number }} [size]
 * @returns {Promise<EnginePage>}
 */
async function openWebKit(port, miniBrowser, { width = 1280, height = 900 } = {}) {
  const browser = await remote({ hostname: '127.0.0.1', port, logLevel: 'error', capabilities: webkitCapabilities(miniBrowser) });
  try {
    // Classic WebDriver sizes the window: add the browser's own chrome to the viewport.
    const [innerW, innerH] = /** @type {[number, number]} */ (await browser.execute('return [innerWidth, innerHeight]'));
    const outer = await browser.getWindowSize();
    await browser.setWindowSize(width + outer.width - innerW, height + outer.height - innerH);
    return {
      goto: async (url) => void (await browser.url(url)),
      evaluate: (expression) => browser.execute(`return (${expression});`),
      close: async () => {
        await browser.deleteSession().catch(() => {});
      },
    };
  } catch (error) {
    await browser.deleteSession().catch(() => {});
    throw error;
  }
}
