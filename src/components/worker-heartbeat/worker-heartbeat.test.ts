import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import { withReducedMotion } from '../../../test/support/media.js';
import type { PharosSourceElement } from '../source/source.js';
import './worker-heartbeat.js';
import type { PharosWorkerHeartbeat } from './worker-heartbeat.component.js';

const OFFLINE_BODY = { state: 'offline', last_seen_unix: null, seconds_since_last_seen: null, threshold_seconds: 300, worker_meta: null };
const WORKER_PATH = '/api/v1/ingestion/health/worker';

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(baseUrl: string): Promise<{ source: PharosSourceElement; el: PharosWorkerHeartbeat }> {
  const source = await mountInSource(baseUrl, html`<pharos-worker-heartbeat></pharos-worker-heartbeat>`);
  const el = source.querySelector('pharos-worker-heartbeat')!;
  await waitUntil(() => part(el, 'liveness') && part(el, 'services') && part(el, 'components'), 'renders the worker and the cloud side', {
    timeout: 10000,
  });
  return { source, el };
}

describe('pharos-worker-heartbeat', () => {
  it('shows an online worker with its metadata, a live age and the cloud side (healthy)', async () => {
    const sim = await startSim('healthy');
    const { el } = await mount(sim.baseUrl);
    expect(part(el, 'liveness')!.dataset.state).to.equal('online');
    expect(part(el, 'pulse')!.dataset.state).to.equal('online');
    expect(part(el, 'pulse')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Edge worker online');
    expect(text(el, 'summary')).to.match(/^Last heartbeat .+ ago; it counts as late after 5 min/);
    const meta = text(el, 'meta');
    expect(meta).to.match(/Worker ID\s*edge-box-[0-9a-f]{8}/);
    expect(meta).to.contain('nomic-ai/nomic-embed-text-v1');
    expect(meta).to.contain('1.0.0');
    expect(meta).to.match(/Queue drained\s*0 jobs/);
    // The age ticks between polls (the source's one-second tick), without a new request.
    const before = text(el, 'age');
    const requests = (await sim.requests()).byPath[WORKER_PATH];
    await waitUntil(() => text(el, 'age') !== before, 'the age ticks', { timeout: 5000 });
    expect((await sim.requests()).byPath[WORKER_PATH]).to.equal(requests);
    // Cloud side: qdrant "not configured" is neutral, not a failure.
    const qdrant = el.shadowRoot!.querySelector('[part=services] [data-name=qdrant]')!;
    expect(qdrant.getAttribute('data-status')).to.equal('not-configured');
    expect(qdrant.querySelector('pharos-status-badge')!.getAttribute('status')).to.equal('not-applicable');
    expect(el.shadowRoot!.querySelector('[part=services] [data-name=redis] pharos-status-badge')!.getAttribute('status')).to.equal('healthy');
    expect(el.shadowRoot!.querySelectorAll('[part=components] [part=service]').length).to.be.greaterThan(3);
    await expect(el).to.be.accessible();
  });

  it('is online in production-like, where the monitoring health is degraded', async () => {
    const sim = await startSim('production-like');
    const { el } = await mount(sim.baseUrl);
    expect(part(el, 'liveness')!.dataset.state).to.equal('online');
    expect(el.shadowRoot!.querySelector('[part=components] [data-name=redis]')!.getAttribute('data-status')).to.equal('unhealthy');
  });

  it('shows a degraded worker whose heartbeat is past the threshold (worker-offline)', async () => {
    const sim = await startSim('worker-offline');
    const { el } = await mount(sim.baseUrl);
    expect(part(el, 'liveness')!.dataset.state).to.equal('degraded');
    expect(part(el, 'pulse')!.dataset.state).to.equal('degraded');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Edge worker degraded');
    // At the simulator's start the worker was last seen 5.5 to 6.5 min ago; the test's time adds.
    expect(text(el, 'summary')).to.match(/^No heartbeat for [5-7] min, longer than the 5 min threshold/);
    expect(part(el, 'state')!.getAttribute('label')).to.equal('Degraded');
    await expect(el).to.be.accessible();
  });

  it('shows an offline worker when none is recorded', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: WORKER_PATH, kind: 'status', status: 200, body: OFFLINE_BODY });
    const { el } = await mount(sim.baseUrl);
    expect(part(el, 'liveness')!.dataset.state).to.equal('offline');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Edge worker offline');
    expect(text(el, 'summary')).to.contain('No heartbeat recorded');
    expect(part(el, 'age')).to.equal(null);
    expect(text(el, 'meta')).to.contain('None recorded');
    expect(text(el, 'meta')).to.contain('No metadata');
    expect(el.shadowRoot!.textContent).not.to.match(/undefined|NaN|\[object/);
    await expect(el).to.be.accessible();
  });

  it('draws a timeline of the polls that shows a flapping worker', async () => {
    const sim = await startSim('healthy');
    const { el } = await mount(sim.baseUrl);
    expect(text(el, 'timeline-summary')).to.match(/^1 check \(1 online\); 1 heartbeat seen/);
    await sim.scenario('worker-offline');
    await el.refresh();
    await sim.scenario('healthy');
    await sim.advance(61_000);
    await el.refresh();
    await sim.fault({ path: WORKER_PATH, kind: 'html-502', times: 1 });
    await el.refresh();
    await el.updateComplete;
    const summary = text(el, 'timeline-summary');
    expect(summary).to.match(/^4 checks \(2 online, 1 degraded, and 1 no answer\)/);
    expect(summary).to.contain('the state changed 3 times');
    const segments = [...el.shadowRoot!.querySelectorAll('[part=timeline-bar] rect')].map((r) => r.getAttribute('data-state'));
    expect(segments).to.deep.equal(['online', 'degraded', 'online', 'no-answer']);
    expect(el.shadowRoot!.querySelectorAll('[part=timeline-bar] line.beat').length).to.be.greaterThan(1);
    // The worker's state stays the last one known, marked as such, with the error beside it.
    expect(part(el, 'error')).to.exist;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('(last known state)');
  });

  it('says the cloud side is unhealthy when a service is down (503 body)', async () => {
    const sim = await startSim('healthy');
    await sim.fault({
      path: '/api/v1/ingestion/health',
      method: 'GET',
      kind: 'status',
      status: 503,
      body: { status: 'unhealthy', services: { redis: 'unhealthy: connection refused', database: 'healthy', qdrant: 'not configured' } },
    });
    // The fault's prefix also catches /health/worker; only the services matter here.
    const source = await mountInSource(sim.baseUrl, html`<pharos-worker-heartbeat></pharos-worker-heartbeat>`);
    const el = source.querySelector('pharos-worker-heartbeat')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part=services] [data-name=redis]'), 'renders services', { timeout: 10000 });
    const redis = el.shadowRoot!.querySelector('[part=services] [data-name=redis]')!;
    expect(redis.getAttribute('data-status')).to.equal('unhealthy');
    expect(redis.textContent).to.contain('unhealthy: connection refused');
    expect(el.shadowRoot!.querySelector('[part=services] [data-name=api] pharos-status-badge')!.getAttribute('status')).to.equal('down');
  });

  it('says plainly when the backend cannot be read, with a retry', async () => {
    const sim = await startSim('outage');
    const source = await mountInSource(sim.baseUrl, html`<pharos-worker-heartbeat></pharos-worker-heartbeat>`);
    const el = source.querySelector('pharos-worker-heartbeat')!;
    await waitUntil(() => part(el, 'error'), 'shows the error', { timeout: 10000 });
    expect(text(el, 'error')).to.contain('Edge worker');
    expect(part(el, 'retry')).to.exist;
    expect(el.shadowRoot!.textContent).not.to.match(/undefined|NaN|\[object/);
    await expect(el).to.be.accessible();
  });

  it('beats while online, slowly when degraded, not at all offline or with reduced motion', async () => {
    const sim = await startSim('healthy');
    const { el } = await mount(sim.baseUrl);
    const core = () => el.shadowRoot!.querySelector('[part=pulse] .core')!;
    const animation = () => getComputedStyle(core());
    expect(animation().animationName).to.equal('pharos-hb-beat');
    expect(animation().animationDuration).to.equal('1.2s');
    await sim.scenario('worker-offline');
    await el.refresh();
    await el.updateComplete;
    expect(animation().animationDuration).to.equal('3.6s');
    await withReducedMotion(el, () => {
      expect(animation().animationName).to.equal('none');
      // The state is still in words.
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Edge worker degraded');
    });
    expect(animation().animationName).to.equal('pharos-hb-beat');
    await sim.fault({ path: WORKER_PATH, kind: 'status', status: 200, body: OFFLINE_BODY });
    await el.refresh();
    await el.updateComplete;
    expect(animation().animationName).to.equal('none');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosWorkerHeartbeat>(html`<pharos-worker-heartbeat base-url=${sim.baseUrl}></pharos-worker-heartbeat>`);
    await waitUntil(() => part(el, 'liveness'), 'renders', { timeout: 10000 });
    expect(part(el, 'liveness')!.dataset.state).to.equal('online');
  });
});
