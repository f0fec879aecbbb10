// `npm run bench`: a benchmark, not a test. In headless Chromium, 7 days of 30 s points
// (20,160) × 3 series: time to first render and time per appended point for
// <pharos-timeseries> (uPlot) and, on the same data in the same run, for Recharts'
// LineChart; then the memory that 7 days of in-browser history takes for every standard
// resource (HistoryBuffer.byteLength). Several repetitions; medians printed.
//
//   node bench/run.mjs [--reps 5] [--appends 10] [--points 20160] [--json] [--skip-recharts]
//
// "Wall" is elapsed time until the chart is drawn and painted (it includes waiting for
// frames); "main thread" is the browser's main-thread busy time over the same span
// (Chromium's TaskDuration metric), i.e. the work the page could not do anything else in.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, findChrome } from '../scripts/chrome-path.mjs';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    appends: { type: 'string', default: '10' },
    points: { type: 'string', default: String(7 * 24 * 120) },
    json: { type: 'boolean', default: false },
    'skip-recharts': { type: 'boolean', default: false },
  },
});
const REPS = Number(values.reps);
const APPENDS = Number(values.appends);
const POINTS = Number(values.points);

const chrome = findChrome();
if (!chrome) {
  console.error('No Chromium or Chrome found: install chromium or set CHROME_PATH.');
  process.exit(1);
}

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({ root: rootDir, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: [...chromeArgs, '--js-flags=--expose-gc', '--window-size=1000,800'],
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${origin}/bench/index.html`, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });

  const taskSeconds = async () => (await page.metrics()).TaskDuration;
  /** Runs `fn` in the page; returns its result and the main-thread busy time (ms) it took. */
  const measure = async (fn, ...args) => {
    await page.evaluate(() => globalThis.gc?.());
    const before = await taskSeconds();
    const result = await page.evaluate((name, a) => window.pharosBench[name](...a), fn, args);
    const after = await taskSeconds();
    return { result, taskMs: (after - before) * 1000 };
  };

  const libs = {
    'pharos-timeseries': { first: 'timeseriesFirstRender', append: 'timeseriesAppend' },
    'Recharts LineChart': { first: 'rechartsFirstRender', append: 'rechartsAppend' },
  };
  if (values['skip-recharts']) delete libs['Recharts LineChart'];
  const samples = Object.fromEntries(Object.keys(libs).map((k) => [k, { firstWall: [], firstTask: [], appendWall: [], appendTask: [] }]));
  // A warm-up round (module compilation, JIT) that is not counted.
  for (const lib of Object.values(libs)) {
    await measure(lib.first, 2_000);
    await measure(lib.append, 5);
    await page.evaluate(() => window.pharosBench.cleanup());
  }
  for (let rep = 0; rep < REPS; rep++) {
    // Alternate the order, so neither library always runs on a fresher heap.
    const order = rep % 2 === 0 ? Object.keys(libs) : Object.keys(libs).reverse();
    for (const name of order) {
      const lib = libs[name];
      const first = await measure(lib.first, POINTS);
      const append = await measure(lib.append, APPENDS);
      await page.evaluate(() => window.pharosBench.cleanup());
      samples[name].firstWall.push(first.result);
      samples[name].firstTask.push(first.taskMs);
      samples[name].appendWall.push(append.result);
      samples[name].appendTask.push(append.taskMs / APPENDS);
      process.stderr.write(`rep ${rep + 1}/${REPS} ${name}: first ${first.result.toFixed(1)} ms, append ${append.result.toFixed(2)} ms\n`);
    }
  }
  const memory = await page.evaluate((points) => window.pharosBench.historyMemory(points), POINTS);

  const ours = samples['pharos-timeseries'];
  const none = { firstWall: [NaN], firstTask: [NaN], appendWall: [NaN], appendTask: [NaN] };
  const theirs = samples['Recharts LineChart'] ?? none;
  const rows = [
    ['Time to first render, wall (ms)', median(ours.firstWall), median(theirs.firstWall)],
    ['Time to first render, main thread (ms)', median(ours.firstTask), median(theirs.firstTask)],
    ['Per appended point, wall (ms)', median(ours.appendWall), median(theirs.appendWall)],
    ['Per appended point, main thread (ms)', median(ours.appendTask), median(theirs.appendTask)],
  ];
  if (values.json) {
    console.log(JSON.stringify({ points: POINTS, series: 3, reps: REPS, appends: APPENDS, rows, samples, memory }, null, 2));
  } else {
    console.log(`\n${POINTS.toLocaleString('en')} points × 3 series (7 days at 30 s), ${REPS} repetitions, medians; ${APPENDS} appends per repetition.\n`);
    const pad = (s, n) => String(s).padEnd(n);
    const lpad = (s, n) => String(s).padStart(n);
    console.log(`${pad('Figure', 42)}${lpad('pharos-timeseries', 19)}${lpad('Recharts', 12)}${lpad('Recharts ÷ ours', 17)}`);
    for (const [label, a, b] of rows) {
      console.log(`${pad(label, 42)}${lpad(a.toFixed(2), 19)}${lpad(b.toFixed(2), 12)}${lpad(`${(b / a).toFixed(1)}×`, 17)}`);
    }
    console.log(`\nMemory of 7 days of in-browser history (${memory.rows.toLocaleString('en')} rows per resource at 30 s, capacity ${memory.capacity.toLocaleString('en')}):`);
    for (const r of memory.perResource) console.log(`  ${pad(r.name, 40)}${lpad(r.series, 3)} series ${lpad((r.bytes / 1024 / 1024).toFixed(2), 8)} MiB`);
    console.log(`  ${pad('Total', 40)}${lpad(memory.perResource.reduce((n, r) => n + r.series, 0), 3)} series ${lpad((memory.total / 1024 / 1024).toFixed(2), 8)} MiB (${memory.total.toLocaleString('en')} bytes)`);
  }
} finally {
  await browser.close();
  await server.close();
}
