// `npm run build`, part one: dist/, the ES modules for bundlers. One output file per source
// module (preserveModules), so `components/<name>.js` pulls in only what that element
// imports; lit, signals, uPlot, @lit/react and React stay bare imports the app's bundler
// resolves and dedupes. uPlot's CSS is inlined as a string (it is imported with `?inline`).
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.mjs';
import { registeringModules } from './scripts/registering-modules.mjs';

/** Every element's registering module, `src/components/<name>/<name>.ts`. */
const elementEntries = Object.fromEntries(
  readdirSync('src/components').map((name) => [`components/${name}`, `src/components/${name}/${name}.ts`]),
);

export default defineConfig({
  publicDir: false,
  plugins: [
    // The static text of Lit's css/html/svg templates, minified (see the script).
    minifyLiterals(),
    registeringModules(),
    {
      // tsc writes the types at the source paths (components/x/x.d.ts); the public entry
      // components/x.js needs its own next to it.
      name: 'element-entry-types',
      generateBundle() {
        for (const name of readdirSync('src/components')) {
          this.emitFile({ type: 'asset', fileName: `components/${name}.d.ts`, source: `export * from './${name}/${name}.js';\n` });
        }
      },
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts', 'react/index': 'src/react/index.ts', ...elementEntries },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^signal-polyfill($|\/)/, /^uplot$/, /^react($|\/)/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // Modules from outside src/ (uPlot's CSS as a string, the decorator helper) get
        // plain names rather than dist/node_modules/… and dist/_virtual/… paths.
        entryFileNames: (chunk) => {
          if (chunk.name.includes('uplot')) return 'vendor/uplot-css.js';
          if (!chunk.name.startsWith('node_modules/') && !chunk.name.startsWith('_virtual/')) return '[name].js';
          return `vendor/${chunk.name.split('/').pop()}.js`;
        },
        minify: true,
      },
    },
  },
});
