// `npm run size`: the gzip bytes a browser actually loads, in three cases:
//   1. a page with only <pharos-health>, through cdn/autoloader.js;
//   2. the whole dashboard, through cdn/pharos-ops.js;
//   3. a Vite app that imports only @pharos/ops-elements/components/health.js.
// Each page is opened in headless Chromium (with the simulator answering its requests) and
// every script it loads is counted, gzipped as a server would send it. Builds first.
// It also fails if the one-element Vite app ships chart, alert or ingestion code.
// --files lists each file loaded; --breakdown says what each part of cdn/pharos-ops.js costs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { build, minifySync } from 'vite';
import { createSimulatorHub } from '../sim/hub.js';
import { bundleCdn } from './cdn-bundle.mjs';
import { chromeArgs, findChrome } from './chrome-path.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;
/** Ceilings: one element through the autoloader, and the whole dashboard (uPlot and every feature kept). */
const TARGETS = { element: 25 * KB, dashboard: 110 * KB };

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: rootDir, stdio: ['ignore', 'ignore', 'inherit'] });

// 3. The bundler app: a throw-away Vite project whose node_modules links to this package,
// so Vite resolves it through `exports` and honours `sideEffects`, as in a real app.
const appDir = join(rootDir, 'node_modules/.cache/pharos-size-app');
rmSync(appDir, { recursive: true, force: true });
mkdirSync(join(appDir, 'node_modules/@pharos'), { recursive: true });
symlinkSync(rootDir, join(appDir, 'node_modules/@pharos/ops-elements'), 'dir');
writeFileSync(join(appDir, 'main.js'), "import '@pharos/ops-elements/components/health.js';\n");
writeFileSync(join(appDir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script><pharos-health></pharos-health>\n');
await build({ root: appDir, base: '/app/', logLevel: 'silent', configFile: false, build: { outDir: 'dist', target: 'es2022' } });

/** @type {Record<string, string>} */
const pages = {
  '/health.html': '<!doctype html><script type="module" src="/cdn/autoloader.js"></script><pharos-health></pharos-health>',
  '/dashboard.html': '<!doctype html><script type="module" src="/cdn/pharos-ops.js"></script><pharos-source><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source>',
  '/dashboard-de.html': '<!doctype html><html lang="de"><script type="module" src="/cdn/pharos-ops.js"></script><pharos-source><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source>',
};
/** A shipped language's strings, loaded on demand (src/i18n/translations/<lang>.ts). */
const TRANSLATION = /\/chunks\/(pharos-ops-)?(de|es|fr|ja)-[\w-]+\.js$/;
/** @type {Record<string, string>} */
const roots = { '/cdn/': join(rootDir, 'cdn'), '/app/': join(appDir, 'dist') };
const hub = createSimulatorHub({ scenario: 'healthy' });
const server = createServer((req, res) => {
  if (hub.handle(req, res)) return;
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (pages[path]) return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(pages[path]);
  const prefix = Object.keys(roots).find((p) => path.startsWith(p));
  const file = prefix && normalize(join(roots[prefix], path.slice(prefix.length) || 'index.html'));
  try {
    if (!file || !prefix || !file.startsWith(roots[prefix])) throw new Error('outside');
    const type = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });

/**
 * Opens `path`, waits until `tag` is defined and the network is quiet, and returns the
 * scripts and stylesheets the page loaded, with their gzip sizes.
 * @param {string} path @param {string} tag
 */
async function measure(path, tag) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1920, height: 1080 });
  /** @type {Promise<{ url: string, gzip: number, text: string }>[]} */
  const loaded = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript|css/.test(type)) return;
    loaded.push(response.buffer().then((body) => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length, text: body.toString() })));
  });
  await page.goto(origin + path);
  await page.waitForFunction((t) => customElements.get(t), { timeout: 30_000 }, tag);
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
  const files = await Promise.all(loaded);
  await page.close();
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

const element = await measure('/health.html', 'pharos-health');
const dashboard = await measure('/dashboard.html', 'pharos-ops-dashboard');
const app = await measure('/app/index.html', 'pharos-health');
const german = await measure('/dashboard-de.html', 'pharos-ops-dashboard');
await browser.close();
server.close();

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
/** @param {string} label @param {{ files: { url: string, gzip: number }[], gzip: number }} m @param {number} [target] */
const line = (label, m, target) =>
  `  ${label.padEnd(52)} ${kb(m.gzip).padStart(9)}  ${String(m.files.length).padStart(3)} files  ${`(${m.gzip} B)`.padStart(10)}${target ? `   ceiling ${kb(target)}${m.gzip > target ? '  OVER' : '  ok'}` : ''}`;

console.log('gzip bytes loaded by headless Chromium (each script gzipped at level 9), lit and uPlot included:');
console.log(line('<pharos-health> alone, via cdn/autoloader.js', element, TARGETS.element));
console.log(line('whole dashboard, via cdn/pharos-ops.js', dashboard, TARGETS.dashboard));
console.log(line('Vite app importing components/health.js', app, TARGETS.element));
// Other languages cost a page one more file, its strings; an English page loads none.
const strings = german.files.filter((f) => TRANSLATION.test(f.url));
const englishLoadsStrings = [element, dashboard, app].flatMap((m) => m.files).filter((f) => TRANSLATION.test(f.url));
console.log(line('German strings, on top on a lang="de" page', { files: strings, gzip: strings.reduce((sum, f) => sum + f.gzip, 0) }));
if (englishLoadsStrings.length) console.error(`An English page loaded translations: ${englishLoadsStrings.map((f) => f.url).join(', ')}`);
if (strings.length !== 1) console.error(`A German page loaded ${strings.length} translation files, not one.`);
if (process.argv.includes('--files')) for (const m of [element, dashboard, app]) for (const f of m.files) console.log(`    ${kb(f.gzip).padStart(9)}  ${f.url.replace(origin, '')}`);

if (process.argv.includes('--breakdown')) await printBreakdown();

// What a one-element app must not carry: uPlot, alert rules, the ingestion client.
const appText = app.files.map((f) => f.text).join('\n');
const leaks = [['chart (uPlot)', /u-legend|uPlot/], ['alerts', /pharos-alerts|acknowledg/i], ['ingestion', /ingestion\/ingest|\/jobs\/history/]]
  .filter(([, pattern]) => /** @type {RegExp} */ (pattern).test(appText))
  .map(([name]) => name);
if (leaks.length) console.error(`The Vite app with only <pharos-health> ships ${leaks.join(', ')} code.`);
const over = element.gzip > TARGETS.element || dashboard.gzip > TARGETS.dashboard || app.gzip > TARGETS.element;
process.exit(leaks.length || over || englishLoadsStrings.length || strings.length !== 1 ? 1 : 0);

/**
 * What each part of cdn/pharos-ops.js costs: the gzip bytes the file loses without that
 * part's code (taken out of the unminified bundle, the rest minified and gzipped as the
 * build does). Parts: each element's folder, each folder of src/, each bundled package.
 * The costs add up to a little less than the file: what parts share is counted in none.
 */
async function printBreakdown() {
  const entry = (await bundleCdn({ 'pharos-ops': 'src/page-api.ts' }, {}, { write: false, minify: false })).find((o) => o.type === 'chunk' && o.isEntry);
  if (entry?.type !== 'chunk') throw new Error('no pharos-ops entry chunk');
  const gzipped = (/** @type {string} */ code) => gzipSync(minifySync('pharos-ops.js', code, { module: true }).code, { level: 9 }).length;
  const LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'];
  const SIGNALS = ['signal-polyfill', '@lit-labs/signals'];
  /** @param {string} id */
  const partOf = (id) => {
    const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1]?.replace('\\', '/');
    if (pkg) return LIT.includes(pkg) ? 'lit' : SIGNALS.includes(pkg) ? 'signals (polyfill and Lit binding)' : pkg;
    if (!id.startsWith(rootDir)) return 'the compiler\'s helpers (decorators)';
    const path = id.slice(rootDir.length).split(/[\\/]/);
    if (path[1] === 'components') return `<pharos-${path[2]}>`;
    return path.length > 2 ? `src/${path[1]}/` : `src/${path[1]}`;
  };
  /** @type {Map<string, string[]>} */
  const parts = new Map();
  let unmeasured = 0;
  for (const [id, module] of Object.entries(entry.modules)) {
    if (!module.code) continue;
    // Rolldown rewrites a module that loads another on demand in place: not found as is.
    if (!entry.code.includes(module.code)) unmeasured++;
    else parts.set(partOf(id), [...(parts.get(partOf(id)) ?? []), module.code]);
  }
  const total = gzipped(entry.code);
  const costs = [...parts].map(([part, codes]) => [part, total - gzipped(codes.reduce((code, c) => code.replace(c, ''), entry.code))]);
  costs.sort((a, b) => Number(b[1]) - Number(a[1]));
  console.log(`\nWhat each part of cdn/pharos-ops.js (${kb(total)}) costs, in gzip bytes the file loses without it:`);
  for (const [part, cost] of costs) console.log(`  ${kb(Number(cost)).padStart(9)}  ${part}`);
  console.log(`  ${kb(costs.reduce((sum, [, cost]) => sum + Number(cost), 0)).padStart(9)}  all the parts above`);
  if (unmeasured) console.log(`  (${unmeasured} small modules that load others on demand are not measured)`);
}
