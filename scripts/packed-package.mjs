// Test-runner middleware for the distribution tests: serves the package exactly as npm
// would install it (built, `npm pack`ed, extracted) under /packed/pkg/ (and under
// /packed/pkg-<copy>/, the same files at other URLs), and a host page /packed/page.html with
// a strict Content-Security-Policy header. The pack runs once, on the first request, so test
// runs that do not need it pay nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { STRICT_CSP } from './csp-header-middleware.mjs';

const run = promisify(execFile);

/** The nonce of the `style-nonce` host page's `<style>` elements. */
const STYLE_NONCE = 'pharos-test-nonce';

/** The host pages' policies, by `?policy=`. */
const POLICIES = {
  strict: STRICT_CSP,
  /**
   * With Trusted Types enforced (Chromium, and Safari and Firefox in their newest versions):
   * a string reaches an HTML sink only through a named policy. Lit's is `lit-html`;
   * `'allow-duplicates'` lets a second copy of Lit (the host's own) create it too.
   */
  'trusted-types': `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'`,
  /** `<style>` elements only with the page's nonce: what Lit writes where constructed stylesheets are missing. */
  'style-nonce': `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${STYLE_NONCE}'`,
};

/** @type {Record<string, string>} */
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.txt': 'text/plain', '.css': 'text/css' };

// Loaded first by the host page (a classic script, allowed by script-src 'self'), so it
// sees every violation the library could cause.
const PROBE = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
});`;

// An old browser's page (before constructed stylesheets): Lit then writes a <style> element
// into each shadow root, with the nonce the page gives it in window.litNonce (here from its
// script tag's data-lit-nonce, when there is one).
const OLD_BROWSER = `delete Document.prototype.adoptedStyleSheets;
if (document.currentScript.dataset.litNonce) window.litNonce = document.currentScript.dataset.litNonce;`;

// A host app's own element that renders Pharos tags in its shadow root, as a Lit, Stencil or
// Salesforce app does, and hands the root to the autoloader (which watches the document).
const HOST_APP = `import { autoload } from './pkg/cdn/autoloader.js';
customElements.define('host-app', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const health = document.createElement('pharos-health');
    health.setAttribute('base-url', this.getAttribute('base-url'));
    root.append(health);
    autoload(root);
  }
});`;

/**
 * @param {string} rootDir the package to pack
 * @returns {(ctx: any, next: () => Promise<unknown>) => Promise<unknown>}
 */
export function packedPackageMiddleware(rootDir) {
  /** @type {Promise<string> | undefined} */
  let packed;
  /** Package files answered with 503 while their path contains this (a chunk that fails to load). */
  let withheld = '';
  const pack = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pharos-packed-'));
    // The full build (what `prepack` runs), then the pack alone, so that the build's own
    // output (which may hold brackets) never mixes with npm's JSON.
    await run('npm', ['run', 'build'], { cwd: rootDir, maxBuffer: 64 * 1024 * 1024 });
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: rootDir, maxBuffer: 64 * 1024 * 1024 });
    const [{ filename }] = JSON.parse(stdout);
    await run('tar', ['-xzf', join(dir, filename), '-C', dir]);
    return join(dir, 'package');
  };

  return async (ctx, next) => {
    if (!ctx.path.startsWith('/packed/')) return next();
    const policy = /** @type {keyof typeof POLICIES} */ (String(ctx.query.policy ?? 'strict'));
    ctx.set('Content-Security-Policy', POLICIES[policy] ?? STRICT_CSP);
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path === '/packed/ready') {
      packed ??= pack();
      await packed;
      ctx.body = 'ok';
      return;
    }
    if (ctx.path === '/packed/withhold') {
      // ?file=<part of a path>, or nothing to serve everything again.
      withheld = String(ctx.query.file ?? '');
      ctx.body = 'ok';
      return;
    }
    /** @type {Record<string, string>} */
    const scripts = { '/packed/csp-probe.js': PROBE, '/packed/old-browser.js': OLD_BROWSER, '/packed/host-app.js': HOST_APP };
    if (scripts[ctx.path]) {
      ctx.type = 'text/javascript';
      ctx.body = scripts[ctx.path];
      return;
    }
    if (ctx.path === '/packed/page.html') {
      // ?script=autoloader|pharos-ops|host-app&html=<the tags to put in the body>
      // [&policy=trusted-types|style-nonce: style-nonce is an old browser's page, and gives
      // Lit the nonce unless &lit-nonce=none]
      // [&copy=<letters or digits>: the package from /packed/pkg-<copy>/, URLs no page loaded
      // before; Chromium serves a script it loaded once from memory, no-store or not]
      const copy = /^[a-z0-9]+$/i.test(String(ctx.query.copy ?? '')) ? `-${ctx.query.copy}` : '';
      const script = ctx.query.script === 'host-app' ? '/packed/host-app.js' : `/packed/pkg${copy}/cdn/${ctx.query.script === 'pharos-ops' ? 'pharos-ops' : 'autoloader'}.js`;
      const oldBrowser =
        policy === 'style-nonce'
          ? `<script src="/packed/old-browser.js"${ctx.query['lit-nonce'] === 'none' ? '' : ` data-lit-nonce="${STYLE_NONCE}"`}></script>\n`
          : '';
      ctx.type = 'text/html';
      ctx.body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict CSP host</title>
<script src="/packed/csp-probe.js"></script>
${oldBrowser}<script type="module" src="${script}"></script>
</head><body>${String(ctx.query.html ?? '')}</body></html>`;
      return;
    }
    const inPackage = /^\/packed\/pkg(?:-[a-z0-9]+)?\//i.exec(ctx.path);
    if (inPackage) {
      packed ??= pack();
      const root = await packed;
      const file = normalize(join(root, decodeURIComponent(ctx.path.slice(inPackage[0].length))));
      if (!file.startsWith(root)) return next();
      if (withheld && ctx.path.includes(withheld)) {
        ctx.status = 503;
        return;
      }
      try {
        ctx.body = await readFile(file);
        ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
      } catch {
        ctx.status = 404;
      }
      return;
    }
    return next();
  };
}
