// A Vite plugin that minifies the static text of Lit's css`…`, html`…` and svg`…` templates in
// our own sources, which the minifier leaves as written (styles and templates are most
// of each element's code). Conservative on purpose, so rendering and bindings cannot change:
//   css`…` without ${…}: esbuild's own CSS minifier (the one that minifies uPlot's CSS);
//   css`…` with ${…}:    comments dropped, whitespace collapsed, and dropped around { } ; ,
//   html`…`, svg`…`:     each whitespace run that holds a line break becomes one space
//                        (HTML renders any run as at most one space; <pre> and <textarea>
//                        content here is always a binding, never static text).
// The ${…} expressions are kept byte for byte, apart from templates nested in them, so
// every binding stays where it was. Off-the-shelf minifiers did not fit: minify-literals
// needs Node 22, and esbuild-minify-templates drops the space between adjacent tags
// (`</b> <i>`), which changes what the text reads.
import * as esbuild from 'esbuild';

/**
 * The plugin, for dist/ (vite.lib.config.ts) and cdn/ (build-cdn.mjs) alike.
 * @returns {import('vite').Plugin}
 */
export const minifyLiterals = () => ({
  name: 'minify-literals',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return undefined;
    return { code: minifySource(code), map: null };
  },
});

/** Returns `source` with the static parts of its css/html/svg tagged templates minified. @param {string} source */
export function minifySource(source) {
  return new Scanner(source).code(false);
}

const REGEX_BEFORE = new Set([...'(,=:[!&|?{};+-*%<>~^', '']);

class Scanner {
  /** @param {string} s */
  constructor(s) {
    this.s = s;
    this.i = 0;
  }

  /**
   * Copies code up to the end (or the `}` closing a ${…} when `inExpression`), minifying the tagged templates in it.
   * @param {boolean} inExpression
   */
  code(inExpression) {
    const { s } = this;
    let out = '';
    let depth = 0;
    let last = ''; // last significant character, to tell a regex literal from a division
    while (this.i < s.length) {
      const c = s[this.i];
      const start = this.i;
      if (c === '/' && s[this.i + 1] === '/') {
        const end = s.indexOf('\n', this.i);
        this.i = end < 0 ? s.length : end;
        out += s.slice(start, this.i);
        continue;
      }
      if (c === '/' && s[this.i + 1] === '*') {
        const end = s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
        out += s.slice(start, this.i);
        continue;
      }
      if (c === '"' || c === "'") {
        this.skipQuoted(c);
        out += s.slice(start, this.i);
        last = c;
        continue;
      }
      if (c === '/' && (REGEX_BEFORE.has(last) || /\b(return|typeof|case|of|in)\s*$/.test(out))) {
        this.skipRegex();
        out += s.slice(start, this.i);
        last = '/';
        continue;
      }
      if (c === '`') {
        const tag = /\b(css|html|svg)\s*$/.exec(out)?.[1];
        out += this.template(tag);
        last = '`';
        continue;
      }
      if (c === '{') depth++;
      if (c === '}') {
        if (inExpression && depth === 0) return out;
        depth--;
      }
      if (!/\s/.test(c)) last = c;
      out += c;
      this.i++;
    }
    if (inExpression) throw new Error('unterminated ${…} in a template literal');
    return out;
  }

  /** @param {string} quote */
  skipQuoted(quote) {
    const { s } = this;
    this.i++;
    while (this.i < s.length && s[this.i] !== quote) this.i += s[this.i] === '\\' ? 2 : 1;
    this.i++;
  }

  skipRegex() {
    const { s } = this;
    let inClass = false;
    this.i++;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\') this.i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      else if (c === '\n') throw new Error(`could not read a regular expression at offset ${this.i}`);
      this.i++;
    }
    this.i++;
    while (/[a-z]/i.test(s[this.i] ?? '')) this.i++;
  }

  /**
   * Reads a template literal at `this.i`; minifies its static parts when `tag` is css, html or svg.
   * @param {string | undefined} tag
   */
  template(tag) {
    const { s } = this;
    this.i++;
    /** @type {string[]} */
    const quasis = [];
    /** @type {string[]} */
    const expressions = [];
    let quasi = '';
    while (this.i < s.length && s[this.i] !== '`') {
      if (s[this.i] === '\\') {
        quasi += s.slice(this.i, this.i + 2);
        this.i += 2;
      } else if (s[this.i] === '$' && s[this.i + 1] === '{') {
        this.i += 2;
        quasis.push(quasi);
        quasi = '';
        expressions.push(this.code(true));
        this.i++; // the closing }
      } else quasi += s[this.i++];
    }
    if (this.i >= s.length) throw new Error('unterminated template literal');
    this.i++;
    quasis.push(quasi);
    const minified = tag ? minifyQuasis(tag, quasis) : quasis;
    return '`' + minified.map((q, k) => (k < expressions.length ? `${q}\${${expressions[k]}}` : q)).join('') + '`';
  }
}

/** @param {string} tag @param {string[]} quasis */
function minifyQuasis(tag, quasis) {
  if (tag !== 'css') return quasis.map((q) => q.replace(/[ \t]*\r?\n\s*/g, ' '));
  if (quasis.length === 1 && !quasis[0].includes('\\')) {
    return [esbuild.transformSync(quasis[0], { loader: 'css', minify: true }).code.trim()];
  }
  return quasis.map((q) =>
    q
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/;}/g, '}'),
  );
}
