// Serves `*.css?inline` imports as a string module, as Vite does, so components can adopt
// third-party CSS (uPlot's) into their shadow roots in the test runner too.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** @param {string} rootDir */
export function cssInlinePlugin(rootDir) {
  return {
    name: 'css-inline',
    /** @param {{ path: string, URL: URL }} context */
    async serve(context) {
      if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return;
      const css = await readFile(resolve(rootDir, '.' + context.path), 'utf8');
      return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
    },
  };
}
