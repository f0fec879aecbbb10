import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
import { mountInSource } from '../../../test/support/mount.js';
import type { PharosHealth } from './health.component.js';
import './health.js';

const TIMEOUT = { timeout: 10_000 };

async function mount(baseUrl: string) {
  const source = await mountInSource(baseUrl, html`<pharos-health></pharos-health>`);
  return source.querySelector('pharos-health') as PharosHealth;
}

const parts = (el: PharosHealth, part: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)];
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const componentRows = (el: PharosHealth) => parts(el, 'component') as HTMLElement[];
const badgeOf = (row: Element) => row.querySelector('pharos-status-badge')!;

describe('<pharos-health>', () => {
  it('shows a skeleton before the first answer, without layout-changing emptiness', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/api/monitoring/health', latencyMs: 3000, times: 1 });
    const el = await mount(sim.baseUrl);
    expect(el.shadowRoot!.querySelector('[part=skeleton]')).to.exist;
    expect(text(el)).to.contain('Loading');
    // The placeholder is labelled for screen readers ("Loading system health").
    expect(el.shadowRoot!.querySelector('[part=skeleton]')!.getAttribute('role')).to.equal('progressbar');
    await expect(el).to.be.accessible();
    await waitUntil(() => componentRows(el).length > 0, 'loads', TIMEOUT);
    expect(el.shadowRoot!.querySelector('[part=skeleton]')).to.not.exist;
  });

  it('healthy: every component healthy, with icon and words, and passes axe', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => componentRows(el).length === 5, 'five components', TIMEOUT);
    const overall = el.shadowRoot!.querySelector('[part=summary] pharos-status-badge')!;
    expect(overall.getAttribute('status')).to.equal('healthy');
    expect(componentRows(el).map((r) => r.dataset.name)).to.deep.equal(['database', 'redis', 'celery', 'ncf_model', 'api']);
    for (const row of componentRows(el)) expect(badgeOf(row).getAttribute('status')).to.equal('healthy');
    expect(text(badgeOf(componentRows(el)[0]!))).to.contain('Healthy');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Healthy');
    await expect(el).to.be.accessible();
  });

  it('production-like: degraded, Redis and Celery down, NCF model neutral "removed"', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => componentRows(el).length === 5, 'components', TIMEOUT);
    expect(el.shadowRoot!.querySelector('[part=summary] pharos-status-badge')!.getAttribute('status')).to.equal('degraded');
    expect(text(el)).to.contain('Redis unavailable');
    const byName = Object.fromEntries(componentRows(el).map((r) => [r.dataset.name, r]));
    expect(badgeOf(byName.redis!).getAttribute('status')).to.equal('down');
    expect(badgeOf(byName.celery!).getAttribute('status')).to.equal('down');
    expect(text(byName.celery!)).to.contain('0 workers');
    const ncf = badgeOf(byName.ncf_model!);
    expect(ncf.getAttribute('status')).to.equal('not-applicable');
    expect(text(ncf)).to.contain('Removed from this deployment');
    await expect(el).to.be.accessible();
  });

  it('incident: a module down makes the system degraded', async () => {
    const sim = await startSim('incident');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => componentRows(el).length > 0, 'components', TIMEOUT);
    expect(el.shadowRoot!.querySelector('[part=summary] pharos-status-badge')!.getAttribute('status')).to.not.equal('healthy');
  });

  it('outage: says what happened in plain words, offers a retry, and recovers', async () => {
    const sim = await startSim('outage');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error notice', TIMEOUT);
    const notice = text(parts(el, 'error')[0]!);
    expect(notice).to.contain('HTTP 502');
    expect(notice).to.contain('HTML page');
    expect(notice).to.match(/Next retry in|Retrying/);
    expect(notice).not.to.match(/undefined|NaN|\[object Object\]/);
    await expect(el).to.be.accessible();
    await sim.scenario('healthy');
    (parts(el, 'retry')[0] as HTMLButtonElement).click();
    await waitUntil(() => componentRows(el).length === 5, 'recovers after retry', TIMEOUT);
    expect(parts(el, 'error')).to.have.length(0);
  });

  it('stale: keeps the last good values with their time when a refresh fails', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => componentRows(el).length === 5, 'loads', TIMEOUT);
    await sim.fault({ path: '/api/monitoring/health', kind: 'malformed-json' });
    await el.refresh();
    await waitUntil(() => parts(el, 'error').length === 1, 'error notice', TIMEOUT);
    expect(componentRows(el)).to.have.length(5);
    const notice = text(parts(el, 'error')[0]!);
    expect(notice).to.contain('Showing the last good values');
    expect(notice).to.contain('malformed JSON');
  });

  it('auth: the public health endpoint still answers without a token', async () => {
    const sim = await startSim('auth');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => componentRows(el).length === 5, 'loads', TIMEOUT);
    expect(parts(el, 'error')).to.have.length(0);
  });

  it('cross-origin without CORS headers: explains what to check instead of "unknown error"', async () => {
    // 127.0.0.1 vs localhost are different origins: the outage's 502 pages carry no CORS
    // headers (like the real gateway and auth middleware), so the browser hides them.
    const crossOrigin = location.origin.replace('localhost', '127.0.0.1');
    expect(crossOrigin).to.not.equal(location.origin);
    const sim = await startSim('outage', crossOrigin);
    const el = await mount(sim.baseUrl);
    await waitUntil(() => parts(el, 'error').length === 1, 'error notice', TIMEOUT);
    const notice = text(parts(el, 'error')[0]!);
    expect(parts(el, 'error')[0]!.getAttribute('data-kind')).to.equal('network');
    expect(notice).to.contain('base URL');
    expect(notice).to.contain('CORS');
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('healthy');
    const el = await fixture<PharosHealth>(html`<pharos-health base-url=${sim.baseUrl}></pharos-health>`);
    await waitUntil(() => componentRows(el).length === 5, 'loads', TIMEOUT);
    expect(text(el)).to.contain('System health');
    expect(text(el)).to.match(/Updated/);
  });

  it('renders backend text as text, never as HTML', async () => {
    const sim = await startSim('healthy');
    const body = {
      status: 'degraded',
      message: '<img src=x onerror="window.__pwned=1">',
      timestamp: '2026-11-22T10:23:18.949106',
      components: { database: { status: 'healthy', message: '<b>bold</b>' } },
      modules: null,
      error: null,
    };
    await sim.fault({ path: '/api/monitoring/health', kind: 'status', status: 200, body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => componentRows(el).length === 1, 'loads', TIMEOUT);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect(text(el)).to.contain('<b>bold</b>');
  });
});
