// @ts-check
// Feeds a written-out sequence of backend answers (test/fixtures/alert-sequence.json) to an
// alert engine and records which alerts each step raised and resolved. Plain JavaScript that
// takes the engine's classes as a parameter, so the same steps drive the elements' engine in
// the browser (built from src/ by the test runner) and the relay's bundled engine in Node
// (relay/lib/alerts/engine.bundle.js): the verdicts must be the same in both.

/**
 * @typedef {{ status: number, body: unknown }} Answer
 * @typedef {{ at: number, note?: string, set?: Record<string, unknown>, fail?: Record<string, Answer | 'network'>, expect: { raised: string[], resolved: string[] } }} Step
 * @typedef {{ start: string, intervalMs: number, base: Record<string, Answer>, steps: Step[] }} AlertSequence
 * @typedef {{ at: number, raised: string[], resolved: string[] }} Verdict
 * @typedef {{ PharosSource: any, AlertMonitor: any }} EngineClasses the elements' `PharosSource` and `AlertMonitor`, from either build
 */

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Objects merge key by key; anything else (null and lists too) replaces.
 * @param {unknown} target @param {unknown} patch @returns {unknown}
 */
function merge(target, patch) {
  if (!isObject(patch) || !isObject(target)) return structuredClone(patch);
  const out = { ...target };
  for (const [key, value] of Object.entries(patch)) out[key] = merge(target[key], value);
  return out;
}

/** Lets the monitor's microtasks and the resources' promise chains run out. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * The verdicts the fixture writes out, in the shape {@link replayAlerts} returns.
 * @param {AlertSequence} sequence @returns {Verdict[]}
 */
export function expectedVerdicts(sequence) {
  return sequence.steps.map((s) => ({ at: s.at, raised: [...s.expect.raised].sort(), resolved: [...s.expect.resolved].sort() }));
}

/**
 * Replays `sequence` through a source and an alert monitor with the default rules, on a
 * clock that is at each step's time, and returns what each step raised and resolved.
 * @param {EngineClasses} core
 * @param {AlertSequence} sequence
 * @returns {Promise<Verdict[]>}
 */
export async function replayAlerts(core, sequence) {
  const start = Date.parse(sequence.start);
  let now = start;
  // Polls are driven by the steps: no timer ever needs to fire.
  const clock = { now: () => now, setTimeout: () => ({}), clearTimeout: () => {} };
  /** @type {Record<string, Answer>} */
  const current = structuredClone(sequence.base);
  /** @type {Record<string, Answer | 'network'>} */
  let failing = {};
  /** @type {typeof fetch} */
  const fetchAnswer = async (input) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
    const answer = failing[path] ?? current[path];
    if (answer === 'network') throw new TypeError('Failed to fetch');
    const { status, body } = answer ?? { status: 404, body: { detail: 'Not Found' } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  const visible = { isVisible: () => true, subscribe: () => () => {} };
  const source = new core.PharosSource({
    baseUrl: 'http://replay.invalid',
    share: false,
    autoRefresh: false,
    pollWhenHidden: true,
    spreadPolls: false,
    visibility: visible,
    intervalMs: sequence.intervalMs,
    fetch: fetchAnswer,
    clock,
    random: () => 0.5,
  });
  const monitor = new core.AlertMonitor(source, { storage: null, crossTab: false, visibility: visible });
  const release = monitor.connect();
  /** @type {Verdict[]} */
  const verdicts = [];
  /** @type {Set<string>} */
  let before = new Set();
  try {
    await settle();
    for (const step of sequence.steps) {
      now = start + step.at * 1000;
      for (const [path, patch] of Object.entries(step.set ?? {})) current[path] = { ...current[path], body: merge(current[path]?.body, patch) };
      failing = step.fail ?? {};
      await monitor.refresh();
      await settle();
      /** @type {Set<string>} */
      const active = new Set(monitor.engine.active.get().map((/** @type {{ ruleId: string }} */ a) => a.ruleId));
      verdicts.push({
        at: step.at,
        raised: [...active].filter((id) => !before.has(id)).sort(),
        resolved: [...before].filter((id) => !active.has(id)).sort(),
      });
      before = active;
    }
  } finally {
    release();
    source.dispose();
  }
  return verdicts;
}
