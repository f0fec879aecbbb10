import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadSample } from '../../../test/support/samples.js';
import { mountInSource } from '../../../test/support/mount.js';
import { startSim } from '../../../test/support/sim.js';
import type { PharosWorkers } from './workers.component.js';
import './workers.js';

const TIMEOUT = { timeout: 10_000 };
const PATH = '/api/monitoring/workers/status';
const UNREACHABLE =
  "Celery workers are not reachable: Could not connect to Celery workers. Ensure Redis and workers are running. (No module named 'celery')";

async function mount(baseUrl: string) {
  const source = await mountInSource(baseUrl, html`<pharos-workers></pharos-workers>`);
  return source.querySelector('pharos-workers') as PharosWorkers;
}

const root = (el: Element) => el.shadowRoot!;
const parts = (el: Element, part: string) => [...root(el).querySelectorAll(`[part~="${part}"]`)] as HTMLElement[];
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const rows = (el: Element) => parts(el, 'row');
const figure = (el: Element, key: string) => root(el).querySelector(`[part~=figure][data-key="${key}"]`) as HTMLElement;
/** A metric card's label, value and note as one line. */
const card = (el: Element, key: string) => {
  const c = figure(el, key);
  return `${c.shadowRoot!.textContent} ${c.textContent}`.replace(/\s+/g, ' ').trim();
};
/** A details disclosure's fields as `label value` lines. */
const fields = (details: Element) =>
  [...details.querySelectorAll('dt')].map((dt) => `${dt.textContent!.trim()} ${dt.nextElementSibling!.textContent!.trim()}`);
const cell = (row: Element, column: string) => row.querySelector(`[data-column="${column}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

/** A workers/status body with one worker whose stats carry the given fields. */
const workersBody = (stats: Record<string, unknown>, active: unknown[] = []) => ({
  status: 'ok',
  timestamp: '2026-11-22T10:23:19.085606',
  workers: {
    worker_count: 1,
    total_active_tasks: active.length,
    total_scheduled_tasks: 0,
    active_tasks: { 'celery@odd': active },
    scheduled_tasks: { 'celery@odd': [] },
    stats: { 'celery@odd': stats },
  },
});

describe('<pharos-workers>', () => {
  it('shows a skeleton before the first answer', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, latencyMs: 800, times: 1 });
    const el = await mount(sim.baseUrl);
    expect(parts(el, 'skeleton')).to.have.length(1);
    await waitUntil(() => rows(el).length === 2, 'loads', TIMEOUT);
    expect(parts(el, 'skeleton')).to.have.length(0);
  });

  it('healthy: counts, and a row per worker with its stats as text; passes axe', async () => {
    const sim = await startSim('healthy');
    await sim.advance(2 * 3_600_000); // workers have been up two hours: tasks done > 0
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 2, 'two workers', TIMEOUT);
    expect(card(el, 'workers')).to.contain('Workers 2');
    expect(card(el, 'active')).to.match(/Active tasks \d+/);
    expect(card(el, 'scheduled')).to.match(/Scheduled tasks \d+/);
    expect(rows(el).map((r) => r.dataset.key)).to.deep.equal(['celery@pharos-worker-1', 'celery@pharos-worker-2']);
    const row = rows(el)[0]!;
    expect(cell(row, 'pool')).to.equal('4 processes');
    expect(cell(row, 'uptime')).to.match(/\d+(\.\d)? hr/);
    expect(Number(cell(row, 'tasksDone').replace(/\D/g, ''))).to.be.greaterThan(0);
    const details = root(el).querySelector(`[part=details][data-key="${row.dataset.key}"]`) as HTMLDetailsElement;
    details.open = true;
    expect(fields(details).some((f) => /^PID \d+$/.test(f))).to.equal(true);
    expect(fields(details)).to.include('Max concurrency 4');
    expect(fields(details)).to.include('Broker redis://redis:6379');
    expect(fields(details)).to.include('Prefetch count 16');
    expect(fields(details).some((f) => /^Done: app\.tasks\.ingest_resource \d+$/.test(f))).to.equal(true);
    expect(text(el)).not.to.match(/undefined|NaN|\[object Object\]/);
    await expect(el).to.be.accessible();
  });

  it('production-like: says Celery is not reachable, in the backend\'s words, not as a generic failure', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'unreachable').length === 1, 'unreachable state', TIMEOUT);
    const state = parts(el, 'unreachable')[0]!;
    expect(text(state)).to.contain(UNREACHABLE);
    expect(state.querySelector('pharos-status-badge')!.getAttribute('status')).to.equal('down');
    expect(parts(el, 'error')).to.have.length(0);
    expect(parts(el, 'skeleton')).to.have.length(0);
    expect(text(el)).not.to.contain('The backend reported an error for');
    await expect(el).to.be.accessible();
  });

  it('replays the recorded real error body (HTTP 200, status "error")', async () => {
    const sample = await loadSample('monitoring_workers_status');
    const sim = await startSim('healthy');
    await sim.fault({ path: PATH, kind: 'status', status: sample.status, body: sample.body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'unreachable').length === 1, 'unreachable state', TIMEOUT);
    expect(text(parts(el, 'unreachable')[0]!)).to.contain(UNREACHABLE);
  });

  it('keeps the last known workers when Celery becomes unreachable, and recovers on "Check again"', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 2, 'two workers', TIMEOUT);
    await sim.scenario('production-like');
    await el.refresh();
    await waitUntil(() => parts(el, 'unreachable').length === 1, 'unreachable state', TIMEOUT);
    expect(rows(el)).to.have.length(2);
    expect(text(parts(el, 'unreachable')[0]!)).to.contain('Showing the last known workers');
    expect(figure(el, 'workers').hasAttribute('stale')).to.equal(true);
    await sim.scenario('healthy');
    (parts(el, 'unreachable')[0]!.querySelector('[part=retry]') as HTMLButtonElement).click();
    await waitUntil(() => parts(el, 'unreachable').length === 0, 'recovers', TIMEOUT);
    expect(rows(el)).to.have.length(2);
  });

  it('incident: still lists the workers through slow answers', async () => {
    const sim = await startSim('incident');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 2, 'two workers', TIMEOUT);
    await expect(el).to.be.accessible();
  });

  it('outage: a plain-words error (not the Celery state) with retry', async () => {
    const sim = await startSim('outage');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(text(parts(el, 'error')[0]!)).to.contain('HTTP 502');
    expect(parts(el, 'unreachable')).to.have.length(0);
    expect(parts(el, 'retry')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('auth: says a token is needed', async () => {
    const sim = await startSim('auth');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error', TIMEOUT);
    expect(parts(el, 'error')[0]!.dataset.kind).to.equal('auth');
  });

  it('no worker answered: an explicit empty state', async () => {
    const sim = await startSim('healthy');
    const body = {
      status: 'ok',
      timestamp: '2026-11-22T10:23:19.085606',
      workers: { worker_count: 0, total_active_tasks: 0, total_scheduled_tasks: 0, active_tasks: {}, scheduled_tasks: {}, stats: {} },
    };
    await sim.fault({ path: PATH, kind: 'status', status: 200, body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'empty').length === 1, 'empty', TIMEOUT);
    expect(text(parts(el, 'empty')[0]!)).to.contain('No Celery workers answered');
    expect(card(el, 'workers')).to.contain('0');
  });

  it('summarises unknown and odd stats fields safely, as text', async () => {
    const sim = await startSim('healthy');
    const stats = {
      pid: 'not-a-number',
      pool: { implementation: 'celery.concurrency.prefork:TaskPool', 'max-concurrency': 8, processes: [1, 2] },
      rusage: { utime: 1.5, stime: 0.2, maxrss: 1024, ixrss: 0, idrss: 0, isrss: 0 },
      clock: '4711',
      sw_ver: '<b>5.3.6</b>',
      nested: { deep: { deeper: [1, 2, 3] } },
      flags: [true, false],
    };
    const active = [{ id: 'a', name: 'app.tasks.ingest_resource' }, { unexpected: 1 }];
    await sim.fault({ path: PATH, kind: 'status', status: 200, body: workersBody(stats, active) });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 1, 'one worker', TIMEOUT);
    const row = rows(el)[0]!;
    expect(cell(row, 'pool')).to.equal('prefork · 2 processes');
    expect(cell(row, 'tasksDone')).to.equal('—');
    expect(cell(row, 'active')).to.equal('2');
    const details = root(el).querySelector(`[part=details][data-key="${row.dataset.key}"]`) as HTMLDetailsElement;
    details.open = true;
    expect(fields(details)).to.deep.equal([
      'Max concurrency 8',
      'Running app.tasks.ingest_resource',
      'Rusage 6 fields',
      'Clock 4711',
      'Sw ver <b>5.3.6</b>',
      'Nested 1 field',
      'Flags Yes, No',
    ]);
    expect(root(el).querySelector('b')).to.equal(null);
    expect(text(el)).not.to.match(/undefined|NaN|\[object Object\]/);
  });

  it('sorts workers by a column from its header button', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => rows(el).length === 2, 'two workers', TIMEOUT);
    const button = root(el).querySelector('thead th[data-column="name"] button') as HTMLButtonElement;
    button.click();
    await el.updateComplete;
    expect(root(el).querySelector('thead th[data-column="name"]')!.getAttribute('aria-sort')).to.equal('descending');
    expect(rows(el).map((r) => r.dataset.key)).to.deep.equal(['celery@pharos-worker-2', 'celery@pharos-worker-1']);
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosWorkers>(html`<pharos-workers base-url=${sim.baseUrl}></pharos-workers>`);
    await waitUntil(() => rows(el).length === 2, 'loads', TIMEOUT);
    expect(text(el)).to.contain('Celery workers');
  });
});
