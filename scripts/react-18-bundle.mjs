// Test-runner plugin: serves test/react-18/app.ts bundled by esbuild at
// /test/react-18/app.bundle.js, with `react` and `react-dom` aliased to the React 18 in
// test/react-18/node_modules (the project's own React is 19, for the benchmark).
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { cssInline } from './esbuild-css-inline.mjs';

/** @param {string} rootDir */
export function react18BundlePlugin(rootDir) {
  const react18 = join(rootDir, 'test/react-18/node_modules');
  return {
    name: 'react-18-bundle',
    /** @param {{ path: string }} context */
    async serve(context) {
      if (context.path !== '/test/react-18/app.bundle.js') return;
      const result = await esbuild.build({
        entryPoints: [join(rootDir, 'test/react-18/app.ts')],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        tsconfig: join(rootDir, 'tsconfig.json'),
        alias: { react: join(react18, 'react'), 'react-dom': join(react18, 'react-dom') },
        define: { 'process.env.NODE_ENV': '"development"' },
        plugins: [cssInline],
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}
