// `npm run analyze` → custom-elements.json, read from the JSDoc of src/ only.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  litelement: true,
  // package.json already names the manifest; don't let the analyzer rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its file walk happens to finish, which
      // varies from run to run: sort them, so the committed manifest can be checked.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
