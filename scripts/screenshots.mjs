// `npm run screenshots`: the demo dashboard in headless Chromium at desktop, tablet and
// phone sizes, light and dark, in the healthy, production-like and outage scenarios.
// Writes screenshots/<scenario>-<width>x<height>-<scheme>.png for a person to look at.
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, findChrome } from './chrome-path.mjs';

const VIEWPORTS = [
  [1920, 1080],
  [768, 1024],
  [390, 844],
];
const SCHEMES = ['light', 'dark'];
const SCENARIOS = (process.argv[2] ?? 'healthy,production-like,outage').split(',');
const OUT = 'screenshots';

const chrome = findChrome();
if (!chrome) {
  console.error('No Chromium or Chrome found: install chromium or set CHROME_PATH.');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

const server = await createServer({ configFile: 'vite.config.ts', server: { port: 5199, strictPort: false }, logLevel: 'error' });
await server.listen();
const origin = (server.resolvedUrls?.local[0] ?? 'http://localhost:5199/').replace(/\/$/, '');
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: chromeArgs });

try {
  for (const scenario of SCENARIOS) {
    await fetch(`${origin}/__sim/scenario`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario }),
    });
    for (const [width, height] of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        const page = await browser.newPage();
        await page.setViewport({ width, height });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(`${origin}/`, { waitUntil: 'networkidle0', timeout: 60_000 });
        // Let every element get its first answer (or its error) and settle.
        await new Promise((r) => setTimeout(r, 2500));
        const file = `${OUT}/${scenario}-${width}x${height}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
