// @ts-check
// The three engines the suite runs in, each from Debian's packages: Chromium, Firefox ESR
// (puppeteer-core over WebDriver BiDi) and WebKitGTK's MiniBrowser (WebKitWebDriver).
// Each can be pointed elsewhere with an environment variable, for a developer's laptop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './free-port.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { chromeArgs, findChrome } from './chrome-path.mjs';

/** @param {(string | undefined)[]} paths @returns {string | undefined} */
const firstExisting = (paths) => /** @type {string[]} */ (paths.filter(Boolean)).find((p) => existsSync(p));

/** @returns {string | undefined} */
export const findFirefox = () => firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);

/** @returns {{ driver: string, miniBrowser: string, xvfb: string | undefined } | undefined} */
export function findWebKit() {
  const driver = firstExisting([process.env.WEBKIT_WEBDRIVER, '/usr/bin/WebKitWebDriver']);
  const miniBrowser = firstExisting([
    process.env.MINIBROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  ]);
  // MiniBrowser has no headless mode: without a DISPLAY it needs Xvfb.
  const xvfb = firstExisting(['/usr/bin/Xvfb']);
  if (!driver || !miniBrowser || (!process.env.DISPLAY && !xvfb)) return undefined;
  return { driver, miniBrowser, xvfb };
}

/** Every engine by name: how to find it, and what to do when it is missing. */
export const ENGINES = {
  chromium: { found: () => !!findChrome(), install: 'apt-get install chromium (or set CHROME_PATH to Chrome)' },
  firefox: { found: () => !!findFirefox(), install: 'apt-get install firefox-esr (or set FIREFOX_PATH)' },
  webkit: { found: () => !!findWebKit(), install: 'apt-get install webkit2gtk-driver xvfb xauth (or set WEBKIT_WEBDRIVER and MINIBROWSER_PATH)' },
};

/**
 * The engines named in `BROWSERS` (comma-separated; all three when unset).
 * @returns {(keyof typeof ENGINES)[]}
 */
const DEFAULT_ENGINES = 'chromium,firefox,webkit';

export function selectedEngines(value = process.env.BROWSERS) {
  const names = (value || DEFAULT_ENGINES).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const name of names) {
    if (!(name in ENGINES)) throw new Error(`Unknown browser "${name}" in BROWSERS: use ${Object.keys(ENGINES).join(', ')}.`);
  }
  return /** @type {(keyof typeof ENGINES)[]} */ (names);
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
const killChildren = () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
};
process.once('exit', killChildren);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => {
    killChildren();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/**
 * Keeps `child` for the exit handlers above.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {{ lastError: () => string, kill: () => void }} its last line of stderr so far, and a kill
 */
function track(child) {
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return {
    lastError: () => stderr.trim().split('\n').pop() ?? '',
    kill: () => {
      child.kill('SIGKILL');
      children.delete(child);
    },
  };
}

/**
 * Starts Xvfb on a display of its own choosing (`-displayfd`), so runs never collide.
 * @param {string} xvfb
 * @returns {Promise<{ display: string, stop: () => void }>}
 */
export function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    const { lastError, kill: stop } = track(child);
    let out = '';
    const fd3 = /** @type {import('node:stream').Readable} */ (child.stdio[3]);
    fd3.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, stop });
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before naming a display: ${lastError()}`)));
    child.once('error', reject);
  });
}

/**
 * Starts WebKitWebDriver on a free port, with Xvfb when there is no DISPLAY, and waits
 * until it answers.
 * @param {{ driver: string, xvfb: string | undefined }} webkit
 * @returns {Promise<{ port: number, display: string, stop: () => void }>}
 */
export async function startWebKitDriver(webkit) {
  const x = process.env.DISPLAY ? { display: process.env.DISPLAY, stop: () => {} } : await startXvfb(/** @type {string} */ (webkit.xvfb));
  const port = await freePort();
  const child = spawn(webkit.driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DISPLAY: x.display },
  });
  const { lastError, kill } = track(child);
  const stop = () => {
    kill();
    x.stop();
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return { port, display: x.display, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`WebKitWebDriver did not start on port ${port}: ${lastError()}`);
}

/** WebDriver capabilities for the GTK MiniBrowser. @param {string} miniBrowser */
export const webkitCapabilities = (miniBrowser) => ({
  browserName: 'MiniBrowser',
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
});

/** A launcher for headless Chromium. */
export function chromiumLauncher() {
  return chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: chromeArgs } });
}

/** A launcher for headless Firefox ESR, driven by puppeteer-core over WebDriver BiDi. */
export function firefoxLauncher() {
  return chromeLauncher({
    // @ts-ignore: puppeteer-core's namespace is what the launcher calls `launch` on.
    puppeteer: puppeteerCore,
    launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true },
  });
}

/** A launcher for WebKitGTK's MiniBrowser; starts its driver (and Xvfb) and stops them with the runner. */
export function webkitLauncher() {
  const webkit = findWebKit();
  if (!webkit) throw new Error(`WebKit not found: ${ENGINES.webkit.install}.`);
  /** @type {Awaited<ReturnType<typeof startWebKitDriver>> | undefined} */
  let driver;
  const options = { hostname: '127.0.0.1', port: 0, logLevel: /** @type {const} */ ('error'), capabilities: webkitCapabilities(webkit.miniBrowser) };
  const launcher = webdriverLauncher(options);
  const { initialize, stop } = launcher;
  launcher.initialize = async (...args) => {
    driver = await startWebKitDriver(webkit);
    options.port = driver.port;
    return initialize.apply(launcher, args);
  };
  launcher.stop = async () => {
    await stop.apply(launcher);
    driver?.stop();
  };
  return launcher;
}

/** The launchers for the engines named in `BROWSERS`. */
export function launchers() {
  const make = { chromium: chromiumLauncher, firefox: firefoxLauncher, webkit: webkitLauncher };
  return selectedEngines().map((name) => make[name]());
}

