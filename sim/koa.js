// @ts-check
// Mounts the simulator in @web/test-runner (Koa): the test pages and the simulator share
// one origin, so tests talk to it over real HTTP.
import { finished } from 'node:stream/promises';
import { createSimulatorHub } from './hub.js';

/**
 * @typedef {object} KoaContext the part of a Koa context this middleware uses
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {boolean} [respond]
 */

/**
 * A Koa middleware answering simulator paths and passing everything else on.
 * @param {ReturnType<typeof createSimulatorHub>} [hub]
 * @returns {(ctx: KoaContext, next: () => Promise<unknown>) => Promise<void>}
 */
export function simulatorMiddleware(hub = createSimulatorHub()) {
  return async (ctx, next) => {
    if (!hub.handle(ctx.req, ctx.res)) return void (await next());
    // The simulator writes the raw response itself; Koa must not touch it. Waiting for it
    // lets upstream middleware (the runner's 404 report) see the real status code.
    ctx.respond = false;
    await finished(ctx.res).catch(() => undefined);
  };
}
