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
      // The analyzer lists modules in the order their files finish reading, which varies
      // from run to run on a busy machine; sorted, the manifest check is deterministic.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
