// The store core and the alert engine run outside a browser (a relay, a Node script): this
// bundles them for Node with esbuild, polls the simulator's health through a PharosSource on
// Node's own fetch, and feeds the answer to the default alert rules. No DOM, no Lit.
// `npm test` runs it; it prints one line and exits non-zero on any failure.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createSimulator } from '../sim/simulator.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `
export { PharosSource } from './src/store/source.js';
export { healthResource } from './src/store/resources/health.js';
export { AlertEngine } from './src/alerts/engine.js';
export { DEFAULT_RULES, ALERT_TARGETS } from './src/alerts/default-rules.js';
`;
const bundled = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'silent',
});
const core = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const sim = createSimulator({ scenario: 'incident' });
const server = createServer((req, res) => sim.handle(req, res));
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const fail = (/** @type {string} */ why) => {
  console.error(`store core in Node: ${why}`);
  process.exitCode = 1;
};
try {
  const source = new core.PharosSource({ baseUrl, share: false, autoRefresh: false });
  const health = source.resource(core.healthResource);
  await health.refresh();
  const report = health.value.get();
  if (!report) fail(`no health report (${health.error.get()?.message ?? 'no error'})`);
  const engine = new core.AlertEngine({ rules: core.DEFAULT_RULES });
  const at = Date.now();
  for (let i = 0; i < 3; i++) {
    engine.update(core.ALERT_TARGETS.health, {
      value: report,
      ok: true,
      at: at + i,
      failures: 0,
      error: null,
      history: health.history,
      intervalMs: source.intervalMs,
    });
  }
  const firing = engine.active.get().map((/** @type {{ ruleId: string }} */ a) => a.ruleId);
  if (firing.length === 0) fail(`the incident raised ${JSON.stringify(firing)}, no alert`);
  source.dispose();
  if (!process.exitCode) console.log(`store core in Node: polled ${report.status} health, the default rules raised ${firing.join(', ')}`);
} catch (error) {
  fail(error instanceof Error ? error.stack ?? error.message : String(error));
} finally {
  server.close();
}
