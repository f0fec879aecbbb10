// @ts-check
// The same verdicts in both places: the relay's engine (bundled from src/ for Node) raises
// and resolves exactly the alerts written out in test/fixtures/alert-sequence.json, at the
// same samples; src/components/alerts/same-verdicts.test.ts checks the browser's engine
// against the same expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

process.env.PHAROS_QUIET_BUILD = '1';
await import('../scripts/build-engine.mjs');
const core = await import('../lib/alerts/engine.js');
const { replayAlerts, expectedVerdicts } = await import('../../test/support/alert-replay.js');

test("the relay's engine gives the written-out verdicts of the alert sequence", async () => {
  const sequence = JSON.parse(readFileSync(new URL('../../test/fixtures/alert-sequence.json', import.meta.url), 'utf8'));
  const verdicts = await replayAlerts(core, sequence);
  assert.deepEqual(verdicts, expectedVerdicts(sequence));
  // The sequence exercises every kind of rule, raised and resolved.
  const raised = new Set(verdicts.flatMap((v) => v.raised));
  for (const id of ['health-degraded', 'module-down', 'db-pool-usage', 'ingestion-job-failed', 'backend-unreachable', 'handler-latency-anomaly', 'worker-offline']) {
    assert.ok(raised.has(id), `${id} raised`);
  }
});
