// esbuild plugin: `import css from 'x.css?inline'` → the minified stylesheet as a string,
// as Vite does, for components that adopt third-party CSS (uPlot's) into a shadow root.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);

/** @type {esbuild.Plugin} */
export const cssInline = {
  name: 'css-inline',
  setup(build) {
    build.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: require.resolve(args.path.replace(/\?inline$/, ''), { paths: [args.resolveDir] }),
      namespace: 'css-inline',
    }));
    build.onLoad({ filter: /.*/, namespace: 'css-inline' }, async (args) => {
      const { code } = await esbuild.transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};
