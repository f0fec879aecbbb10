// @ts-check
// A small loopback HTTP server for scripts that open pages in a browser (benchmarks, size
// checks): fixed HTML pages, static folders, and a hook that may answer first (a simulator
// hub). Files go out gzipped when the browser accepts it, as a CDN sends them, so a page
// loads the bytes a user's browser would; each file is compressed once and kept.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = /** @type {Record<string, string>} */ ({
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
});

/**
 * @typedef {object} StaticServerOptions
 * @property {Record<string, string> | ((path: string) => string | undefined)} [pages]
 *   HTML by path (`/dashboard.html`), or a function of the path that returns it or nothing
 * @property {Record<string, string>} [roots] folders by URL prefix, e.g. `{ '/cdn/': 'cdn' }`
 * @property {boolean} [gzip] compress files and pages for browsers that accept gzip (default true)
 * @property {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean} [handle]
 *   answers a request first, or returns false to let the server go on
 * @property {string} [host] default 127.0.0.1
 * @property {number} [port] default 0, a free one
 */

/**
 * Starts the server and resolves once it listens.
 * @example
 * const server = await startStaticServer({ roots: { '/cdn/': 'cdn' }, pages: { '/': '<!doctype html>…' } });
 * await page.goto(`${server.origin}/`);
 * await server.close();
 * @param {StaticServerOptions} options
 * @returns {Promise<{ origin: string, port: number, server: import('node:http').Server, close: () => Promise<void> }>}
 */
export async function startStaticServer(options) {
  const { pages = {}, roots = {}, gzip = true, handle, host = '127.0.0.1', port = 0 } = options;
  /** @type {Map<string, { mtimeMs: number, body: Buffer }>} */
  const compressed = new Map();
  const pageFor = typeof pages === 'function' ? pages : (/** @type {string} */ path) => pages[path];

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {string} type @param {Buffer} body @param {string} [key] cache key for the gzip of a file
   */
  function send(req, res, type, body, key, mtimeMs = 0) {
    const headers = /** @type {Record<string, string | number>} */ ({ 'Content-Type': type, 'Cache-Control': 'no-cache' });
    if (gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let cached = key ? compressed.get(key) : undefined;
      if (!cached || cached.mtimeMs !== mtimeMs) {
        cached = { mtimeMs, body: gzipSync(body, { level: 9 }) };
        if (key) compressed.set(key, cached);
      }
      body = cached.body;
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    if (handle?.(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pageFor(path);
    if (page !== undefined) return send(req, res, TYPES['.html'], Buffer.from(page));
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end();
    const root = normalize(roots[prefix]);
    const file = normalize(join(root, decodeURIComponent(path.slice(prefix.length)) || 'index.html'));
    // Nothing outside the folder, whatever the path says.
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return void res.writeHead(404).end();
    try {
      const { mtimeMs } = statSync(file);
      send(req, res, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), file, mtimeMs);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://${host}:${actual}`,
    port: actual,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
