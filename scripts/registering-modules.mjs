// A Vite plugin for our own builds (dist/ and cdn/): `src/components/<name>/<name>.ts`
// registers its tag on import. package.json's `sideEffects` names only the published
// dist/ files, so without this Rolldown takes those src modules for side-effect-free and
// drops their `define()` calls from every module that re-exports them (src/index.ts).

/** True for a module that registers a tag: components/<name>/<name>.(ts|js). @param {string} id */
export const registersTags = (id) => /[\\/]components[\\/]([^\\/]+)[\\/]\1\.(ts|js)$/.test(id);

/** @returns {import('vite').Plugin} */
export const registeringModules = () => ({
  name: 'registering-modules',
  transform(code, id) {
    return registersTags(id) ? { code, map: null, moduleSideEffects: true } : undefined;
  },
});
