// `npm test` runs this: every user-visible word goes through src/i18n/translate.ts, and every
// shipped language has every string. It reads the source with TypeScript's parser and fails on
//   - a word in a Lit template's text, or in an attribute people read (aria-label, title, …),
//     outside `${…}`: it belongs in t();
//   - a string literal given to a property people read (label:, heading:, …);
//   - a t()/tp() call whose English text is not a literal (the catalogs could not be checked);
//   - a language missing a string, holding one the source no longer has, or dropping a {0};
// and prints the gzip size of each language's strings.
// A line ending in `// i18n: not words` is passed over (a unit symbol, a product name).
//   node scripts/check-i18n.mjs            check
//   node scripts/check-i18n.mjs --missing  also list each language's missing keys in full
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
// TypeScript 7 has no JS API yet; the 5.9 line (installed as typescript-5) parses.
import ts from 'typescript-5';

const SRC = 'src';
const TRANSLATIONS = 'src/i18n/translations';
const LANGUAGES = readdirSync(TRANSLATIONS).filter((f) => statSync(join(TRANSLATIONS, f)).isDirectory());
/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = /\b(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|summary|heading)="([^"]*)"/g;
/** Object properties and class fields whose string value a person reads. */
const READ_PROPERTIES = new Set(['label', 'heading', 'title', 'description', 'summary', 'hint', 'placeholder', 'emptyText']);
/** Two letters in a row, in any script, is a word; a lone letter (`s`, `×`) or a symbol is not. */
const WORD = /\p{L}{2,}/u;
const IGNORE = /\/\/ i18n: not words\s*$/;

/** @param {string} dir @returns {string[]} */
const sourceFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.startsWith(TRANSLATIONS) ? [] : sourceFiles(path);
    return /\.[jt]s$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [path] : [];
  });

/** @type {string[]} */
const problems = [];
/** English text → where it is used. @type {Map<string, string>} */
const keys = new Map();

const literal = (/** @type {ts.Node | undefined} */ node) => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined);

/**
 * The string literals an expression in a template shows as they are: itself, the branches of
 * `?:`, either side of `??` and `||`. Arguments to calls are not (`formatMetric(…, 'percent')`).
 * @param {ts.Expression} node @returns {Array<ts.StringLiteral | ts.NoSubstitutionTemplateLiteral>}
 */
function spokenLiterals(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return spokenLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...spokenLiterals(node.whenTrue), ...spokenLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) return [...spokenLiterals(node.left), ...spokenLiterals(node.right)];
  return [];
}

for (const file of sourceFiles(SRC)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const where = (/** @type {ts.Node} */ node) => `${relative('.', file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const ignored = (/** @type {ts.Node} */ node) => IGNORE.test(lines[sf.getLineAndCharacterOfPosition(node.getEnd()).line] ?? '');

  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const keyArgs = name === 't' ? [node.arguments[1]] : name === 'tp' ? [node.arguments[3]] : name === 'translatable' ? [node.arguments[0]] : [];
      for (const arg of keyArgs) {
        const key = literal(arg);
        if (key !== undefined) keys.set(key, keys.get(key) ?? where(node));
        else if (name !== 't') problems.push(`${where(node)}: ${name}() needs its English text as a literal`);
        // t(lang, variable): the variable's values are declared with translatable('…').
      }
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg') && !ignored(node)) {
      const tpl = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(tpl) ? [tpl.text] : [tpl.head.text, ...tpl.templateSpans.map((s) => s.literal.text)];
      const joined = parts.join('\u0000').replace(/<!--[\s\S]*?-->/g, '');
      for (const m of joined.matchAll(READ_ATTRIBUTES)) {
        if (WORD.test(m[2].replace(/\u0000/g, ' '))) problems.push(`${where(node)}: ${m[1]}="${m[2].replace(/\u0000/g, '${…}')}" is English in the template`);
      }
      const textOnly = joined.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/gi, ' ');
      for (const piece of textOnly.split('\u0000')) {
        if (WORD.test(piece)) problems.push(`${where(node)}: "${piece.trim().slice(0, 50)}" is English in the template`);
      }
      // `${cond ? 'worker' : 'workers'}` in text, or in an attribute people read.
      if (!ts.isNoSubstitutionTemplateLiteral(tpl)) {
        tpl.templateSpans.forEach((span, i) => {
          const before = parts.slice(0, i + 1).join('');
          const inTag = before.lastIndexOf('<') > before.lastIndexOf('>');
          if (inTag && !/\b(aria-label|aria-description|aria-valuetext|title|placeholder|alt|label|heading)=["']?$/.test(before)) return;
          for (const value of spokenLiterals(span.expression)) {
            if (WORD.test(value.text)) problems.push(`${where(value)}: '${value.text.slice(0, 50)}' is English in the template`);
          }
        });
      }
    }
    if ((ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.name && ts.isIdentifier(node.name) && READ_PROPERTIES.has(node.name.text)) {
      const value = literal(node.initializer);
      if (value !== undefined && WORD.test(value) && !ignored(node)) problems.push(`${where(node)}: ${node.name.text}: '${value.slice(0, 50)}' is English outside t()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** The strings of one language: its area files' object literals, read without running them. */
function catalog(/** @type {string} */ lang) {
  /** @type {Map<string, { value: string[], where: string }>} */
  const entries = new Map();
  let source = '';
  for (const name of readdirSync(join(TRANSLATIONS, lang))) {
    const file = join(TRANSLATIONS, lang, name);
    const text = readFileSync(file, 'utf8');
    source += text;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    /** @param {ts.Node} node */
    const visit = (node) => {
      if (ts.isExportAssignment(node)) {
        let object = node.expression;
        while (ts.isSatisfiesExpression(object) || ts.isAsExpression(object) || ts.isParenthesizedExpression(object)) object = object.expression;
        if (!ts.isObjectLiteralExpression(object)) return void problems.push(`${file}: export default must be an object literal`);
        for (const prop of object.properties) {
          if (!ts.isPropertyAssignment(prop)) continue;
          const key = literal(prop.name) ?? (ts.isIdentifier(prop.name) ? prop.name.text : undefined);
          if (key === undefined) continue;
          const forms = ts.isObjectLiteralExpression(prop.initializer)
            ? prop.initializer.properties.flatMap((f) => (ts.isPropertyAssignment(f) ? [literal(f.initializer) ?? ''] : []))
            : [literal(prop.initializer) ?? ''];
          if (entries.has(key)) problems.push(`${file}: '${key}' is translated twice`);
          entries.set(key, { value: forms, where: file });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { entries, source };
}

const placeholders = (/** @type {string} */ s) => [...new Set(s.match(/\{\d\}/g) ?? [])].sort().join();
const showMissing = process.argv.includes('--missing');
/** @type {string[]} */
const sizes = [];
for (const lang of LANGUAGES) {
  const { entries, source } = catalog(lang);
  const missing = [...keys.keys()].filter((k) => !entries.has(k));
  if (missing.length) problems.push(`${lang}: ${missing.length} of ${keys.size} strings missing${showMissing ? `:\n    ${missing.join('\n    ')}` : `, e.g. '${missing[0]}' (${keys.get(missing[0])}); --missing lists them`}`);
  for (const [key, { value, where }] of entries) {
    if (!keys.has(key)) problems.push(`${where}: '${key}' is no longer in the source`);
    else if (value.some((v) => !v)) problems.push(`${where}: '${key}' has an empty translation`);
    else if (value.some((v) => placeholders(v) !== placeholders(key))) problems.push(`${where}: '${key}' → '${value.join(' | ')}' has other placeholders than the English`);
  }
  sizes.push(`${lang} ${(gzipSync(source, { level: 9 }).length / 1024).toFixed(1)} KB`);
}

if (problems.length) {
  console.error(`check-i18n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-i18n: ${keys.size} strings, each in ${LANGUAGES.join(', ')}; one language's strings (gzip, as source): ${sizes.join(', ')}`);
