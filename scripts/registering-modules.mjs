// A Vite plugin for our own builds (dist/ and cdn/): `src/components/<name>/<name>.ts`
// registers its tag on import, and `src/page-api.ts` imports them all. package.json's
// `sideEffects` names only the published dist/ files, so without this Rolldown takes those
// src modules for side-effect-free and drops their `define()` calls from every module that
// re-exports them (src/index.ts, through page-api.ts).

/** True for a module that registers a tag: components/<name>/<name>.(ts|js). @param {string} id */
export const registersTags = (id) => /[\\/]components[\\/]([^\\/]+)[\\/]\1\.(ts|js)$/.test(id);

/** True for a module that registers tags itself or through what it imports. @param {string} id */
const hasSideEffects = (id) => registersTags(id) || /[\\/]src[\\/]page-api\.(ts|js)$/.test(id);

/** @returns {import('vite').Plugin} */
export const registeringModules = () => ({
  name: 'registering-modules',
  transform(code, id) {
    return hasSideEffects(id) ? { code, map: null, moduleSideEffects: true } : undefined;
  },
});
