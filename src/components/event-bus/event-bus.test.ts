import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import { drawnShare } from '../../../test/support/drawn.js';
import { loadSample } from '../../../test/support/samples.js';
import { eventHistoryResource, eventsResource } from '../../store/resources/monitoring.js';
import type { PharosEventBus } from './event-bus.component.js';
import './event-bus.js';

const root = (el: Element) => el.shadowRoot!;
const q = (el: Element, sel: string) => root(el).querySelector<HTMLElement>(sel);
const qa = (el: Element, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
type Card = HTMLElement & { value: unknown; formattedValue: string };
const figure = (el: Element, key: string) => root(el).querySelector<Card>(`[part=figure][data-key=${key}]`)!;

async function mount(scenario: Parameters<typeof startSim>[0]) {
  const sim = await startSim(scenario);
  const source = await mountInSource(sim.baseUrl, html`<pharos-event-bus lang="en"></pharos-event-bus>`);
  const el = source.querySelector('pharos-event-bus')!;
  return { sim, source: source.source!, el };
}

describe('<pharos-event-bus>', () => {
  it('shows counters, delivery rate, latency percentiles, types and the timeline (healthy)', async () => {
    const { source, el } = await mount('healthy');
    await waitUntil(() => q(el, '[part=figures]') && q(el, '[part=timeline]'), 'renders', { timeout: 10000 });
    const m = source.resource(eventsResource).value.get()!;
    expect(figure(el, 'emitted').value).to.equal(m.emitted);
    expect(figure(el, 'delivered').value).to.equal(m.delivered);
    expect(figure(el, 'delivery-rate').value).to.be.closeTo(m.delivered / m.emitted, 1e-9);
    expect(figure(el, 'per-minute').formattedValue).to.equal('—'); // one sample so far
    const latency = q(el, '[part=latency]')!;
    expect(latency.querySelectorAll('tbody tr').length).to.equal(2);
    expect(latency.textContent).to.match(/Handler[\s\S]*ms/);
    // Types: sorted by count, numbers shown.
    const types = qa(el, '[part=type]');
    expect(types.length).to.equal(Object.keys(m.eventTypes).length);
    const counts = types.map((t) => m.eventTypes[t.dataset.type!]!);
    expect([...counts].sort((a, b) => b - a)).to.deep.equal(counts);
    // Each bar is drawn at its count's share of the largest.
    types.forEach((t, i) => expect(drawnShare(t.querySelector('.bar > span')!), t.dataset.type).to.be.closeTo(counts[i]! / counts[0]!, 0.01));
    // Timeline: newest first.
    const history = source.resource(eventHistoryResource, 100).value.get()!;
    const items = qa(el, '[part=event]');
    expect(items.length).to.equal(Math.min(100, history.events.length));
    expect(items[0]!.dataset.name).to.equal(history.events[history.events.length - 1]!.name);
    expect(root(el).textContent).not.to.match(/NaN|undefined|\[object/);
    await expect(el).to.be.accessible();
  });

  it('shows an event’s data as text on demand, never as HTML', async () => {
    const { sim, source, el } = await mount('production-like');
    // Let the first poll finish: a refresh during it would share that request, not send one.
    await waitUntil(() => source.resource(eventHistoryResource, 100).lastSuccessAt.get() !== null, 'first load', { timeout: 10000 });
    const sample = (await loadSample('monitoring_events_history')).body as { events: Record<string, unknown>[] };
    const evil = { ...sample.events[0], name: 'resource.created', data: { title: '<img src=x onerror="window.__pwned=1">' }, correlation_id: 'evil' };
    await sim.fault({ path: '/api/monitoring/events/history', kind: 'status', status: 200, body: { ...sample, count: 1, events: [evil] } });
    await el.refresh();
    await waitUntil(() => qa(el, '[part=event]').length === 1, 'one event', { timeout: 10000 });
    const details = q(el, '[part=event] details') as HTMLDetailsElement;
    expect(q(el, '[part=event-data]')).to.equal(null); // not rendered until opened
    details.open = true;
    await waitUntil(() => q(el, '[part=event-data]'), 'data shown');
    const pre = q(el, '[part=event-data]')!;
    expect(pre.textContent).to.contain('"title": "<img src=x onerror=\\"window.__pwned=1\\">"');
    expect(pre.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('computes events per minute from successive samples and survives a counter reset', async () => {
    const { sim, source, el } = await mount('healthy');
    const metrics = source.resource(eventsResource);
    await waitUntil(() => metrics.value.get(), 'first sample', { timeout: 10000 });
    // Ten simulated minutes: the simulator's traffic is lowest around midnight UTC, when two
    // minutes held no event at all about one run in ten.
    await sim.advance(600_000);
    await metrics.refresh();
    // Renders follow data at the next frame: the figure may not be there yet.
    await waitUntil(() => (figure(el, 'per-minute')?.formattedValue ?? '—') !== '—', 'rate known', { timeout: 10000 });
    expect(figure(el, 'per-minute').value as number).to.be.greaterThan(0);
    // The backend restarts: counters start again near zero.
    const body = (await loadSample('monitoring_events')).body as { metrics: Record<string, unknown> };
    await sim.fault({ path: '/api/monitoring/events', kind: 'status', status: 200, body, times: 1 });
    await metrics.refresh();
    await waitUntil(() => q(el, '[part=restart]'), 'restart noted', { timeout: 10000 });
    expect(figure(el, 'emitted').value).to.equal(6);
    const rate = figure(el, 'per-minute').value as number;
    expect(rate).to.be.at.least(0);
    const chart = q(el, '[part=chart] pharos-timeseries') as HTMLElement & { data: ArrayLike<number>[] };
    const rates = Array.from(chart.data[1]!).filter(Number.isFinite);
    expect(rates.length).to.equal(2);
    expect(rates.every((r) => r >= 0)).to.equal(true);
  });

  it('reads the real sample: delivery rate of 2 of 6', async () => {
    const { sim, source, el } = await mount('healthy');
    await waitUntil(() => source.resource(eventsResource).lastSuccessAt.get() !== null, 'first load', { timeout: 10000 });
    const body = (await loadSample('monitoring_events')).body;
    await sim.fault({ path: '/api/monitoring/events', kind: 'status', status: 200, body });
    await el.refresh();
    await waitUntil(() => figure(el, 'emitted')?.value === 6, 'sample shown', { timeout: 10000 });
    expect(figure(el, 'delivery-rate').formattedValue).to.equal('33.3%');
    expect(qa(el, '[part=type]').map((t) => t.dataset.type)).to.deep.equal(['ingestion.failed', 'ingestion.started', 'resource.created']);
  });

  it('explains an outage and a missing token', async () => {
    const { el } = await mount('outage');
    await waitUntil(() => qa(el, '[part=error]').length === 2, 'two notices', { timeout: 10000 });
    expect(q(el, '[part=figures]')).to.equal(null);
    await expect(el).to.be.accessible();
    const auth = await mount('auth');
    await waitUntil(() => q(auth.el, '[part=error]'), 'auth error', { timeout: 10000 });
    expect(q(auth.el, '[part=error]')!.dataset.kind).to.equal('auth');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('production-like');
    const el = await fixture<PharosEventBus>(html`<pharos-event-bus base-url=${sim.baseUrl} history-limit="5"></pharos-event-bus>`);
    await waitUntil(() => q(el, '[part=figures]') && (q(el, '[part=timeline]') || q(el, '[part=empty]')), 'renders', { timeout: 10000 });
    expect(qa(el, '[part=event]').length).to.be.at.most(5);
    await expect(el).to.be.accessible();
  });
});
