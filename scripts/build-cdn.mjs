// `npm run build`, part two: cdn/, the no-build files. esbuild bundles every dependency
// (lit, signals, @lit/context, @lit/task, uPlot and its CSS) and splits shared code into
// chunks, so there are no bare specifiers and a page loads only the chunks its tags need:
//   cdn/pharos-ops.js          every tag, and the whole API (configure, events, …), in one
//                              file: a page that wants everything gets it in one request, and
//                              one gzip stream compresses far better than 70 small chunks
//   cdn/autoloader.js          defines the pharos-* tags it finds in the page, on demand
//   cdn/components/<name>.js   one tag and the elements it renders
//   cdn/chunks/*.js            code shared by the per-element files
// The two sets share no code, so a page should use one or the other; using both still
// works (tags register once, contexts are keyed by Symbol.for).
import { readdirSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { cssInline } from './esbuild-css-inline.mjs';
import { minifyLiterals } from './esbuild-minify-literals.mjs';

const names = readdirSync('src/components');

rmSync('cdn', { recursive: true, force: true });
/** @type {esbuild.BuildOptions} */
const common = {
  outdir: 'cdn',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  tsconfig: 'tsconfig.json',
  define: { __PHAROS_ELEMENTS__: JSON.stringify(names.join(',')) },
  plugins: [cssInline, minifyLiterals],
  metafile: true,
  logLevel: 'warning',
};
const results = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [
      { in: 'src/cdn/autoloader.ts', out: 'autoloader' },
      ...names.map((name) => ({ in: `src/components/${name}/${name}.ts`, out: `components/${name}` })),
    ],
    splitting: true,
  }),
  esbuild.build({ ...common, entryPoints: [{ in: 'src/index.ts', out: 'pharos-ops' }] }),
]);

// No-build means no bare specifiers left behind, ever.
for (const [file, output] of results.flatMap((r) => Object.entries(r.metafile?.outputs ?? {}))) {
  const bare = output.imports.filter((i) => i.external && !i.path.startsWith('.') && !i.path.startsWith('/'));
  if (bare.length) throw new Error(`${file} still imports ${bare.map((i) => i.path).join(', ')}`);
}
