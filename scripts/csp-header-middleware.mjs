// @ts-check
// Serves the HTML pages under a path prefix with a strict Content-Security-Policy header, as an
// intranet wiki would: scripts and styles from the page's origin only, no inline styles or
// scripts, no eval. Tests load such a page in an iframe to see the elements under that policy.

/** The policy: what a strict host allows (style attributes, inline scripts and eval are blocked). */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/**
 * @param {string} prefix URL path whose HTML documents get the header
 * @returns {(ctx: { path: string, response: { is(type: string): string | false | null }, set(name: string, value: string): void }, next: () => Promise<unknown>) => Promise<void>}
 */
export function cspHeaderMiddleware(prefix = '/test/csp/') {
  return async (ctx, next) => {
    await next();
    if (ctx.path.startsWith(prefix) && ctx.response.is('html')) ctx.set('Content-Security-Policy', STRICT_CSP);
  };
}
