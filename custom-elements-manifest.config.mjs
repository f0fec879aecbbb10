// `npm run analyze` → custom-elements.json, read from the JSDoc of src/ only.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  litelement: true,
  // package.json already names the manifest; don't let the analyzer rewrite it.
  packagejson: false,
};
