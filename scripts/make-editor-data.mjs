// Generates the editor files from custom-elements.json, so that someone typing `<pharos-` in
// an editor gets every tag, attribute, event, part and custom property, as the manifest says:
//   editor/vscode.html-custom-data.json  VS Code's HTML custom data (settings: html.customData)
//   editor/vscode.css-custom-data.json   VS Code's CSS custom data (settings: css.customData)
//   editor/web-types.json                JetBrains web-types (package.json "web-types" points at it)
// The well-kept generators the Shoelace family uses do the work; this only writes or checks.
//   node scripts/make-editor-data.mjs           write the three files
//   node scripts/make-editor-data.mjs --check   exit 1 if any is stale (npm test)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getWebTypesData } from 'custom-element-jet-brains-integration';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const OUT_DIR = 'editor';

/** The manifest's link for each element: its section of the README's table, on the package's page. */
const docsUrl = 'https://www.npmjs.com/package/@pharos/ops-elements#the-elements';
const common = { hideLogs: true };

const files = {
  [`${OUT_DIR}/vscode.html-custom-data.json`]: getVsCodeHtmlCustomData(manifest, {
    ...common,
    referencesTemplate: (name) => [{ name: `${name} in the README`, url: docsUrl }],
  }),
  [`${OUT_DIR}/vscode.css-custom-data.json`]: getVsCodeCssCustomData(manifest, common),
  [`${OUT_DIR}/web-types.json`]: getWebTypesData(manifest, {
    ...common,
    // Written as the package names itself, so editors show where a tag comes from.
    packageJson: false,
    referenceTemplate: (name) => ({ name: `${name} in the README`, url: docsUrl }),
  }),
};

/**
 * The generators' output, pretty-printed the same way every time (and named for this package).
 * @param {string} path @param {string} text
 */
function normalise(path, text) {
  const data = JSON.parse(text);
  if (path.endsWith('web-types.json')) Object.assign(data, { name: pkg.name, version: pkg.version });
  return `${JSON.stringify(data, null, 2)}\n`;
}

const check = process.argv.includes('--check');
/** @type {string[]} */
const stale = [];
for (const [path, text] of Object.entries(files)) {
  const want = normalise(path, text);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== want) stale.push(path);
  } else {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path, want);
  }
}
if (stale.length) {
  console.error(`${stale.join(', ')} ${stale.length === 1 ? 'does' : 'do'} not match custom-elements.json: run \`npm run analyze\` and commit.`);
  process.exit(1);
}
