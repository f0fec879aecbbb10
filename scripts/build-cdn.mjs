// `npm run build`, part two: cdn/, the no-build files. Vite (Rolldown) bundles every
// dependency (lit, signals, @lit/context, @lit/task, uPlot and its CSS), so there are no
// bare specifiers, and a page loads only the files its tags need:
//   cdn/pharos-ops.js          every tag, and the API a page uses (src/page-api.ts: configure,
//                              the store, alerts, events), in one file: a page that wants
//                              everything gets it in one request, and one gzip stream
//                              compresses far better than many small chunks; only code loaded
//                              on first use is apart (chunks/pharos-ops-*)
//   cdn/autoloader.js          defines the pharos-* tags it finds in the page, on demand
//   cdn/localize.js            registerTranslation() for the autoloader's elements
//   cdn/components/<name>.js   one tag and the elements it renders
//   cdn/chunks/core-*.js       what every element needs, as ONE file: lit, signals, the store,
//                              the HTTP client, the theme. Taken as what <pharos-health>, the
//                              smallest element, loads at once outside its own folder; code that
//                              fewer elements share is split off by Rolldown as usual, and
//                              uPlot comes with the first chart only.
// The two sets share no code, so a page should use one or the other; using both still
// works (tags register once, contexts are keyed by Symbol.for).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { bundleCdn, componentEntries } from './cdn-bundle.mjs';

// What <pharos-health> loads at once, outside its own folder: the core every element shares.
// Only the entry chunk's code that is really there: what it loads on demand (the sharing
// protocol) and what tree-shaking leaves out stay out of the core. lit's entry points
// (`lit`, `lit/decorators.js`, …) render nothing, since they only re-export, but go in too:
// left out, each would become an empty chunk that elements import.
const healthEntry = (await bundleCdn({ health: componentEntries['components/health'] }, {}, { write: false })).find((o) => o.type === 'chunk' && o.isEntry);
const litEntryPoint = (/** @type {string} */ id) => /[\\/]node_modules[\\/]lit[\\/]/.test(id);
const healthModules = Object.entries(healthEntry?.type === 'chunk' ? healthEntry.modules : {}).flatMap(([id, m]) => (m.renderedLength > 0 || litEntryPoint(id) ? [id] : []));
const core = new Set(healthModules.filter((id) => !/[\\/]src[\\/]components[\\/]health[\\/]/.test(id)));

rmSync('cdn', { recursive: true, force: true });
const outputs = [
  ...(await bundleCdn(
    { autoloader: 'src/cdn/autoloader.ts', localize: 'src/cdn/localize.ts', ...componentEntries },
    { codeSplitting: { groups: [{ name: 'core', test: (id) => core.has(id), includeDependenciesRecursively: false }] } },
  )),
  // One file, but for what is loaded on demand (the sharing protocol, the dialogs, …). The
  // group keeps every module the page needs at once in it: left alone, Rolldown split off
  // what on-demand chunks share with it (lit, the errors) as extra files loaded at once.
  ...(await bundleCdn(
    { 'pharos-ops': 'src/page-api.ts' },
    { chunkFileNames: 'chunks/pharos-ops-[name]-[hash].js', codeSplitting: { groups: [{ name: 'pharos-ops-initial', tags: ['$initial'] }] } },
  )),
];

// No-build means no bare specifiers left behind, ever.
const files = new Set(outputs.map((o) => o.fileName));
for (const output of outputs) {
  if (output.type !== 'chunk') continue;
  const bare = [...output.imports, ...output.dynamicImports].filter((path) => !files.has(path));
  if (bare.length) throw new Error(`cdn/${output.fileName} still imports ${bare.join(', ')}`);
}

// A second minifying pass with terser over what Rolldown's minifier wrote: it finds what the
// first pass leaves (joined declarations, inlined single-use constants) and takes about 0.6 %
// off every file's gzip size, which the dashboard's 110 KB ceiling needs. Safe options only.
for (const output of outputs) {
  if (output.type !== 'chunk') continue;
  const path = `cdn/${output.fileName}`;
  const { code } = await minify(readFileSync(path, 'utf8'), { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  if (code === undefined) throw new Error(`terser returned nothing for ${path}`);
  writeFileSync(path, code);
}

// The bundled packages' licences, once, beside the files that carry their code (the
// minifier drops the notices from the code itself).
const packages = [...new Set(outputs.flatMap((o) => (o.type === 'chunk' ? o.moduleIds : [])).flatMap((id) => id.match(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/)?.[1] ?? []))].sort();
writeFileSync(
  'cdn/THIRD-PARTY-LICENSES.txt',
  packages.map((name) => `${name}\n${'='.repeat(name.length)}\n\n${readFileSync(`node_modules/${name}/LICENSE`, 'utf8').trim()}\n`).join('\n'),
);
