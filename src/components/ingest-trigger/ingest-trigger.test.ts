import { TaskStatus } from '@lit/task';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { startSim, type SimHandle } from '../../../test/support/sim.js';
import type { PharosIngestSubmittedEvent } from '../../events/ingest-submitted.js';
import '../source/source.js';
import './ingest-trigger.js';
import type { PharosIngestTrigger } from './ingest-trigger.component.js';

const INGEST = '/api/v1/ingestion/ingest/';
const TOKEN = 'dev-admin-token';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const input = (el: Element) => $<HTMLInputElement>(el, 'input')!;
const button = (el: Element) => $<HTMLButtonElement>(el, '[part=submit]')!;
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function type(el: Element, value: string) {
  input(el).value = value;
  input(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function ingestPosts(sim: SimHandle): Promise<number> {
  const { byPath } = await sim.requests();
  return Object.entries(byPath)
    .filter(([path]) => path.startsWith(INGEST))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function mount(sim: SimHandle | string, token?: string): Promise<PharosIngestTrigger> {
  const baseUrl = typeof sim === 'string' ? sim : sim.baseUrl;
  const source = await fixture(html`<pharos-source base-url=${baseUrl} token=${token ?? ''}><pharos-ingest-trigger></pharos-ingest-trigger></pharos-source>`);
  const el = source.querySelector('pharos-ingest-trigger')!;
  await el.updateComplete;
  return el;
}

/** Types a URL, submits, and waits for the outcome. */
async function submitAndWait(el: PharosIngestTrigger, url: string): Promise<HTMLElement> {
  type(el, url);
  button(el).click();
  await waitUntil(() => $(el, '[part=success], [part=failure]'), 'an outcome', { timeout: 10000 });
  return $(el, '[part=success], [part=failure]')!;
}

describe('pharos-ingest-trigger', () => {
  it('says what is wrong with a URL before sending anything', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim);
    type(el, 'javascript:alert(1)');
    button(el).click();
    await el.updateComplete;
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.contain('repo-error');
    expect(text(el, '#repo-error')).to.equal('javascript: URLs are not allowed; use an http, https or git URL.');
    expect(el.shadowRoot!.activeElement === input(el), 'focus on the field').to.equal(true);
    await expect(el).to.be.accessible();
    // Fixing it clears the message as soon as it is right.
    type(el, 'github.com/user/repo');
    await el.updateComplete;
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#repo-error')).to.equal(null);
    type(el, '');
    button(el).click();
    await el.updateComplete;
    expect(text(el, '#repo-error')).to.contain('Enter a repository URL');
    expect(await ingestPosts(sim)).to.equal(0);
  });

  it('queues a repository: job id, queue position, event without the token, field cleared', async () => {
    const sim = await startSim('auth');
    const el = await mount(sim, TOKEN);
    type(el, 'https://github.com/user/repo');
    const eventP = oneEvent(el, 'pharos-ingest-submitted') as Promise<PharosIngestSubmittedEvent>;
    button(el).click();
    const event = await eventP;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.repoUrl).to.equal('https://github.com/user/repo');
    expect(event.detail.origin).to.equal('form');
    expect(event.detail.maxQueueSize).to.equal(10);
    expect(event.detail.queuePosition).to.be.greaterThan(0);
    expect(JSON.stringify(event.detail)).not.to.contain(TOKEN);
    await waitUntil(() => $(el, '[part=success]'), 'success shown');
    expect(text(el, '[part=success]')).to.contain(`Job ${event.detail.jobId} for https://github.com/user/repo`);
    expect(text(el, '[part=position]')).to.equal(`${event.detail.queuePosition} of 10`);
    await waitUntil(() => input(el).value === '', 'the field is cleared for the next one');
    expect(await ingestPosts(sim)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('ignores a second submit while the first is in flight (one POST), and shows progress', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: INGEST, method: 'POST', latencyMs: 600 });
    const el = await mount(sim);
    type(el, 'github.com/user/repo');
    button(el).click();
    button(el).click();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(button(el).disabled).to.equal(true);
    expect(text(el, '[part=submit]')).to.equal('Queuing…');
    expect(text(el, '[part=result]')).to.equal('Queuing github.com/user/repo…');
    expect(el.submission.status).to.equal(TaskStatus.PENDING);
    expect(await el.submit(), 'submit() while in flight is ignored').to.equal(null);
    button(el).click();
    await waitUntil(() => $(el, '[part=success]'), 'success shown', { timeout: 10000 });
    expect(button(el).disabled).to.equal(false);
    expect(el.submission.status).to.equal(TaskStatus.COMPLETE);
    expect(text(el, '[part=success]')).to.contain(`Job ${el.submission.value!.result.jobId} for github.com/user/repo`);
    expect(await ingestPosts(sim)).to.equal(1);
  });

  it('400: the backend rejects the URL, and the URL is kept', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: INGEST, method: 'POST', kind: 'status', status: 400, body: { detail: 'Invalid repository URL format' } });
    const el = await mount(sim);
    const failure = await submitAndWait(el, 'github.com/user/repo');
    expect(failure.dataset.case).to.equal('invalid-url');
    expect(failure.textContent).to.contain('The backend rejected the URL');
    expect(failure.textContent).to.contain('Invalid repository URL format');
    expect(input(el).value).to.equal('github.com/user/repo');
    await expect(el).to.be.accessible();
  });

  it('401: needs a valid token (auth scenario, no token)', async () => {
    const sim = await startSim('auth');
    const el = await mount(sim);
    const failure = await submitAndWait(el, 'github.com/user/repo');
    expect(failure.dataset.case).to.equal('auth');
    expect(failure.textContent).to.contain('needs a valid token');
    expect(failure.textContent).to.contain('HTTP 401');
    expect(input(el).value).to.equal('github.com/user/repo');
  });

  it('429: the queue is full, with when to retry', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: INGEST, method: 'POST', kind: 'status', status: 429, body: { detail: 'Queue full' }, headers: { 'Retry-After': '120' } });
    const el = await mount(sim);
    const failure = await submitAndWait(el, 'github.com/user/repo');
    expect(failure.dataset.case).to.equal('queue-full');
    expect(failure.textContent).to.contain('The ingestion queue is full');
    expect(failure.textContent).to.match(/Try again in 2 min\b/);
    expect(input(el).value).to.equal('github.com/user/repo');
  });

  it('503: the edge worker is offline, when it was last seen, nothing queued (worker-offline)', async () => {
    const sim = await startSim('worker-offline');
    const el = await mount(sim);
    const failure = await submitAndWait(el, 'github.com/user/repo');
    expect(failure.dataset.case).to.equal('worker-offline');
    // At the simulator's start the worker was last seen 5.5 to 6.5 min ago; the test's time adds.
    expect(failure.textContent).to.match(/The worker was last seen [5-7] min ago \(it counts as offline after 5 min\); nothing was queued/);
    expect(input(el).value).to.equal('github.com/user/repo');
    await expect(el).to.be.accessible();
  });

  it('503: the queue is unavailable', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: INGEST, method: 'POST', kind: 'status', status: 503, body: { detail: 'Queue unavailable: Connection refused' } });
    const el = await mount(sim);
    const failure = await submitAndWait(el, 'github.com/user/repo');
    expect(failure.dataset.case).to.equal('queue-unavailable');
    expect(failure.textContent).to.contain('Queue unavailable: Connection refused');
    expect(input(el).value).to.equal('github.com/user/repo');
  });

  it('read-only view (a Pharos relay): the refusal puts where to act in place of the form', async () => {
    const sim = await startSim('healthy');
    await sim.fault({
      path: INGEST, method: 'POST', kind: 'status', status: 405,
      body: { detail: 'This is a read-only view of Pharos.' }, headers: { 'X-Pharos-Relay': 'read-only', Allow: 'GET, HEAD, OPTIONS' },
    });
    const el = await mount(sim);
    expect($(el, 'form'), 'a form until the backend says otherwise').to.exist;
    type(el, 'github.com/user/repo');
    button(el).click();
    await waitUntil(() => $(el, '[part=read-only]'), 'the read-only notice', { timeout: 10000 });
    expect(text(el, '[part=read-only]')).to.equal('Read-only view. Repositories are queued where people sign in to Pharos.');
    expect($(el, 'form'), 'no form that can only fail').to.equal(null);
    expect(await ingestPosts(sim)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('network: an unreachable backend says what to check', async () => {
    const el = await mount('http://127.0.0.1:9');
    const failure = await submitAndWait(el, 'github.com/user/repo');
    expect(failure.dataset.case).to.equal('network');
    expect(failure.textContent).to.contain('Check the base URL, the token');
    expect(input(el).value).to.equal('github.com/user/repo');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosIngestTrigger>(html`<pharos-ingest-trigger base-url=${sim.baseUrl}></pharos-ingest-trigger>`);
    const outcome = await submitAndWait(el, 'github.com/user/alone');
    expect(outcome.getAttribute('part')).to.equal('success');
    await expect(el).to.be.accessible();
  });
});

