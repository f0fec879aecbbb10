// `npm run analyze` → custom-elements.json, read from the JSDoc of src/ only.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
};
