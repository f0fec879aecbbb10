// custom-elements.json is generated from the JSDoc and committed; a stale one misdocuments
// the elements for editors and wrappers. `npm test` runs this before the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves --outdir against the working directory.
const dir = 'node_modules/.cache/pharos-manifest-check';
spawnSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', dir], { stdio: 'ignore' });
const fresh = join(dir, 'custom-elements.json');
const same = existsSync(fresh) && readFileSync(fresh, 'utf8') === readFileSync('custom-elements.json', 'utf8');
rmSync(dir, { recursive: true, force: true });
if (!same) {
  console.error('custom-elements.json does not match the source: run `npm run analyze` and commit it.');
  process.exit(1);
}
