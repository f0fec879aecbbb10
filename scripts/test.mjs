// Runs the relay's own tests (relay/, `node --test`), then the browser test suite in each
// engine named in BROWSERS (default: chromium, firefox, webkit), one after the other, and
// closes with "N passed, N failed, N skipped" over all of them alone on the last line, which
// CI reads. An engine whose browser is lost mid-run runs once more (see run()). Fails early,
// in one line, when an engine is not installed. Other arguments go to @web/test-runner
// (e.g. --files, --coverage); with --files or --coverage, or RELAY_TESTS=0, the relay's
// tests are left out (they test no browser code).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, selectedEngines } from './browsers.mjs';

const args = process.argv.slice(2);
let engines;
try {
  // Coverage is measured in Chromium (V8's coverage); the other engines have none to give.
  engines = selectedEngines(process.env.BROWSERS || (args.includes('--coverage') ? 'chromium' : undefined));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
for (const name of engines) {
  if (!ENGINES[name].found()) {
    console.error(`${name} is not installed: ${ENGINES[name].install}; or leave it out with BROWSERS=${engines.filter((e) => e !== name).join(',') || 'chromium'}.`);
    process.exit(1);
  }
}

/** @typedef {{ passed: number, failed: number, skipped: number, lost?: boolean, code: number, seconds: number, lines?: { covered: number, total: number, pct: number, required: number } }} Result */

/**
 * Runs the suite in one engine, and once more when the browser itself was lost mid-run (the
 * runner reports it disconnected, or ends without totals): WebKitGTK's MiniBrowser, driven
 * over WebDriver, now and then drops its session on a small shared machine, and every file
 * after that goes unrun. A browser lost twice, or any failing test, fails the run.
 * @param {string} name @returns {Promise<Result>}
 */
async function run(name) {
  const first = await runOnce(name);
  if (first.totals && !first.lost) return first;
  console.log(`${name}: the browser was lost before the suite finished; running ${name}'s suite once more`);
  const second = await runOnce(name);
  return { ...second, seconds: first.seconds + second.seconds };
}

/** @param {string} name @returns {Promise<Result & { totals: boolean }>} */
function runOnce(name) {
  const totalsFile = join(mkdtempSync(join(tmpdir(), 'pharos-test-')), 'totals.json');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...args], {
      stdio: 'inherit',
      env: { ...process.env, BROWSERS: name, PHAROS_TOTALS_FILE: totalsFile },
    });
    // Passed on, so an interrupted run stops the runner (and the browsers it started).
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      const written = existsSync(totalsFile);
      const totals = written ? JSON.parse(readFileSync(totalsFile, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
      // A run that failed without a failing test (a crash, a coverage threshold) still fails.
      if (code !== 0 && totals.failed === 0) totals.failed = 1;
      resolve({ ...totals, totals: written, code: code ?? 1, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/**
 * The relay is its own package (its dependencies are not the elements'): on a fresh checkout
 * its packages are installed here, once, so that `npm test` alone runs every test. Also what
 * the browser tests' relays (scripts/relay-plugin.mjs) need.
 * @returns {boolean} whether they are there
 */
function installRelay() {
  if (existsSync(join('relay', 'node_modules', 'fastify'))) return true;
  console.log('relay: installing its packages (npm ci --prefix relay)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const done = spawnSync(npm, ['ci', '--prefix', 'relay', '--prefer-offline', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (done.status === 0) return true;
  console.error('relay: its packages could not be installed: run npm ci --prefix relay');
  return false;
}

/**
 * Runs the relay's tests with Node's test runner: its spec report on the terminal, a TAP copy
 * in a file whose closing summary (`# pass N`, `# fail N`, ...) gives the counts.
 * @returns {Promise<Result>}
 */
function runRelay() {
  const started = performance.now();
  if (!installRelay()) return Promise.resolve({ passed: 0, failed: 1, skipped: 0, code: 1, seconds: 0 });
  const tapFile = join(mkdtempSync(join(tmpdir(), 'pharos-relay-test-')), 'relay.tap');
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, join('relay', 'test')],
      { stdio: 'inherit' },
    );
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
      // The top-level summary comes last; a count missing from it reads as 0.
      const count = (/** @type {string} */ key) => {
        const all = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
        return all.length ? Number(all[all.length - 1][1]) : 0;
      };
      const passed = count('pass');
      let failed = count('fail') + count('cancelled');
      const skipped = count('skipped') + count('todo');
      if (code !== 0 && failed === 0) failed = 1;
      resolve({ passed, failed, skipped, code: code ?? 1, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** @type {Result[]} */
const results = [];
const relayWanted = process.env.RELAY_TESTS !== '0' && !args.some((a) => a === '--files' || a.startsWith('--files=') || a === '--coverage');
// The browser suite starts relays too (test/relay/).
if (!relayWanted) installRelay();
if (relayWanted) {
  const result = await runRelay();
  results.push(result);
  console.log(`relay: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped in ${result.seconds.toFixed(0)} s`);
}
for (const name of engines) {
  const result = await run(name);
  results.push(result);
  console.log(`${name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped in ${result.seconds.toFixed(0)} s`);
  if (result.lines) {
    console.log(`${name}: line coverage ${result.lines.pct} % (${result.lines.covered} of ${result.lines.total} lines; ${result.lines.required} % required)`);
  }
}
const sum = (/** @type {'passed' | 'failed' | 'skipped'} */ key) => results.reduce((n, r) => n + r[key], 0);
console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
