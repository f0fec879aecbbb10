import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { PharosSparseGeneratedEvent } from '../../events/sparse-generated.js';
import { startSim, type SimHandle } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import { estimateRun, loadRuns, parseResourceIds, storageKey } from './last-run.js';
import './sparse-embeddings.js';
import type { PharosSparseEmbeddings } from './sparse-embeddings.component.js';

const GENERATE = '/api/search/admin/sparse-embeddings/generate';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = (el: Element, part: string) => $<HTMLButtonElement>(el, `[part=${part}]`)!.click();

async function mount(sim: SimHandle): Promise<PharosSparseEmbeddings> {
  const source = await mountInSource(sim.baseUrl, html`<pharos-sparse-embeddings></pharos-sparse-embeddings>`);
  const el = source.querySelector('pharos-sparse-embeddings')!;
  await el.updateComplete;
  return el;
}

/** Fills the form, opens the confirmation and starts. */
async function run(el: PharosSparseEmbeddings, ids = '', batch = ''): Promise<void> {
  $<HTMLTextAreaElement>(el, '#ids')!.value = ids;
  $<HTMLInputElement>(el, '#batch')!.value = batch;
  click(el, 'review');
  await el.updateComplete;
  click(el, 'start');
  await el.updateComplete;
}

const finished = (el: PharosSparseEmbeddings) => waitUntil(() => $(el, '[part=result]'), 'a result', { timeout: 10000 });

async function posts(sim: SimHandle): Promise<number> {
  return (await sim.requests()).byPath[GENERATE] ?? 0;
}

describe('pharos-sparse-embeddings', () => {
  it('read-only view (a Pharos relay): the refusal puts where to act in place of the form', async () => {
    const sim = await startSim('healthy');
    await sim.fault({
      path: GENERATE, method: 'POST', kind: 'status', status: 405,
      body: { detail: 'This is a read-only view of Pharos.' }, headers: { 'X-Pharos-Relay': 'read-only' },
    });
    const el = await mount(sim);
    await run(el);
    await waitUntil(() => $(el, '[part=read-only]'), 'the read-only notice', { timeout: 10000 });
    expect(text(el, '[part=read-only]')).to.equal('Read-only view. Sparse embeddings are generated where people sign in to Pharos.');
    expect($(el, '[part=form]'), 'no form that can only fail').to.equal(null);
    expect(await posts(sim)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('confirms, runs with progress, reports success and remembers the run across reloads', async () => {
    const sim = await startSim('healthy');
    await sim.config({ sparseDurationMs: 700 });
    const el = await mount(sim);
    expect(text(el, '[part=last-run]')).to.equal('No run recorded from this browser yet.');
    $<HTMLTextAreaElement>(el, '#ids')!.value = 'res-1, res-2\nres-3 res-1';
    $<HTMLInputElement>(el, '#batch')!.value = '8';
    click(el, 'review');
    await el.updateComplete;
    expect(text(el, '#confirm-title')).to.equal('Generate sparse embeddings for 3 listed resources, in batches of 8?');
    expect(text(el, '[part=confirm]')).to.contain('the server keeps working');
    expect(el.shadowRoot!.activeElement === $(el, '[part=start]'), 'focus on start').to.equal(true);
    await expect(el).to.be.accessible();
    expect(await posts(sim)).to.equal(0);
    const eventP = oneEvent(el, 'pharos-sparse-generated') as Promise<PharosSparseGeneratedEvent>;
    click(el, 'start');
    await el.updateComplete;
    expect(el.running).to.equal(true);
    expect($(el, '[part=elapsed]')).to.exist;
    expect(text(el, '[part=remaining]')).to.contain('No estimate yet');
    expect($<HTMLButtonElement>(el, '[part=review]')!.matches(':disabled')).to.equal(true);
    await expect(el).to.be.accessible();
    const event = await eventP;
    expect(event.detail.status).to.equal('completed');
    expect(event.detail.resourcesProcessed).to.equal(3);
    expect(event.detail.resourceIds).to.deep.equal(['res-1', 'res-2', 'res-3']);
    await finished(el);
    expect($(el, '[part=result]')!.dataset.outcome).to.equal('completed');
    expect(text(el, '[part=result]')).to.contain('Completed: 3 resources processed in');
    expect(text(el, '[part=result]')).to.contain(event.detail.jobId);
    expect(await posts(sim)).to.equal(1);
    await expect(el).to.be.accessible();
    // Remembered for this backend: a new element (a reload) shows it.
    const again = await fixture<PharosSparseEmbeddings>(html`<pharos-sparse-embeddings base-url=${sim.baseUrl}></pharos-sparse-embeddings>`);
    const last = text(again, '[part=last-run]');
    expect(last).to.contain('Completed');
    expect(last).to.contain(event.detail.jobId);
    expect(last).to.match(/Resources\s*3\s*\(3 asked for\)/);
    expect(again.lastRuns.last?.durationMs).to.equal(event.detail.durationMs);
  });

  it('estimates the time left from the last run’s rate', async () => {
    const sim = await startSim('healthy');
    await sim.config({ sparseDurationMs: 50 });
    const el = await mount(sim);
    await run(el, 'a b');
    await finished(el);
    await sim.config({ sparseDurationMs: 1500 });
    await run(el, 'a b c d');
    expect(text(el, '[part=remaining]')).to.match(/from the last run’s rate/);
    await finished(el);
    expect($(el, '[part=result]')!.dataset.outcome).to.equal('completed');
  });

  it('lets the user stop waiting, and says the server keeps working', async () => {
    const sim = await startSim('healthy');
    await sim.config({ sparseDurationMs: 20000 });
    const el = await mount(sim);
    await run(el);
    expect(text(el, '[part=confirm]')).to.equal('');
    expect(el.running).to.equal(true);
    expect(el.shadowRoot!.activeElement === $(el, '[part=stop]'), 'focus on stop').to.equal(true);
    click(el, 'stop');
    await finished(el);
    expect($(el, '[part=result]')!.dataset.outcome).to.equal('abandoned');
    expect(text(el, '[part=result]')).to.contain('The server keeps generating embeddings');
    expect(el.running).to.equal(false);
    expect($<HTMLButtonElement>(el, '[part=review]')!.matches(':disabled')).to.equal(false);
    expect(text(el, '[part=last-run]')).to.contain('Stopped waiting (the server went on)');
    await expect(el).to.be.accessible();
  });

  it('reports a generation the backend says failed', async () => {
    const sim = await startSim('healthy');
    await sim.fault({
      path: GENERATE,
      kind: 'status',
      status: 200,
      body: { status: 'failed', job_id: 'f00d-cafe', estimated_duration_minutes: 1, resources_to_process: 5 },
    });
    const el = await mount(sim);
    const eventP = oneEvent(el, 'pharos-sparse-generated') as Promise<PharosSparseGeneratedEvent>;
    await run(el);
    expect((await eventP).detail.status).to.equal('failed');
    await finished(el);
    expect($(el, '[part=result]')!.dataset.outcome).to.equal('failed');
    expect(text(el, '[part=result]')).to.contain('The backend reports that the generation failed');
    expect(text(el, '[part=result]')).to.contain('5 resources to process');
    expect(text(el, '[part=result]')).to.contain('f00d-cafe');
  });

  it('reports an HTTP failure in plain words', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: GENERATE, kind: 'html-502' });
    const el = await mount(sim);
    await run(el, 'x');
    await finished(el);
    expect($(el, '[part=result]')!.dataset.outcome).to.equal('error');
    expect(text(el, '[part=result]')).to.contain('HTTP 502');
    expect(text(el, '[part=last-run]')).to.contain('Could not be run');
    expect(el.shadowRoot!.textContent).not.to.match(/undefined|NaN|\[object/);
    await expect(el).to.be.accessible();
  });

  it('reports a 422 validation error with the backend’s field and message', async () => {
    const sim = await startSim('healthy');
    await sim.fault({
      path: GENERATE,
      kind: 'status',
      status: 422,
      body: { detail: [{ type: 'int_type', loc: ['body', 'batch_size'], msg: 'Input should be a valid integer', input: 'x' }] },
    });
    const el = await mount(sim);
    await run(el, '', '4');
    await finished(el);
    expect($(el, '[part=result]')!.dataset.outcome).to.equal('error');
    expect(text(el, '[part=result]')).to.contain('HTTP 422: body.batch_size: Input should be a valid integer');
  });

  it('needs a valid token (auth scenario)', async () => {
    const sim = await startSim('auth');
    const el = await mount(sim);
    await run(el);
    await finished(el);
    expect(text(el, '[part=result]')).to.contain('Not authorised');
  });

  it('checks the batch size before sending', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim);
    $<HTMLInputElement>(el, '#batch')!.value = '2.5';
    click(el, 'review');
    await el.updateComplete;
    const batch = $<HTMLInputElement>(el, '#batch')!;
    expect(batch.getAttribute('aria-invalid')).to.equal('true');
    expect(batch.getAttribute('aria-describedby')).to.contain('batch-error');
    expect(text(el, '#batch-error')).to.contain('whole number of 1 or more');
    expect($(el, '[part=confirm]')).to.equal(null);
    expect(el.shadowRoot!.activeElement === batch, 'focus on the field').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('ignores corrupt remembered data', async () => {
    const sim = await startSim('healthy');
    localStorage.setItem(storageKey(sim.baseUrl), '{not json');
    let el = await fixture<PharosSparseEmbeddings>(html`<pharos-sparse-embeddings base-url=${sim.baseUrl}></pharos-sparse-embeddings>`);
    expect(text(el, '[part=last-run]')).to.equal('No run recorded from this browser yet.');
    localStorage.setItem(storageKey(sim.baseUrl), JSON.stringify({ last: { at: 'yesterday', outcome: 'completed' }, lastCompleted: [1] }));
    el = await fixture<PharosSparseEmbeddings>(html`<pharos-sparse-embeddings base-url=${sim.baseUrl}></pharos-sparse-embeddings>`);
    expect(text(el, '[part=last-run]')).to.equal('No run recorded from this browser yet.');
    expect(el.shadowRoot!.textContent).not.to.match(/undefined|NaN|\[object/);
  });

  it('parses IDs and estimates from the remembered runs', () => {
    expect(parseResourceIds(' a,b;;c\n\td  a ')).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(parseResourceIds('  ')).to.deep.equal([]);
    const completed = { at: 1, durationMs: 10_000, outcome: 'completed' as const, jobId: 'j', resourcesProcessed: 20, estimatedDurationMinutes: 1, requestedIds: 0, message: null };
    expect(estimateRun({ last: completed, lastCompleted: completed }, 4)?.totalMs).to.equal(2_000);
    expect(estimateRun({ last: completed, lastCompleted: completed }, 0)?.totalMs).to.equal(10_000);
    const failed = { ...completed, outcome: 'failed' as const, resourcesProcessed: 5, estimatedDurationMinutes: 3 };
    expect(estimateRun({ last: failed, lastCompleted: null }, 0)).to.deep.equal({ totalMs: 180_000, basis: 'backend-estimate' });
    expect(estimateRun({ last: null, lastCompleted: null }, 3)).to.equal(null);
    expect(loadRuns('http://nowhere.invalid', undefined)).to.deep.equal({ last: null, lastCompleted: null });
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    await sim.config({ sparseDurationMs: 0 });
    const el = await fixture<PharosSparseEmbeddings>(html`<pharos-sparse-embeddings base-url=${sim.baseUrl}></pharos-sparse-embeddings>`);
    await run(el);
    await finished(el);
    expect($(el, '[part=result]')!.dataset.outcome).to.equal('completed');
    await expect(el).to.be.accessible();
  });
});
