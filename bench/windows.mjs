// `npm run bench:windows`: how many requests the backend gets from 1 and from 3 windows
// of one browser profile showing the dashboard, with one poller per browser (the windows
// share it) and, for comparison, with sharing off. Real HTTP against the standalone
// simulator (`node sim/cli.js`), which counts what it answers.
//
//   node bench/windows.mjs [--interval 10] [--seconds 30] [--json]
//
// Every window is its own browser window (CDP Target.createTarget with newWindow), so all
// count as visible: the benchmark prints each window's visibilityState to prove it. The
// measured span is a whole number of intervals and starts after the first polls, so every
// resource polls the same number of times in it whatever its offset in the interval.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, findChrome } from '../scripts/chrome-path.mjs';

const { values } = parseArgs({
  options: {
    interval: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const INTERVAL_S = Number(values.interval);
const SPAN_S = Math.max(INTERVAL_S, Math.round(Number(values.seconds) / INTERVAL_S) * INTERVAL_S);

const chrome = findChrome();
if (!chrome) {
  console.error('No Chromium or Chrome found: install chromium or set CHROME_PATH.');
  process.exit(1);
}
const rootDir = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `node sim/cli.js` on a free port; resolves with its base URL and the process. */
function startSimulator() {
  const child = spawn(process.execPath, ['sim/cli.js', '--port', '0', '--scenario', 'healthy', '--timing-allow-origin'], { cwd: rootDir, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Pharos simulator on (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve({ child, baseUrl: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
}

const sim = await startSimulator();
const control = async (path, method = 'GET') => (await fetch(`${sim.baseUrl}/__sim/${path}`, { method })).json();
const server = await createServer({ root: rootDir, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
// 127.0.0.1 is a secure context (Web Locks need one) and an allowed origin of the simulator.
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: [...chromeArgs, '--window-size=1280,900'] });

/** Opens `count` windows of this one profile, measures the requests they cause per minute, closes them. */
async function measure(count, share) {
  const url = `${origin}/bench/windows.html?base-url=${encodeURIComponent(sim.baseUrl)}&interval=${INTERVAL_S}${share ? '' : '&no-share'}`;
  const cdp = await browser.target().createCDPSession();
  const pages = [];
  for (let i = 0; i < count; i++) {
    // Each window's address is its own (`&window=i`), to find its page again.
    const own = `${url}&window=${i}`;
    await cdp.send('Target.createTarget', { url: own, newWindow: true });
    pages.push(await (await browser.waitForTarget((t) => t.url() === own)).page());
  }
  for (const page of pages) await page.waitForFunction(() => document.body?.dataset.ready === 'true', { timeout: 120_000 });
  const visibility = await Promise.all(pages.map((p) => p.evaluate(() => document.visibilityState)));
  // Let every window load and the first (immediate) polls pass, then count a whole number of intervals.
  await sleep(2 * INTERVAL_S * 1000);
  await control('requests', 'DELETE');
  await sleep(SPAN_S * 1000);
  const { total } = await control('requests');
  const leaders = await Promise.all(
    pages.map((p) => p.evaluate(() => document.querySelector('pharos-source')?.source?.sharing?.role ?? 'alone')),
  );
  for (const page of pages) await page.close();
  await cdp.detach();
  return { windows: count, share, visibility, roles: leaders, requests: total, perMinute: (total / SPAN_S) * 60 };
}

try {
  const one = await measure(1, true);
  const three = await measure(3, true);
  const alone = await measure(3, false);
  const ratio = three.perMinute / one.perMinute;
  if (values.json) {
    console.log(JSON.stringify({ intervalS: INTERVAL_S, spanS: SPAN_S, one, three, alone, ratio }, null, 2));
  } else {
    console.log(`\nThe dashboard against the standalone simulator, interval ${INTERVAL_S} s, requests counted over ${SPAN_S} s.\n`);
    for (const r of [one, three, alone]) {
      const label = `${r.windows} window${r.windows > 1 ? 's' : ''}${r.share ? '' : ', sharing off'}`;
      console.log(`${label.padEnd(26)}${r.perMinute.toFixed(1).padStart(8)} requests/min   (${r.visibility.join(', ')}; ${r.roles.join(', ')})`);
    }
    console.log(`\n3 windows ÷ 1 window: ${ratio.toFixed(3)} (target ≤ 1.05); with sharing off: ${(alone.perMinute / one.perMinute).toFixed(2)}`);
  }
} finally {
  await browser.close();
  await server.close();
  sim.child.kill();
}
