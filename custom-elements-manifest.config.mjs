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
      // The analyzer lists modules in the order their files finish reading, which varies with
      // load; sorted by path, the same source always gives the same manifest.
      name: 'pharos-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
