import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ingestRepository, type IngestionJob } from '../../api/ingestion.js';
import { recordIngestSubmission } from '../../ingestion/submissions.js';
import { jobAgeSeconds, newestFirst, queuedHereTimes } from '../../ingestion/jobs.js';
import type { PharosIngestSubmittedEvent } from '../../events/ingest-submitted.js';
import { startSim, type SimHandle } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import { job } from '../../../test/support/samples.js';
import './job-history.js';
import type { PharosJobHistory } from './job-history.component.js';

const HISTORY = '/api/v1/ingestion/jobs/history';


// Oldest first, as the backend lists them; the pending ones have no time at all.
const JOBS = [
  job('github.com/old/completed', 'completed', {
    duration_seconds: 42.5, files_processed: 120, embeddings_generated: 840, timestamp: '2026-11-22T09:00:00', age_seconds: 7200,
  }),
  job('github.com/x/failing', 'failed', {
    duration_seconds: 12, timestamp: '2026-11-22T10:00:00', age_seconds: 3600,
    error: 'git clone failed: repository not found', reason: 'Repository does not exist or is private',
  }),
  job('github.com/first/pending', 'pending'),
  job('github.com/recent/processing', 'processing', { timestamp: '2026-11-22T10:59:00', age_seconds: 60 }),
  job('github.com/second/pending', 'pending'),
  job('github.com/odd/state', 'paused', { timestamp: '2026-11-22T10:30:00', age_seconds: 1800 }),
];

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const repos = (el: Element) => $$(el, '[part=row] [part=repo]').map((n) => text(n));

async function mount(sim: SimHandle, jobs: unknown[] | null = JOBS): Promise<PharosJobHistory> {
  if (jobs) await sim.fault({ path: HISTORY, kind: 'status', status: 200, body: { jobs } });
  const source = await mountInSource(sim.baseUrl, html`<pharos-job-history></pharos-job-history>`);
  const el = source.querySelector('pharos-job-history')!;
  await waitUntil(() => $(el, '[part=table], [part=empty], [part=error]'), 'renders', { timeout: 10000 });
  return el;
}

async function ingestPosts(sim: SimHandle, path?: string): Promise<number> {
  const { byPath } = await sim.requests();
  return Object.entries(byPath)
    .filter(([p]) => (path ? p === path : p.startsWith('/api/v1/ingestion/ingest/')))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe('pharos-job-history', () => {
  it('read-only view (a Pharos relay): no re-index, and the panel says where it is done', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: HISTORY, kind: 'status', status: 200, body: { jobs: JOBS }, headers: { 'X-Pharos-Relay': 'read-only' } });
    const el = await mount(sim, null);
    await waitUntil(() => $(el, '[part=read-only]'), 'the read-only notice', { timeout: 10000 });
    expect(text($(el, '[part=read-only]'))).to.equal('Read-only view. Failed jobs are re-indexed where people sign in to Pharos.');
    expect($$(el, '[part=reindex]')).to.have.length(0);
    expect(repos(el)).to.include('github.com/x/failing');
    await expect(el).to.be.accessible();
  });

  it('lists jobs newest first, unknown ages last (later-listed first), with details', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim);
    expect(repos(el)).to.deep.equal([
      'github.com/recent/processing',
      'github.com/odd/state',
      'github.com/x/failing',
      'github.com/old/completed',
      'github.com/second/pending',
      'github.com/first/pending',
    ]);
    const rows = $$(el, '[part=row]');
    expect(text(rows[4]!.querySelector('[part=age]'))).to.equal('unknown');
    expect(text(rows[0]!.querySelector('[part=age]'))).to.match(/min/);
    const completed = rows[3]!;
    expect(text(completed)).to.contain('120');
    expect(text(completed)).to.contain('840');
    expect(text(completed)).to.match(/42\.5|43/);
    expect(text(rows[1]!.querySelector('.pill'))).to.equal('?Unknown (“paused”)');
    const details = rows[2]!.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(text(details)).to.contain('git clone failed: repository not found');
    expect(text(details)).to.contain('Repository does not exist or is private');
    // A pending job (no duration, files or embeddings) shows placeholders, never "null".
    expect(text(rows[4]!)).not.to.match(/null|undefined|NaN/);
    // No cancel control: the backend has no such endpoint.
    expect($$(el, '[part=row] button').map((b) => text(b))).to.deep.equal(['Re-index github.com/x/failing']);
    await expect(el).to.be.accessible();
  });

  it('filters by status', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim);
    const select = $<HTMLSelectElement>(el, '[part=filter]')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'All jobs (6)', 'Pending (2)', 'Processing (1)', 'Completed (1)', 'Failed (1)', 'Unknown (1)',
    ]);
    select.value = 'pending';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.statusFilter).to.equal('pending');
    expect(repos(el)).to.deep.equal(['github.com/second/pending', 'github.com/first/pending']);
    el.statusFilter = 'failed';
    await el.updateComplete;
    expect(repos(el)).to.deep.equal(['github.com/x/failing']);
    await sim.clearFaults();
    await sim.fault({ path: HISTORY, kind: 'status', status: 200, body: { jobs: JOBS.filter((j) => j.status !== 'failed') } });
    await el.refresh();
    await el.updateComplete;
    expect(text($(el, '[part=empty]'))).to.equal('No failed jobs among the 5 listed.');
    await expect(el).to.be.accessible();
  });

  it('re-indexes a failed job after an inline confirmation, through the trigger’s path', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim);
    const button = () => $<HTMLButtonElement>(el, '[part=reindex]')!;
    button().click();
    await el.updateComplete;
    expect(text($(el, '#confirm-question'))).to.contain('Queue github.com/x/failing for ingestion again?');
    expect(el.shadowRoot!.activeElement === $(el, '[part=confirm]'), 'focus on the confirm button').to.equal(true);
    expect(button().getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    // Cancel: nothing is sent, focus returns to the button.
    $<HTMLButtonElement>(el, '[part=cancel]')!.click();
    await el.updateComplete;
    expect($(el, '[part=confirm-row]')).to.equal(null);
    expect(el.shadowRoot!.activeElement === button(), 'focus back on the button').to.equal(true);
    // Escape closes it too.
    button().click();
    await el.updateComplete;
    $(el, '[part=confirm]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '[part=confirm-row]')).to.equal(null);
    expect(await ingestPosts(sim)).to.equal(0);
    // Confirm: one POST of the job's URL, the event, and the outcome.
    button().click();
    await el.updateComplete;
    const eventP = oneEvent(el, 'pharos-ingest-submitted') as Promise<PharosIngestSubmittedEvent>;
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    const event = await eventP;
    expect(event.detail.origin).to.equal('reindex');
    expect(event.detail.repoUrl).to.equal('github.com/x/failing');
    await waitUntil(() => $(el, '[data-outcome=queued]'), 'outcome shown');
    expect(el.shadowRoot!.activeElement === button(), 'focus back on the button').to.equal(true);
    expect(text($(el, '[data-outcome=queued]'))).to.contain(`github.com/x/failing: job ${event.detail.jobId}, position ${event.detail.queuePosition} of 10`);
    expect(await ingestPosts(sim, '/api/v1/ingestion/ingest/github.com/x/failing')).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('reports a failed re-index with the trigger’s messages (edge worker offline)', async () => {
    const sim = await startSim('worker-offline');
    const el = await mount(sim);
    $<HTMLButtonElement>(el, '[part=reindex]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    await waitUntil(() => $(el, '[data-outcome=failed]'), 'failure shown', { timeout: 10000 });
    const failure = $(el, '[data-outcome=failed]')!;
    expect(failure.dataset.case).to.equal('worker-offline');
    // The simulated worker stopped 5.5 min before the simulator started, up to a minute after
    // its last ping: 5.5 to 6.5 min, plus the test's own time (WebKit once read 7 min).
    expect(text(failure)).to.match(/The worker was last seen [5-7] min ago.*nothing was queued/);
    await expect(el).to.be.accessible();
  });

  it('offers a deployment’s own row actions (jobActions), and none by default', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim);
    const calls: IngestionJob[] = [];
    el.jobActions = [
      { label: 'Cancel', appliesTo: (j) => j.status === 'pending', run: (j) => void calls.push(j) },
      {
        label: (j) => `Escalate ${j.status}`,
        appliesTo: (j) => j.status === 'processing',
        confirm: 'Page the on-call engineer?',
        run: () => Promise.reject(new Error('pager offline')),
      },
    ];
    await el.updateComplete;
    const actions = $$<HTMLButtonElement>(el, '[part=action]');
    expect(actions.map((b) => text(b))).to.deep.equal([
      'Escalate processing github.com/recent/processing',
      'Cancel github.com/second/pending',
      'Cancel github.com/first/pending',
    ]);
    actions[2]!.click();
    await waitUntil(() => $(el, '[data-outcome=done]'), 'done');
    expect(calls.map((j) => j.repoUrl)).to.deep.equal(['github.com/first/pending']);
    actions[0]!.click();
    await el.updateComplete;
    expect(text($(el, '#confirm-question'))).to.equal('Page the on-call engineer?');
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    await waitUntil(() => $(el, '[data-outcome=failed]'), 'failure');
    expect(text($(el, '[data-outcome=failed]'))).to.contain('Escalate processing failed for github.com/recent/processing. pager offline');
  });

  it('follows the simulator’s own jobs and says when none are recorded', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim, null);
    expect($$(el, '[part=row]').length).to.be.at.least(3);
    await sim.fault({ path: HISTORY, kind: 'status', status: 200, body: { jobs: [] } });
    await el.refresh();
    await el.updateComplete;
    expect(text($(el, '[part=empty]'))).to.equal('No ingestion jobs recorded.');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('production-like');
    const el = await fixture<PharosJobHistory>(html`<pharos-job-history base-url=${sim.baseUrl}></pharos-job-history>`);
    await waitUntil(() => $(el, '[part=table]'), 'renders', { timeout: 10000 });
    expect($$(el, '[part=row]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('a job queued from this page leads the list with its real age, though the backend sends it no time', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim, null);
    const repo = `github.com/queued-here/r${Date.now()}`;
    const result = await ingestRepository(el.source.config, repo);
    recordIngestSubmission(el.source, repo, result);
    await el.refresh();
    await waitUntil(() => repos(el)[0] === repo, 'the new job first', { timeout: 10000 });
    const row = $$(el, '[part=row]')[0]!;
    expect(row.dataset.status).to.equal('pending');
    expect(text(row.querySelector('[part=age]'))).to.match(/now|sec/);
    expect(text(row.querySelector('[part=age]'))).to.contain('queued here');
  });

  it('dates only the newest time-less job of a repository queued here; the rest stay unknown and last', () => {
    const base = { status: 'pending' as const, rawStatus: 'pending', durationSeconds: null, filesProcessed: null, embeddingsGenerated: null, error: null, reason: null };
    const jobs: IngestionJob[] = [
      { ...base, repoUrl: 'github.com/a/b', timestamp: null, ageSeconds: null, order: 0 },
      { ...base, repoUrl: 'github.com/done/x', status: 'completed', rawStatus: 'completed', timestamp: null, ageSeconds: 60, order: 1 },
      { ...base, repoUrl: 'github.com/a/b', timestamp: null, ageSeconds: null, order: 2 },
    ];
    const queued = queuedHereTimes(jobs, [{ repoUrl: 'https://GitHub.com/a/b.git/', at: 1_000_000 }]);
    expect([...queued.keys()]).to.deep.equal([jobs[2]]);
    const sorted = newestFirst(jobs, 1_000_000, queued);
    expect(sorted.map((j) => j.order)).to.deep.equal([2, 1, 0]);
    expect(jobAgeSeconds(jobs[0]!, 1_000_000, 1_030_000, queued)).to.equal(null);
    expect(jobAgeSeconds(jobs[2]!, 1_000_000, 1_030_000, queued)).to.equal(30);
  });
});
