// `npm run analyze` → custom-elements.json, read from the JSDoc of src/ only.
export default {
  globs: ['src/**/*.ts'],
  // src/react/ is generated from the manifest; src/cdn/ holds no elements.
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts', 'src/react/**', 'src/cdn/**'],
  litelement: true,
  // package.json already names the manifest; don't let the analyzer rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its globbing happens to finish, which varies
      // from run to run; sorted, the committed manifest can be compared with a fresh one.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
