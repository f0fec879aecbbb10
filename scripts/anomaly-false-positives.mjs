// @ts-nocheck -- a measurement script over dynamically imported detectors; not library code.
// Counts the anomaly flags of both baselines on the simulator's daily rhythm: P95 API
// latency from sim/model.js (Signals.latency: traffic with a daily sine, slow drift, and an
// occasional ten-minute spike), sampled like the store does, over `--days` days. A flag
// outside a spike window is a false positive; spike windows are the true events.
//
//   node scripts/anomaly-false-positives.mjs [--days 8] [--step 30] [--seed 7]
//
// The detectors are the library's own (src/analysis/anomaly.ts, transpiled on the fly by
// esbuild, which the dev server already depends on).
import { build } from 'esbuild';
import { Signals } from '../sim/model.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DAYS = arg('days', 8);
const STEP_S = arg('step', 30);
const SEED = arg('seed', 7);
const DAY = 86_400_000;

const bundle = await build({ entryPoints: [new URL('../src/analysis/anomaly.ts', import.meta.url).pathname], bundle: true, write: false, format: 'esm', platform: 'node' });
const { detectAnomaly, detectAnomalyAt } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const signals = new Signals(SEED);
const traits = { incident: false };
const start = Date.UTC(2026, 10, 1);
const step = STEP_S * 1000;
const n = Math.round((DAYS * DAY) / step);
const times = new Float64Array(n);
const values = new Float64Array(n);
for (let i = 0; i < n; i++) {
  times[i] = start + i * step;
  values[i] = signals.latency(times[i], traits).p95;
}
// The default anomaly rule's settings (handler-latency-anomaly): 30 samples, z 3.5, up only, 1 ms floor.
const options = { window: 30, minSamples: 8, threshold: 3.5, absoluteFloor: 1 };
const count = { recent: { fp: 0, tp: 0 }, seasonal: { fp: 0, tp: 0 }, judged: 0, spikeSamples: 0 };
const firstJudged = Math.ceil((2 * DAY + 15 * 60_000) / step); // both baselines judge the same samples: from day 3 on
const spikes = new Set();
const caught = { recent: new Set(), seasonal: new Set() };
for (let i = firstJudged; i < n; i++) {
  const t = times[i];
  const inSpike = signals.spike(t) > 1;
  const window = Math.floor(t / 600_000);
  if (inSpike) {
    count.spikeSamples++;
    spikes.add(window);
  }
  count.judged++;
  const recent = detectAnomaly(values.subarray(Math.max(0, i - 40), i + 1), options);
  const seasonal = detectAnomalyAt(times.subarray(0, i + 1), values.subarray(0, i + 1), options);
  if (seasonal.baseline !== 'seasonal') throw new Error('seasonal baseline not used');
  for (const [name, r] of [['recent', recent], ['seasonal', seasonal]]) {
    if (!(r.anomalous && r.direction === 'up')) continue;
    if (inSpike) {
      count[name].tp++;
      caught[name].add(window);
    } else count[name].fp++;
  }
}
const normal = count.judged - count.spikeSamples;
const pct = (a, b) => `${((100 * a) / b).toFixed(2)} %`;
console.log(`Simulator P95 latency, seed ${SEED}, every ${STEP_S} s, ${DAYS} days; judged from day 3: ${count.judged} samples, ${normal} outside spikes, ${spikes.size} spike windows.`);
for (const name of ['recent', 'seasonal']) {
  const c = count[name];
  console.log(
    `${name.padEnd(8)}: ${c.fp} false positives (${pct(c.fp, normal)} of normal samples, ${(c.fp / ((n - firstJudged) * step / DAY)).toFixed(1)} per day); ` +
      `${c.tp} flagged spike samples, ${caught[name].size}/${spikes.size} spike windows caught`,
  );
}
