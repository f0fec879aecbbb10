// @ts-check
// `npm run screenshots:engines [-- OUT_DIR]`: the demo dashboard at 1920×1080 in Chromium,
// Firefox and WebKit (BROWSERS picks), against the built-in simulator and against a
// standalone simulator on another origin (as a real backend URL, cross-origin). For each it
// writes a full-page PNG, one of the first screen (-top.png) and the page's text, and prints
// what a person would check: uncaught errors, charts with ink on their canvas, and text
// lines that differ from the first engine's (digits masked, since live values move).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { createServer } from 'vite';
import { chromeArgs, findChrome } from './chrome-path.mjs';
import { ENGINES, findFirefox, findWebKit, selectedEngines, startWebKitDriver, webkitCapabilities } from './browsers.mjs';
import { freePort } from './free-port.mjs';

const OUT = process.argv[2] ?? 'screenshots/engines';
const WIDTH = 1920;
const HEIGHT = 1080;
// Until no element is loading any more (a loaded machine can take long), at least 5 s.
const SETTLE = { minMs: 5000, maxMs: 45_000 };
const BUSY = /Loading…|Refreshing…|refreshing…/;
const engines = selectedEngines();
for (const name of engines) {
  if (!ENGINES[name].found()) {
    console.error(`${name} is not installed: ${ENGINES[name].install}.`);
    process.exit(1);
  }
}
mkdirSync(OUT, { recursive: true });

// Records what the page throws, before any module runs.
const RECORDER = `<script>window.__shot=[];addEventListener('error',e=>__shot.push('error: '+(e.error&&e.error.stack||e.message)));
addEventListener('unhandledrejection',e=>__shot.push('unhandled rejection: '+(e.reason&&e.reason.message||e.reason)));
const ce=console.error.bind(console);console.error=(...a)=>{__shot.push('console.error: '+a.map(String).join(' '));ce(...a)};</script>`;

// Runs in the page: its text through every shadow root, and how much ink each canvas has.
const PROBE = `
  const lines = [], canvases = [];
  const walk = (root) => {
    for (const n of root.childNodes) {
      if (n.nodeType === 3) { const t = n.textContent.replace(/\\s+/g, ' ').trim(); if (t) lines.push(t); }
      else if (n.nodeType === 1 && n.localName !== 'style' && n.localName !== 'script') {
        if (n.localName === 'canvas') canvases.push(n);
        if (n.shadowRoot) walk(n.shadowRoot);
        walk(n);
      }
    }
  };
  walk(document.body);
  const charts = canvases.map((c) => {
    if (!c.width || !c.height) return { size: c.width + 'x' + c.height, ink: 0 };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return { size: c.width + 'x' + c.height, ink: inked / (c.width * c.height) };
  });
  return { errors: window.__shot || [], text: lines.join('\\n'), charts, height: document.documentElement.scrollHeight };
`;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Probes the page until it is idle. @param {() => Promise<Probe>} probe @returns {Promise<Probe>} */
async function settled(probe) {
  await sleep(SETTLE.minMs);
  const end = Date.now() + SETTLE.maxMs - SETTLE.minMs;
  let result = await probe();
  while (BUSY.test(result.text) && Date.now() < end) {
    await sleep(1000);
    result = await probe();
  }
  return result;
}

/** @typedef {{ errors: string[], text: string, charts: { size: string, ink: number }[], height: number }} Probe */

/** @param {'chromium' | 'firefox'} engine @param {string} url @param {string} file @returns {Promise<Probe>} */
async function shootPuppeteer(engine, url, file) {
  const browser =
    engine === 'chromium'
      ? await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs })
      : await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: WIDTH, height: HEIGHT });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const probe = await settled(async () => /** @type {Probe} */ (await page.evaluate(`(() => {${PROBE}})()`)));
    await page.screenshot({ path: /** @type {`${string}.png`} */ (file.replace(/\.png$/, '-top.png')) });
    await page.screenshot({ path: /** @type {`${string}.png`} */ (file), fullPage: true });
    return probe;
  } finally {
    await browser.close();
  }
}

/** @param {string} url @param {string} file @returns {Promise<Probe>} */
async function shootWebKit(url, file) {
  const webkit = /** @type {NonNullable<ReturnType<typeof findWebKit>>} */ (findWebKit());
  const driver = await startWebKitDriver(webkit);
  try {
    const browser = await remote({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: webkitCapabilities(webkit.miniBrowser) });
    try {
      await browser.setWindowSize(WIDTH, HEIGHT);
      await browser.url(url);
      const probe = await settled(async () => /** @type {Probe} */ (await browser.execute(PROBE)));
      await browser.saveScreenshot(file.replace(/\.png$/, '-top.png'));
      // Classic WebDriver shoots the viewport only: make the viewport as tall as the page.
      const [innerW, innerH] = /** @type {[number, number]} */ (await browser.execute('return [innerWidth, innerHeight]'));
      const outer = await browser.getWindowSize();
      await browser.setWindowSize(WIDTH + outer.width - innerW, probe.height + outer.height - innerH);
      await sleep(1500);
      await browser.saveScreenshot(file);
      return probe;
    } finally {
      await browser.deleteSession();
    }
  } finally {
    driver.stop();
  }
}

const mask = (/** @type {string} */ text) => text.split('\n').map((l) => l.replace(/\d+([.,:]\d+)*/g, '#'));

const server = await createServer({
  configFile: 'vite.config.ts',
  server: { port: 5199, strictPort: false },
  logLevel: 'error',
  plugins: [{ name: 'shot-error-recorder', transformIndexHtml: (html) => html.replace('<head>', `<head>${RECORDER}`) }],
});
await server.listen();
const origin = (server.resolvedUrls?.local[0] ?? 'http://localhost:5199/').replace(/\/$/, '');
const simPort = await freePort();
const sim = spawn(process.execPath, ['sim/cli.js', '--port', String(simPort), '--scenario', 'healthy'], { stdio: 'ignore' });
await sleep(500);

const variants = { simulator: `${origin}/`, 'real-url': `${origin}/?base-url=http://127.0.0.1:${simPort}` };
let failed = false;
try {
  for (const [variant, url] of Object.entries(variants)) {
    /** @type {string[] | undefined} */
    let reference;
    for (const engine of engines) {
      const file = `${OUT}/${engine}-${variant}.png`;
      const probe = engine === 'webkit' ? await shootWebKit(url, file) : await shootPuppeteer(engine, url, file);
      writeFileSync(`${OUT}/${engine}-${variant}.txt`, `${probe.text}\n`);
      const drawn = probe.charts.filter((c) => c.ink > 0.001).length;
      console.log(`${engine} ${variant}: ${file}; ${probe.errors.length} uncaught errors; ${drawn} of ${probe.charts.length} canvases drawn; ${probe.text.split('\n').length} text lines`);
      for (const error of probe.errors) console.log(`  ${error.split('\n')[0]}`);
      if (probe.errors.length > 0 || drawn === 0) failed = true;
      const lines = mask(probe.text);
      if (!reference) reference = lines;
      else {
        const ref = new Set(reference);
        const own = new Set(lines);
        const missing = reference.filter((l) => !own.has(l));
        const extra = lines.filter((l) => !ref.has(l));
        console.log(`  text against ${engines[0]}: ${missing.length} lines missing, ${extra.length} extra`);
        for (const l of missing.slice(0, 10)) console.log(`   - ${l}`);
        for (const l of extra.slice(0, 10)) console.log(`   + ${l}`);
      }
    }
  }
} finally {
  sim.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
