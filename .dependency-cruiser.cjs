// The layering of src/, checked by `npm run lint:deps` (part of `npm test`): no import cycles,
// and each file imports only from its own layer or the layers below it. Low to high:
/** @type {Array<[name: string, path: string, holds: string]>} */
const LAYERS = [
  ['util', '^src/(util/|version\\.ts$|types\\.d\\.ts$)', 'pure helpers: no Lit, no store'],
  ['api', '^src/api/', 'plain functions over fetch, and the models they check'],
  ['analysis', '^src/analysis/', 'numbers in, judgements out (anomalies)'],
  ['store-core', '^src/store/(clock|visibility|time-range|history|resource|resources)(\\.ts$|/)', 'polling without a framework: clock, visibility, history, resources'],
  ['store-sharing', '^src/store/sharing/', 'one poller per browser: solo, the cross-tab protocol'],
  ['store-source', '^src/store/(source|registry)\\.ts$', 'the source, which wires the core and the sharing together'],
  ['history', '^src/history/', 'history kept across page loads, and from Prometheus'],
  ['alerts', '^src/alerts/', 'the alert engine, its rules and its monitor'],
  ['events', '^src/events/', 'the events elements fire'],
  ['i18n', '^src/i18n/', 'the words in the page\'s language: translation, plurals, lists, the catalogs'],
  ['store-lit', '^src/store/(lit/|index\\.ts$)', 'the Lit bindings of the store: context, controllers'],
  ['ui', '^src/ui/', 'the Lit kit the elements share'],
  ['ingestion', '^src/ingestion/', 'ingest submission (a Lit task), its errors, job ordering and counts'],
  ['components', '^src/components/', 'one folder per element'],
  ['entry', '^src/(index|page-api)\\.ts$|^src/(react|cdn)/', 'what the package exports'],
];

/** Layers that must run outside a browser (Node, a relay): no Lit here. */
const FRAMEWORK_FREE = ['util', 'api', 'analysis', 'store-core', 'store-sharing', 'store-source', 'alerts'];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} may import only from the layers below it (${LAYERS.slice(0, i).map(([n]) => n).join(', ') || 'none'}).`,
  severity: 'error',
  from: { path },
  to: {
    path: LAYERS.slice(i + 1).map(([, p]) => `(${p})`).join('|'),
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: break it with a narrow interface in the lower file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unlayered',
      comment: 'Every file of src/ belongs to a layer of .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map(([, p]) => `(${p})`).join('|') },
      to: {},
    },
    ...upward,
    {
      name: 'no-lit-in-core',
      comment: 'The store, the alert engine and what they use run in Node: no Lit, no DOM framework.',
      severity: 'error',
      from: { path: LAYERS.filter(([n]) => FRAMEWORK_FREE.includes(n)).map(([, p]) => `(${p})`).join('|') },
      to: { path: '^node_modules/(lit|lit-html|lit-element|@lit|@lit-labs|uplot)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|^src/.*\\.d\\.ts$' },
    // Type-only imports count: a cycle through types is still a knot for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
