// Runs the browser test suite and closes with "N passed, N failed" alone on the last line,
// which CI reads. Fails early, in one line, when no Chromium/Chrome can be found.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from './chrome-path.mjs';

if (!findChrome()) {
  console.error('No Chromium or Chrome found: install chromium (apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}

const totalsFile = join(mkdtempSync(join(tmpdir(), 'pharos-test-')), 'totals.json');
const child = spawn(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, PHAROS_TOTALS_FILE: totalsFile } },
);
child.on('exit', (code) => {
  const totals = existsSync(totalsFile)
    ? JSON.parse(readFileSync(totalsFile, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0 };
  const failed = code !== 0 && totals.failed === 0 ? 1 : totals.failed;
  console.log(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
  process.exit(code ?? 1);
});
