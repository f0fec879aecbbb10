// How cdn/ is bundled, shared by scripts/build-cdn.mjs (which writes it) and
// scripts/size.mjs (whose --breakdown measures what each part of it costs).
import { readdirSync } from 'node:fs';
import { build } from 'vite';
import { minifyLiterals } from './minify-literals.mjs';
import { registeringModules } from './registering-modules.mjs';

/** Every element's folder name under src/components/. */
export const elementNames = readdirSync('src/components');

/** The entry of every element's own file, `components/<name>`. */
export const componentEntries = Object.fromEntries(elementNames.map((name) => [`components/${name}`, `src/components/${name}/${name}.ts`]));

/**
 * Bundles `entry` as cdn/ is: every dependency included, ES modules, minified unless
 * `minify` is false.
 * @param {Record<string, string>} entry
 * @param {import('vite').Rolldown.OutputOptions} output
 * @param {{ write?: boolean, minify?: boolean }} [options]
 */
export async function bundleCdn(entry, output, { write = true, minify = true } = {}) {
  const result = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    define: { __PHAROS_ELEMENTS__: JSON.stringify(elementNames.join(',')) },
    plugins: [minifyLiterals(), registeringModules()],
    build: {
      outDir: 'cdn',
      emptyOutDir: false,
      write,
      target: 'es2022',
      minify,
      modulePreload: false,
      lib: { entry, formats: ['es'] },
      // An entry may export more than its module does: what its on-demand chunks share with
      // it comes from the entry itself, not from an extra common chunk.
      rolldownOptions: {
        preserveEntrySignatures: 'allow-extension',
        // A module both imported and loaded on demand (the Prometheus client in the per-element
        // set) rightly stays where it is imported.
        onwarn: (warning, warn) => warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT' && warn(warning),
        // Lit's packages declare no `sideEffects`, so a module of theirs that nothing uses stays
        // in for its top-level calls: the `watch` directive of @lit-labs/signals and, through
        // it, Lit's async directives (about 1 KB gzip in every element). Their modules only
        // define things; one whose exports are used is kept whole as before.
        treeshake: { moduleSideEffects: (id) => !/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs)[\\/]/.test(id) },
        // No comments: nothing re-bundles these files, so pure annotations are only bytes (the
        // licences are in THIRD-PARTY-LICENSES.txt).
        output: { chunkFileNames: 'chunks/[name]-[hash].js', minify, comments: false, ...output },
      },
    },
  });
  return /** @type {import('vite').Rolldown.RolldownOutput} */ (Array.isArray(result) ? result[0] : result).output;
}
