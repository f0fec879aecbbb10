// `npm run bench:latency`: does the dashboard report the backend's latency? In headless
// Chromium, the whole dashboard polls the simulator (mounted on the page's origin) for a
// simulated minute on a ManualClock, with every endpoint answering 80 ms late (the
// simulator's latency fault). Prints what it shows against the true time of the same
// requests (what the simulator took, plus the network's round trip) as shown ÷ true ratios,
// and the README's targets as pass/fail lines: P50 within 10 %, P95 within 25 %, module
// probes the same, module cards' median ratio within 10 %. A benchmark, not a test: on a
// loaded machine the true times spread, and a miss is printed, never an exit code.
//
//   node bench/latency.mjs [--delay 80] [--runs 1] [--json]
//
// test/latency.test.ts checks, deterministically, that the figures shown are the network
// layer's for those requests; this measures how close those come to the truth.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, findChrome } from '../scripts/chrome-path.mjs';
import { pharosSimulator } from '../sim/vite-plugin.js';

const { values } = parseArgs({
  options: {
    delay: { type: 'string', default: '80' },
    runs: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const DELAY_MS = Number(values.delay);
const RUNS = Math.max(1, Number(values.runs));

const chrome = findChrome();
if (!chrome) {
  console.error('No Chromium or Chrome found: install chromium or set CHROME_PATH.');
  process.exit(1);
}

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({
  root: rootDir,
  configFile: false,
  logLevel: 'error',
  plugins: [pharosSimulator()],
  server: { port: 0, host: '127.0.0.1' },
});
await server.listen();
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: [...chromeArgs, '--window-size=1280,900'] });

const within = (ratio, tolerance) => Math.abs(ratio - 1) <= tolerance;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

try {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${origin}/bench/latency.html`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
    const started = performance.now();
    results.push(await page.evaluate((delayMs) => window.pharosLatency.run({ delayMs }), DELAY_MS));
    process.stderr.write(`run ${i + 1}/${RUNS}: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    await page.close();
  }
  if (values.json) {
    console.log(JSON.stringify({ delayMs: DELAY_MS, runs: results }, null, 2));
  } else {
    for (const [i, r] of results.entries()) {
      const rows = [
        ['P50, performance panel', r.trueP50, r.shownP50, 0.1],
        ['P95, performance panel', r.trueP95, r.shownP95, 0.25],
        ['P50, module probes', r.trueP50, r.modules.shownP50, 0.1],
        ['P95, module probes', r.trueP95, r.modules.shownP95, 0.25],
      ];
      console.log(`\nRun ${i + 1} of ${results.length}: ${r.delayMs} ms latency fault, one simulated minute of the whole dashboard,`);
      console.log(
        `${r.requests} requests from ${r.resources} resources (timing: ${r.methods.join(', ')}); round trip ${r.roundTripMs.toFixed(1)} ms (${r.roundTrips} probes); ` +
          `first polls while the page loads: median ${r.firstPolls.median.toFixed(1)} ms, max ${r.firstPolls.max.toFixed(1)} ms.`,
      );
      if (r.buckets !== 1) console.log(`(the minute fell in ${r.buckets} buckets of the panel: the last is shown)`);
      console.log(`\n${'figure'.padEnd(26)}${'true ms'.padStart(9)}${'shown ms'.padStart(10)}${'shown ÷ true'.padStart(14)}   target`);
      for (const [label, truth, shown, tolerance] of rows) {
        const ratio = shown / truth;
        console.log(
          `${label.padEnd(26)}${truth.toFixed(1).padStart(9)}${shown.toFixed(1).padStart(10)}${ratio.toFixed(3).padStart(14)}   within ${tolerance * 100} %: ${verdict(within(ratio, tolerance))}`,
        );
      }
      console.log(
        `${'module cards (16)'.padEnd(26)}${''.padStart(19)}${r.cardRatioMedian.toFixed(3).padStart(14)}   median within 10 %: ${verdict(within(r.cardRatioMedian, 0.1))} (P95 of the ratios ${r.cardRatioP95.toFixed(3)})`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
