import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import { job } from '../../../test/support/samples.js';
import '../ingest-trigger/ingest-trigger.js';
import './ingest-queue.js';
import type { PharosIngestQueue } from './ingest-queue.component.js';

const HISTORY = '/api/v1/ingestion/jobs/history';


const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const count = (el: Element, status: string) => text(el, `[part=count][data-status=${status}] [part=count-value]`);

async function mount(baseUrl: string, limit?: number): Promise<PharosIngestQueue> {
  const source = await mountInSource(baseUrl, html`<pharos-ingest-queue limit=${limit ?? 100}></pharos-ingest-queue>`);
  const el = source.querySelector('pharos-ingest-queue')!;
  await waitUntil(() => $(el, '[part=counts], [part=empty], [part=error]'), 'renders', { timeout: 10000 });
  return el;
}

describe('pharos-ingest-queue', () => {
  it('counts jobs by state, unknown included, as a bar with numbers', async () => {
    const sim = await startSim('healthy');
    const jobs = [
      job('github.com/a/1', 'completed', { duration_seconds: 40, age_seconds: 900, timestamp: '2026-11-22T10:00:00' }),
      job('github.com/a/2', 'completed', { duration_seconds: 40, age_seconds: 800, timestamp: '2026-11-22T10:01:00' }),
      job('github.com/a/3', 'failed', { error: 'boom', age_seconds: 700, timestamp: '2026-11-22T10:02:00' }),
      job('github.com/a/4', 'cancelled'),
      job('github.com/a/5', 'processing', { age_seconds: 30, timestamp: '2026-11-22T10:10:00' }),
      job('github.com/a/6', 'pending'),
      job('github.com/a/7', 'pending'),
      job('github.com/a/8', ''),
      job('github.com/a/9', 'completed'),
    ];
    await sim.fault({ path: HISTORY, kind: 'status', status: 200, body: { jobs } });
    const el = await mount(sim.baseUrl);
    expect(count(el, 'pending')).to.equal('2');
    expect(count(el, 'processing')).to.equal('1');
    expect(count(el, 'completed')).to.equal('3');
    expect(count(el, 'failed')).to.equal('1');
    expect(count(el, 'unknown')).to.equal('2');
    const segments = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=bar] .segment')].map((s) => [s.dataset.status, s.style.flexGrow]);
    expect(segments).to.deep.equal([['pending', '2'], ['processing', '1'], ['completed', '3'], ['failed', '1'], ['unknown', '2']]);
    expect(text(el, '[part=total]')).to.equal('9 jobs listed by the backend.');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Ingestion jobs: 2 pending, 1 processing, 3 completed, 1 failed, and 2 unknown.');
    expect($(el, '[part=truncated]')).to.equal(null);
    expect(text(el, '[part=queue-size]')).to.contain('not known yet');
    await expect(el).to.be.accessible();
  });

  it('says the list may be cut short when it is as long as the limit', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl, 2);
    expect(text(el, '[part=total]')).to.equal('2 jobs listed by the backend (possibly more).');
    expect(text(el, '[part=truncated]')).to.contain('newer jobs may be missing');
    await expect(el).to.be.accessible();
  });

  it('shows the queue size from the latest submission, and the new job at once', async () => {
    const sim = await startSim('healthy');
    const source = await mountInSource(sim.baseUrl, html`<pharos-ingest-trigger></pharos-ingest-trigger><pharos-ingest-queue></pharos-ingest-queue>`);
    const el = source.querySelector('pharos-ingest-queue')!;
    const trigger = source.querySelector('pharos-ingest-trigger')!;
    await waitUntil(() => $(el, '[part=counts]'), 'renders', { timeout: 10000 });
    const pendingBefore = Number(count(el, 'pending'));
    const polls = (await sim.requests()).byPath[HISTORY]!;
    const input = trigger.shadowRoot!.querySelector('input')!;
    input.value = 'github.com/user/new-repo';
    input.dispatchEvent(new Event('input'));
    const outcome = await trigger.submit();
    expect(outcome).to.have.property('result');
    const result = outcome && 'result' in outcome ? outcome.result : null;
    await waitUntil(() => $(el, '[part=queue-value]'), 'queue size shown');
    expect(text(el, '[part=queue-value]')).to.equal(`${result!.queueSize} of 10`);
    expect(text(el, '[part=queue-size]')).to.contain(`job ${result!.jobId}`);
    // The history was fetched again at once, without waiting for the next poll.
    await waitUntil(() => Number(count(el, 'pending')) === pendingBefore + 1, 'the new job is counted', { timeout: 5000 });
    expect((await sim.requests()).byPath[HISTORY]).to.be.greaterThan(polls);
    await expect(el).to.be.accessible();
  });

  it('follows jobs through the simulator: pending → processing → completed or failed', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    const total = Number(text(el, '[part=total]').split(' ')[0]);
    await sim.advance(30 * 60_000);
    await el.refresh();
    await el.updateComplete;
    // Every job listed before has finished (new ones may have arrived meanwhile); one worker
    // runs at most one job at a time.
    expect(Number(count(el, 'completed')) + Number(count(el, 'failed'))).to.be.at.least(total);
    expect(Number(count(el, 'processing'))).to.be.at.most(1);
  });

  it('shows an empty list as such', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: HISTORY, kind: 'status', status: 200, body: { jobs: [] } });
    const el = await mount(sim.baseUrl);
    expect(text(el, '[part=empty]')).to.equal('No ingestion jobs recorded.');
    await expect(el).to.be.accessible();
  });

  it('says plainly when the history cannot be read', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: HISTORY, kind: 'malformed-json' });
    const el = await mount(sim.baseUrl);
    expect(text(el, '[part=error]')).to.contain('instead of JSON');
    expect(el.shadowRoot!.textContent).not.to.match(/undefined|NaN|\[object/);
    await expect(el).to.be.accessible();
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('production-like');
    const el = await fixture<PharosIngestQueue>(html`<pharos-ingest-queue base-url=${sim.baseUrl}></pharos-ingest-queue>`);
    await waitUntil(() => $(el, '[part=counts]'), 'renders', { timeout: 10000 });
    expect(Number(count(el, 'pending')) + Number(count(el, 'processing')) + Number(count(el, 'completed'))).to.be.greaterThan(0);
  });
});
