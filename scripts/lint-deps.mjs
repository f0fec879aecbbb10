// Runs dependency-cruiser (`.dependency-cruiser.cjs`: no cycles, no upward imports) over src/.
// dependency-cruiser reads TypeScript with TypeScript's own parser, which TypeScript 7 (the
// project's compiler) no longer offers as a library; so, for dependency-cruiser alone, the
// bare name `typescript` is answered with the 5.9 line installed as `typescript-5`.
// Arguments go to depcruise (default: validate src/ and print the violations).
import Module, { register } from 'node:module';

const fromCruiser = (/** @type {string | undefined} */ parent) => Boolean(parent && parent.includes('/dependency-cruiser/'));
const renamed = (/** @type {string} */ specifier) => specifier.replace(/^typescript(?=$|\/)/, 'typescript-5');

// CommonJS: dependency-cruiser reads the version through require().
const M = /** @type {any} */ (Module);
const resolveFilename = M._resolveFilename;
M._resolveFilename = function (/** @type {string} */ request, /** @type {any} */ parent, /** @type {unknown[]} */ ...rest) {
  return resolveFilename.call(this, fromCruiser(parent?.filename) ? renamed(request) : request, parent, ...rest);
};
// ES modules: it loads the parser through import().
const hooks = `export async function resolve(specifier, context, next) {
  const fromCruiser = ${fromCruiser.toString()};
  const renamed = ${renamed.toString()};
  return next(fromCruiser(context.parentURL) ? renamed(specifier) : specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const args = process.argv.slice(2);
process.argv = [process.argv[0], 'depcruise', ...(args.length > 0 ? args : ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'])];
await import(new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url).href);
