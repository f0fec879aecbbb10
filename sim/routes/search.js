// @ts-check
// `POST /api/search/admin/sparse-embeddings/generate`: answers only once the work is done,
// after `config.sparseDurationMs` (the real one can take minutes).
import { json, jsonObjectBody, sleep, validationError } from '../http.js';

/** @typedef {import('../router.js').RouteContext} Ctx */

/** @param {Record<string, unknown>} body */
function validate(body) {
  const ids = body.resource_ids;
  if (ids !== undefined && ids !== null && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) {
    return validationError([{ type: 'list_type', loc: ['body', 'resource_ids'], msg: 'Input should be a valid list', input: ids }]);
  }
  const batch = body.batch_size;
  if (batch !== undefined && !Number.isInteger(batch)) {
    return validationError([{ type: 'int_type', loc: ['body', 'batch_size'], msg: 'Input should be a valid integer', input: batch }]);
  }
  return undefined;
}

/** @param {Ctx} ctx */
async function generate(ctx) {
  const body = jsonObjectBody(await ctx.readBody());
  if (body.error) return body.error;
  const invalid = validate(body.value);
  if (invalid) return invalid;
  await sleep(ctx.config.sparseDurationMs, ctx.signal);
  const ids = body.value.resource_ids;
  // Without ids: every resource still missing a sparse embedding, i.e. the recent arrivals.
  const count = Array.isArray(ids)
    ? ids.length
    : ctx.world.events.history.filter((event) => event.name === 'resource.created').slice(-40).length;
  return json({
    status: 'completed',
    job_id: ctx.world.rng.uuid(),
    estimated_duration_minutes: Math.max(1, Math.ceil(count / 60)),
    resources_to_process: count,
  });
}

/** @type {import('../router.js').Route[]} */
export const searchRoutes = [{ method: 'POST', pattern: '/api/search/admin/sparse-embeddings/generate', handler: generate }];
