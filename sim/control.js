// @ts-check
// The control API under `{base}/__sim/`: JSON in, JSON out, errors as `{"error": "..."}`.
import { parseFaultSpec } from './faults.js';
import { json } from './http.js';
import { SCENARIO_NAMES, isScenarioName } from './scenarios.js';

/** @param {string} message */
const badRequest = (message) => json({ error: message }, 400);

/**
 * @param {string} text
 * @returns {{ value: Record<string, unknown> } | { error: string }}
 */
function parseObject(text) {
  if (text.trim() === '') return { value: {} };
  try {
    const value = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { value };
  } catch {
    // fall through
  }
  return { error: 'the body must be a JSON object' };
}

/**
 * Answers one control request.
 * @param {import('./simulator.js').Simulator} sim
 * @param {string} method
 * @param {string} action the path after `/__sim`, e.g. `/scenario`
 * @param {() => Promise<string>} readBody
 * @returns {Promise<import('./http.js').SimResponse>}
 */
export async function handleControl(sim, method, action, readBody) {
  const route = `${method} ${action}`;
  if (route === 'GET /state') return json(sim.state());
  if (route === 'GET /requests') return json(sim.requests);
  if (route === 'DELETE /requests') return sim.resetRequestCounts(), json(sim.requests);
  if (route === 'GET /faults') return json({ faults: sim.faults.faults });
  if (route === 'DELETE /faults') return sim.faults.clear(), json(sim.state());
  if (route === 'POST /reset') return sim.reset(), json(sim.state());
  if (!['POST /scenario', 'POST /faults', 'POST /clock', 'POST /config'].includes(route)) {
    return json({ error: `unknown control endpoint: ${route}` }, 404);
  }
  const parsed = parseObject(await readBody());
  if ('error' in parsed) return badRequest(parsed.error);
  const body = parsed.value;
  switch (action) {
    case '/scenario': {
      if (!isScenarioName(body.scenario)) return badRequest(`"scenario" must be one of ${SCENARIO_NAMES.join(', ')}`);
      sim.setScenario(body.scenario);
      return json(sim.state());
    }
    case '/faults': {
      const fault = parseFaultSpec(body);
      return fault.error !== undefined ? badRequest(fault.error) : json(sim.faults.add(fault.spec));
    }
    case '/clock': {
      const { advanceMs } = body;
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        return badRequest('"advanceMs" must be a number >= 0 (the clock only moves forward)');
      }
      sim.advanceClock(advanceMs);
      return json(sim.state());
    }
    default: {
      const { sparseDurationMs, timingAllowOrigin, ...rest } = body;
      if (Object.keys(rest).length > 0) return badRequest(`unknown config keys: ${Object.keys(rest).join(', ')}`);
      if (sparseDurationMs !== undefined && !(typeof sparseDurationMs === 'number' && sparseDurationMs >= 0)) {
        return badRequest('"sparseDurationMs" must be a number >= 0');
      }
      if (timingAllowOrigin !== undefined && typeof timingAllowOrigin !== 'boolean') return badRequest('"timingAllowOrigin" must be true or false');
      sim.configure({
        ...(sparseDurationMs !== undefined && { sparseDurationMs }),
        ...(timingAllowOrigin !== undefined && { timingAllowOrigin }),
      });
      return json(sim.state());
    }
  }
}
