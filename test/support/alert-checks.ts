// Shared by the <pharos-alerts> test files.
import { expect } from '@open-wc/testing';
import type { PharosAlerts } from '../../src/components/alerts/alerts.component.js';
import type { SimHandle } from './sim.js';

/** Pins the job history to finished, successful jobs: the simulator's jobs fail at random. */
export async function pinJobs(sim: SimHandle): Promise<void> {
  const job = { repo_url: 'github.com/pharos/docs', status: 'completed', duration_seconds: 12.5, files_processed: 40, embeddings_generated: 290, timestamp: '2026-11-22T10:00:00', error: null, reason: null, age_seconds: 60 };
  await sim.fault({ path: '/api/v1/ingestion/jobs/history', kind: 'status', status: 200, body: { jobs: [job] } });
}

/**
 * Axe on `el`, with entry animations finished first: axe measures contrast on what is
 * painted now, and a page in the background (test files run in parallel) does not run them.
 */
export async function accessible(el: PharosAlerts): Promise<void> {
  await el.updateComplete;
  for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
  await expect(el).to.be.accessible();
}
