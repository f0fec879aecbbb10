// `npm run build`: the ES module library in dist/, with lit, signals and uPlot left to the
// host app (they are dependencies, so the app's bundler dedupes them).
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^signal-polyfill/, /^uplot($|\/)/],
      output: { minify: true },
    },
  },
});
