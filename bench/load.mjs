// `npm run bench:load`: how long the whole dashboard takes to show data, opened cold, in
// Chromium, Firefox ESR and WebKit, against the simulator on this machine answering at once
// and in 150 ms. Each run is measured next to a floor, in the same run: a plain page that
// fetches the same answers itself (same URLs, same token, so the same CORS preflights) and
// writes them into the page. The ratio to the floor is the figure a noisy machine does not
// decide. A benchmark, not a test: it prints figures and fails only when a page cannot load.
//
//   node bench/load.mjs [--runs 5] [--engines chromium,firefox,webkit] [--latency 0,150]
//                       [--scenario auth] [--no-build] [--timeline] [--json FILE]
//
// Set-up, every run: a new browser with a new profile (no cache of any kind, no open
// connection), a new simulator (same seed), cdn/pharos-ops.js served gzipped from one
// origin and the backend on another (so every request with the token is preflighted, as
// in production), `<pharos-source base-url=… token=…>` around `<pharos-ops-dashboard>`.
// The `auth` scenario is today's deployment (production-like answers, `modules: null` so
// the module grid probes each module) with token-protected endpoints. The 150 ms delay is
// the backend's: CORS preflights are answered at once (the simulator's CORS middleware,
// like Starlette's, answers them before any route).
//
// What is measured (bench/load-probe.js, in the page, from the start of navigation):
// - load event: the navigation's loadEventStart;
// - first panel with data: the first animation frame in which a panel that showed a
//   loading state shows none any more;
// - every panel with data: the first frame in which all of the dashboard's panels (each
//   pharos-* element of its shadow root: the header and 17 cards) have rendered and show
//   no loading state anywhere in their tree, nested shadow roots included: no
//   part="skeleton" progressbar, no aria-busy progressbar, no `.skeleton` placeholder, no
//   "Loading…" text. A panel whose answer was an error counts once it shows the error
//   (that is its answer); the table says how many did. Floor: one <pre> per request,
//   "Loading…" until its answer is written;
// - long tasks (PerformanceObserver 'longtask': Chromium only) and, in every engine,
//   main-thread stalls: a 10 ms heartbeat timer that fires 50 ms or more late;
// - where the time goes: every request from Resource Timing (started, sent, answered),
//   every request as the backend saw it (preflights included), the first render and the
//   first data of each panel.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEV_ADMIN_TOKEN } from '../sim/auth.js';
import { SCENARIO_NAMES } from '../sim/scenarios.js';
import { createSimulator } from '../sim/simulator.js';
import { ENGINES, selectedEngines } from '../scripts/browsers.mjs';
import { startEngine } from '../scripts/engine-session.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    engines: { type: 'string', default: 'chromium,firefox,webkit' },
    latency: { type: 'string', default: '0,150' },
    scenario: { type: 'string', default: 'auth' },
    'no-build': { type: 'boolean', default: false },
    timeline: { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('node bench/load.mjs [--runs 5] [--engines chromium,firefox,webkit] [--latency 0,150] [--scenario auth] [--no-build] [--timeline] [--json FILE]');
  process.exit(0);
}
const RUNS = Number(values.runs);
const LATENCIES = values.latency.split(',').map(Number);
const engines = selectedEngines(values.engines);
const scenario = /** @type {import('../sim/scenarios.js').ScenarioName} */ (values.scenario);
if (!Number.isInteger(RUNS) || RUNS < 1 || LATENCIES.some((ms) => !(ms >= 0)) || !SCENARIO_NAMES.includes(scenario)) {
  console.error(`--runs must be >= 1, --latency milliseconds >= 0, --scenario one of ${SCENARIO_NAMES.join(', ')}`);
  process.exit(2);
}
for (const name of engines) {
  if (!ENGINES[name].found()) {
    console.error(`${name} is not installed: ${ENGINES[name].install}. Pick others with --engines.`);
    process.exit(1);
  }
}

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };
/** A run that has not finished in this long is counted as failed (the page gives up at 30 s). */
const RUN_TIMEOUT_MS = 90_000;
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

if (!values['no-build']) execFileSync('npm', ['run', 'build', '--silent'], { cwd: rootDir, stdio: ['ignore', 'ignore', 'inherit'] });

// ---- The backend: a fresh simulator per run, every request logged with when it came and went.

/** @typedef {{ method: string, url: string, arrive: number, finish: number | null }} ServerRequest */
let simulator = newSimulator(0);
/** @type {ServerRequest[]} */
let serverLog = [];
/** @param {number} latencyMs */
function newSimulator(latencyMs) {
  // Timing-Allow-Origin (which the real backend does not send) gives the phases of each
  // cross-origin request in Resource Timing: when it was sent, not only when it was asked for.
  const sim = createSimulator({ scenario, seed: 1, config: { timingAllowOrigin: true } });
  if (latencyMs > 0) sim.faults.add({ path: '/', latencyMs });
  return sim;
}
const epochNow = () => performance.timeOrigin + performance.now();
const backend = createServer((req, res) => {
  /** @type {ServerRequest} */
  const entry = { method: req.method ?? 'GET', url: req.url ?? '/', arrive: epochNow(), finish: null };
  serverLog.push(entry);
  res.on('finish', () => (entry.finish = epochNow()));
  simulator.handle(req, res);
});
await new Promise((resolve) => backend.listen(0, '127.0.0.1', () => resolve(undefined)));
const backendAddress = backend.address();
const backendUrl = `http://127.0.0.1:${typeof backendAddress === 'object' && backendAddress ? backendAddress.port : 0}`;

// ---- The pages.

const probe = `<script>${readFileSync(new URL('./load-probe.js', import.meta.url), 'utf8')}</script>`;
/** Requests the floor page makes: what the dashboard asked the backend for in a warm-up load. */
let floorRequests = /** @type {string[]} */ ([]);
const dashboardPage = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pharos load benchmark</title>${probe}
<script>window.__benchPanels = () => {
  const root = document.querySelector('pharos-ops-dashboard')?.shadowRoot;
  return root ? [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('pharos-')) : [];
};</script>
<script type="module" src="/cdn/pharos-ops.js"></script>
</head><body>
<pharos-source base-url="${backendUrl}" token="${DEV_ADMIN_TOKEN}"><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source>
</body></html>`;
// The floor: what any page must wait for to show these answers. Every request at once, as
// the dashboard sends them (Accept, the bearer token, no credentials), each answer written
// into its own <pre>.
const floorPage = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pharos load floor</title>${probe}</head><body><main id="floor"></main>
<script>
const main = document.getElementById('floor');
window.__benchPanels = () => [...main.children];
for (const path of ${JSON.stringify(floorRequests)}) {
  const pre = document.createElement('pre');
  pre.dataset.panel = path;
  pre.textContent = 'Loading… ' + path;
  main.append(pre);
  fetch(${JSON.stringify(backendUrl)} + path, { headers: { Accept: 'application/json', Authorization: 'Bearer ${DEV_ADMIN_TOKEN}' }, credentials: 'omit' })
    .then((r) => r.text().then((text) => (pre.textContent = r.status + ' ' + path + '\\n' + text)))
    .catch((e) => (pre.textContent = 'no answer for ' + path + ': ' + e));
}
</script></body></html>`;
const pages = /** @type {Record<string, () => string>} */ ({ '/dashboard.html': dashboardPage, '/floor.html': floorPage });
const site = await startStaticServer({ roots: { '/cdn/': `${rootDir}cdn` }, pages: (path) => pages[path]?.() });

// ---- One run.

/**
 * @typedef {object} Run
 * @property {number} load @property {number | null} firstData @property {number | null} allData
 * @property {any} page what bench/load-probe.js recorded
 * @property {(ServerRequest & { at: number, done: number | null })[]} server the backend's log, in ms since navigation start
 */

/**
 * Loads `kind` ('dashboard' or 'floor') in a fresh browser of `engine`.
 * @param {import('../scripts/engine-session.mjs').Engine} engine @param {'dashboard' | 'floor'} kind @param {number} latencyMs
 * @returns {Promise<Run>}
 */
async function runOnce(engine, kind, latencyMs) {
  simulator = newSimulator(latencyMs);
  const page = await engine.openPage(VIEWPORT);
  try {
    // Let the new browser finish starting up before the clock starts.
    await sleep(300);
    serverLog = [];
    await page.goto(`${site.origin}/${kind}.html`);
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (!(await page.evaluate('!!(window.__loadBench && window.__loadBench.done)'))) {
      if (Date.now() > deadline) throw new Error(`${engine.name} ${kind}: not done in ${RUN_TIMEOUT_MS / 1000} s`);
      await sleep(250);
    }
    const result = JSON.parse(/** @type {string} */ (await page.evaluate('JSON.stringify(window.__loadBench.result)')));
    const server = serverLog.map((r) => ({ ...r, at: r.arrive - result.timeOrigin, done: r.finish === null ? null : r.finish - result.timeOrigin }));
    return {
      load: result.navigation?.loadEventStart || result.marks.load,
      firstData: result.firstData,
      allData: result.timedOut ? null : result.allData,
      page: result,
      server,
    };
  } finally {
    await page.close();
  }
}

/** @template T @param {Promise<T>} promise @param {number} ms @param {string} what @returns {Promise<T>} */
function within(promise, ms, what) {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what}: no result in ${ms / 1000} s`)))]);
}

// ---- Statistics and the report.

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** @param {number[]} xs */
const worst = (xs) => (xs.length ? Math.max(...xs) : NaN);
/** @param {number} ms */
const fmt = (ms) => (Number.isFinite(ms) ? Math.round(ms).toLocaleString('en') : '—');
/** @param {number} x */
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
const pad = (/** @type {unknown} */ s, /** @type {number} */ n) => String(s).padEnd(n);
const lpad = (/** @type {unknown} */ s, /** @type {number} */ n) => String(s).padStart(n);

/** @param {Run} run @param {string} origin */
const apiOf = (run, origin) => run.page.resources.filter((/** @type {any} */ r) => r.name.startsWith(origin));

/**
 * Long tasks (or stalls) while loading, i.e. starting before every panel had data.
 * @param {Run} run @param {'longTasks' | 'stalls'} kind
 */
function blocking(run, kind) {
  const until = run.allData ?? Infinity;
  const tasks = /** @type {[number, number][]} */ (run.page[kind]).filter(([start]) => start < until);
  return {
    count: tasks.length,
    longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
    total: tasks.reduce((s, [, d]) => s + d, 0),
    over100: tasks.filter(([, d]) => d > 100).length,
  };
}

/**
 * The milestones of a dashboard run, for "where the time goes".
 * @param {Run} run
 */
function milestones(run) {
  const p = run.page;
  const api = apiOf(run, backendUrl);
  const script = p.resources.find((/** @type {any} */ r) => r.name.endsWith('/cdn/pharos-ops.js'));
  const chunks = p.resources.filter((/** @type {any} */ r) => r.name.includes('/cdn/chunks/'));
  const gets = run.server.filter((r) => r.method !== 'OPTIONS');
  const preflights = run.server.filter((r) => r.method === 'OPTIONS');
  // Requests open at the backend at once (preflights included): what the connections allow.
  let open = 0;
  let maxOpen = 0;
  const edges = run.server.flatMap((r) => [[r.at, 1], [r.done ?? Infinity, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, d] of edges) maxOpen = Math.max(maxOpen, (open += d));
  // From fetch() to the request leaving for the backend: the wait for a connection and the preflight.
  const waits = api.filter((/** @type {any} */ r) => r.requestStart > 0).map((/** @type {any} */ r) => r.requestStart - r.start);
  const rendered = p.panels.map((/** @type {any} */ x) => x.rendered).filter((/** @type {any} */ t) => t !== null);
  return {
    html: p.navigation?.responseEnd ?? NaN,
    scriptStart: script?.start ?? NaN,
    scriptEnd: script?.end ?? NaN,
    firstRender: rendered.length ? Math.min(...rendered) : NaN,
    lastRender: rendered.length ? Math.max(...rendered) : NaN,
    fcp: p.paints['first-contentful-paint'] ?? NaN,
    requests: gets.length,
    preflights: preflights.length,
    maxOpen,
    firstRequest: api.length ? Math.min(...api.map((/** @type {any} */ r) => r.start)) : NaN,
    lastAnswer: api.length ? Math.max(...api.map((/** @type {any} */ r) => r.end)) : NaN,
    waitMedian: median(waits),
    waitMax: worst(waits),
    chunks: chunks.map((/** @type {any} */ c) => ({ name: c.name.replace(/^.*\/pharos-ops-([a-z-]+)-.*$/, '$1'), start: c.start, end: c.end })),
  };
}

/** @type {{ engine: string, latencyMs: number, dashboard: Run[], floor: Run[], failures: string[] }[]} */
const cells = [];
/** @type {Record<string, string[]>} */
const discovered = {};

for (const name of engines) {
  const engine = await startEngine(name);
  try {
    // A warm-up load, not counted: the browser's files come into the page cache, and the
    // backend's log says which requests the dashboard makes, for the floor page.
    floorRequests = [];
    const warm = await within(runOnce(engine, 'dashboard', 0), RUN_TIMEOUT_MS + 30_000, `${name} warm-up`);
    const until = (warm.allData ?? Infinity) + 1;
    floorRequests = [...new Set(warm.server.filter((r) => r.method === 'GET' && r.at < until).map((r) => r.url))];
    discovered[name] = floorRequests;
    process.stderr.write(`${name}: the dashboard asked for ${floorRequests.length} answers (warm-up: every panel with data at ${fmt(warm.allData ?? NaN)} ms)\n`);
    if (warm.page.errors.length) process.stderr.write(`  page errors: ${warm.page.errors.join(' | ')}\n`);
    for (const latencyMs of LATENCIES) {
      const cell = { engine: name, latencyMs, dashboard: /** @type {Run[]} */ ([]), floor: /** @type {Run[]} */ ([]), failures: /** @type {string[]} */ ([]) };
      cells.push(cell);
      for (let i = 0; i < RUNS; i++) {
        // Alternate which page goes first, so neither always meets a warmer or busier machine.
        const order = /** @type {const} */ (i % 2 ? ['floor', 'dashboard'] : ['dashboard', 'floor']);
        for (const kind of order) {
          try {
            const run = await within(runOnce(engine, kind, latencyMs), RUN_TIMEOUT_MS + 30_000, `${name} ${kind}`);
            if (run.allData === null) throw new Error(`${name} ${kind}: some panel never showed data (${run.page.panels.filter((/** @type {any} */ p) => p.data === null).map((/** @type {any} */ p) => p.name).join(', ')})`);
            cell[kind].push(run);
            process.stderr.write(`${name} ${latencyMs} ms run ${i + 1}/${RUNS} ${kind}: load ${fmt(run.load)}, first ${fmt(run.firstData ?? NaN)}, every panel ${fmt(run.allData)} ms\n`);
          } catch (error) {
            cell.failures.push(String(/** @type {Error} */ (error).message ?? error));
            process.stderr.write(`${name} ${latencyMs} ms run ${i + 1}/${RUNS} ${kind}: FAILED ${/** @type {Error} */ (error).message}\n`);
          }
        }
      }
    }
  } finally {
    engine.stop();
  }
}
await site.close();
backend.close();
backend.closeAllConnections();

// ---- Printing.

if (values.json) {
  writeFileSync(values.json, JSON.stringify({ scenario, runs: RUNS, latencies: LATENCIES, backendUrl, pageOrigin: site.origin, discovered, cells }, null, 1));
  console.error(`Every run's raw figures: ${values.json}`);
}

const speedName = (/** @type {number} */ ms) => (ms === 0 ? 'at once' : `${ms} ms`);
const FIGURES = /** @type {const} */ ([
  ['load event', 'load'],
  ['first panel with data', 'firstData'],
  ['every panel with data', 'allData'],
]);

console.log(`\nThe whole dashboard, cold, ${RUNS} runs per engine and backend speed (simulator scenario ${scenario}, with the token; viewport ${VIEWPORT.width}×${VIEWPORT.height}).`);
console.log('Milliseconds from the start of navigation, median / worst; ratio = dashboard ÷ floor (the plain page fetching the same answers), median / worst.\n');
console.log(`${pad('engine', 10)}${pad('backend', 9)}${pad('figure', 24)}${lpad('dashboard', 17)}${lpad('floor', 17)}${lpad('ratio', 17)}`);
for (const cell of cells) {
  let first = true;
  for (const [label, key] of FIGURES) {
    const d = cell.dashboard.map((r) => /** @type {number} */ (r[key]));
    const f = cell.floor.map((r) => /** @type {number} */ (r[key]));
    console.log(
      `${pad(first ? cell.engine : '', 10)}${pad(first ? speedName(cell.latencyMs) : '', 9)}${pad(label, 24)}` +
        `${lpad(`${fmt(median(d))} / ${fmt(worst(d))}`, 17)}${lpad(`${fmt(median(f))} / ${fmt(worst(f))}`, 17)}` +
        `${lpad(`${ratio(median(d) / median(f))} / ${ratio(worst(d) / worst(f))}`, 17)}`,
    );
    first = false;
  }
  for (const kind of /** @type {const} */ (['longTasks', 'stalls'])) {
    const runs = cell.dashboard;
    if (kind === 'longTasks' && !runs.some((r) => r.page.longTaskSupported)) continue;
    const b = runs.map((r) => blocking(r, kind));
    const fb = cell.floor.map((r) => blocking(r, kind));
    const what = kind === 'longTasks' ? 'long tasks while loading' : 'stalls ≥50 ms while loading';
    console.log(
      `${pad('', 19)}${pad(what, 24)} count ${fmt(median(b.map((x) => x.count)))} (worst ${fmt(worst(b.map((x) => x.count)))}), ` +
        `longest ${fmt(median(b.map((x) => x.longest)))} (worst ${fmt(worst(b.map((x) => x.longest)))}) ms, ` +
        `total ${fmt(median(b.map((x) => x.total)))} ms, over 100 ms: ${fmt(median(b.map((x) => x.over100)))} (worst ${fmt(worst(b.map((x) => x.over100)))}); ` +
        `floor: longest ${fmt(worst(fb.map((x) => x.longest)))} ms`,
    );
  }
  const errors = cell.dashboard.map((r) => r.page.panels.filter((/** @type {any} */ p) => p.error).length);
  if (errors.some((n) => n > 0)) console.log(`${pad('', 19)}panels that settled on an error notice (the backend's answer): ${fmt(median(errors))} of ${cell.dashboard[0]?.page.panels.length ?? 0}`);
  for (const failure of cell.failures) console.log(`${pad('', 19)}FAILED: ${failure}`);
}
console.log(`\nLong tasks: PerformanceObserver 'longtask', Chromium only (Firefox and WebKit do not support it). Stalls: a 10 ms timer firing 50 ms or more late, every engine (the stall's length is how late).`);

console.log('\nWhere the time goes (dashboard, medians over the runs; ms from navigation start):');
for (const cell of cells) {
  if (!cell.dashboard.length) continue;
  const ms = cell.dashboard.map(milestones);
  const m = (/** @type {keyof ReturnType<typeof milestones>} */ k) => fmt(median(ms.map((x) => /** @type {number} */ (x[k]))));
  console.log(`\n${cell.engine}, backend ${speedName(cell.latencyMs)}:`);
  console.log(`  page HTML ${m('html')} · pharos-ops.js ${m('scriptStart')} → ${m('scriptEnd')} · panels first rendered ${m('firstRender')} (last ${m('lastRender')}) · first contentful paint ${m('fcp')}`);
  console.log(
    `  backend: ${m('requests')} requests + ${m('preflights')} preflights, at most ${m('maxOpen')} open at the backend at once; first fetch ${m('firstRequest')}, last answer ${m('lastAnswer')}; ` +
      `from fetch() to the request sent (connection wait + preflight): median ${m('waitMedian')}, longest ${m('waitMax')}`,
  );
  const chunkNames = [...new Set(ms.flatMap((x) => x.chunks.map((c) => c.name)))];
  if (chunkNames.length) {
    const chunkText = chunkNames.map((n) => {
      const c = ms.map((x) => x.chunks.find((y) => y.name === n)).filter(Boolean);
      return `${n} ${fmt(median(c.map((y) => /** @type {any} */ (y).start)))} → ${fmt(median(c.map((y) => /** @type {any} */ (y).end)))}`;
    });
    console.log(`  chunks loaded on demand: ${chunkText.join(', ')}`);
  }
  const floorFirst = cell.floor.map((r) => Math.min(...apiOf(r, backendUrl).map((/** @type {any} */ x) => x.start)));
  const floorLast = cell.floor.map((r) => Math.max(...apiOf(r, backendUrl).map((/** @type {any} */ x) => x.end)));
  console.log(`  floor: first fetch ${fmt(median(floorFirst))}, last answer ${fmt(median(floorLast))}`);
  // The three phases of a load, against the floor's: until the first request, the requests
  // (first fetch() to last answer), and from the last answer to every panel with data.
  const phases = (/** @type {Run[]} */ runs) =>
    runs.map((r) => {
      const api = apiOf(r, backendUrl);
      const first = Math.min(...api.map((/** @type {any} */ x) => x.start));
      const last = Math.max(...api.map((/** @type {any} */ x) => x.end));
      return { before: first, requests: last - first, after: (r.allData ?? NaN) - last };
    });
  const dp = phases(cell.dashboard);
  const fp = phases(cell.floor);
  const phase = (/** @type {'before' | 'requests' | 'after'} */ k) => `${fmt(median(dp.map((x) => x[k])))} (floor ${fmt(median(fp.map((x) => x[k])))})`;
  console.log(`  phases: before the first request ${phase('before')} · requests ${phase('requests')} · from the last answer to every panel with data ${phase('after')}`);
  /** @type {Map<string, { rendered: number[], data: number[] }>} */
  const panels = new Map();
  for (const run of cell.dashboard) {
    for (const p of run.page.panels) {
      const e = panels.get(p.name) ?? { rendered: [], data: [] };
      if (p.rendered !== null) e.rendered.push(p.rendered);
      if (p.data !== null) e.data.push(p.data);
      panels.set(p.name, e);
    }
  }
  const byData = [...panels].sort((a, b) => median(a[1].data) - median(b[1].data));
  console.log(`  each panel, rendered → with data: ${byData.map(([n, e]) => `${n.replace(/^pharos-/, '')} ${fmt(median(e.rendered))}→${fmt(median(e.data))}`).join(', ')}`);
  const frames = cell.dashboard.flatMap((r) => r.page.longFrames.filter((/** @type {any} */ f) => f.start < (r.allData ?? Infinity)));
  if (frames.length) {
    /** @type {Map<string, number>} */
    const byScript = new Map();
    for (const f of frames) for (const s of f.scripts) byScript.set(`${s.invoker} (${s.source})`, (byScript.get(`${s.invoker} (${s.source})`) ?? 0) + s.duration);
    const top = [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`  scripts in long animation frames while loading (Chromium; ms summed over ${cell.dashboard.length} runs): ${top.map(([k, d]) => `${k} ${fmt(d)}`).join('; ')}`);
  }
  if (values.timeline) printTimeline(cell);
}

/**
 * The run with the median "every panel" time: each request to the backend, as the page asked
 * for it and as the backend saw it.
 * @param {(typeof cells)[number]} cell
 */
function printTimeline(cell) {
  const sorted = [...cell.dashboard].sort((a, b) => (a.allData ?? 0) - (b.allData ?? 0));
  const run = sorted[sorted.length >> 1];
  if (!run) return;
  console.log(`  timeline of the median run (every panel with data at ${fmt(run.allData ?? NaN)} ms): fetch() → sent → first byte → read; backend: preflight, request`);
  const api = apiOf(run, backendUrl).sort((/** @type {any} */ a, /** @type {any} */ b) => a.start - b.start);
  for (const r of api) {
    const url = r.name.slice(backendUrl.length);
    const pre = run.server.find((s) => s.method === 'OPTIONS' && s.url === url);
    const get = run.server.find((s) => s.method !== 'OPTIONS' && s.url === url && s.at >= r.start - 5);
    console.log(
      `    ${pad(url.length > 52 ? `${url.slice(0, 51)}…` : url, 53)}${lpad(fmt(r.start), 6)} →${lpad(fmt(r.requestStart || NaN), 6)} →${lpad(fmt(r.responseStart || NaN), 6)} →${lpad(fmt(r.end), 6)}` +
        `   ${pre ? `preflight ${fmt(pre.at)}–${fmt(pre.done ?? NaN)}` : 'no preflight'.padEnd(19)}  ${get ? `GET ${fmt(get.at)}–${fmt(get.done ?? NaN)}` : ''}`,
    );
  }
  for (const c of run.page.resources.filter((/** @type {any} */ r) => r.name.startsWith(site.origin))) {
    console.log(`    ${pad(c.name.slice(site.origin.length), 53)}${lpad(fmt(c.start), 6)} →${lpad(fmt(c.requestStart || NaN), 6)} →${lpad(fmt(c.responseStart || NaN), 6)} →${lpad(fmt(c.end), 6)}`);
  }
  const tasks = run.page.longTasks.map(([s, d]) => `${fmt(s)}+${fmt(d)}`).join(', ');
  const stalls = run.page.stalls.map(([s, d]) => `${fmt(s)}+${fmt(d)}`).join(', ');
  if (run.page.longTaskSupported) console.log(`    long tasks (start+duration): ${tasks || 'none'}`);
  console.log(`    stalls (start+length): ${stalls || 'none'}`);
}

const failed = cells.some((c) => c.failures.length > 0 || c.dashboard.length === 0);
process.exit(failed ? 1 : 0);
