import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { alertStorageKey } from '../../alerts/persistence.js';
import type { PharosAlertAcknowledgeEvent } from '../../events/alert-acknowledge.js';
import type { PharosAlertEvent } from '../../events/alert-fired.js';
import type { TemplateResult } from 'lit';
import type { PharosSourceElement } from '../source/source.js';
import '../source/source.js';
import { accessible, pinJobs } from '../../../test/support/alert-checks.js';
import { startSim } from '../../../test/support/sim.js';
import type { PharosAlerts } from './alerts.component.js';
import './alerts.js';

const TIMEOUT = { timeout: 15_000 };

/**
 * A source polling every second (several samples quickly) with `poll-when-hidden`: test
 * files run in parallel, and a page in the background would pause its polls.
 */
function inSource(baseUrl: string, content: TemplateResult) {
  return fixture<PharosSourceElement>(html`<pharos-source base-url=${baseUrl} interval="1" poll-when-hidden>${content}</pharos-source>`);
}

async function mount(baseUrl: string, compact = false) {
  const source = await inSource(baseUrl, compact ? html`<pharos-alerts compact></pharos-alerts>` : html`<pharos-alerts></pharos-alerts>`);
  return source.querySelector('pharos-alerts') as PharosAlerts;
}

const root = (el: Element) => el.shadowRoot!;
const parts = (el: Element, part: string) => [...root(el).querySelectorAll(`[part~="${part}"]`)] as HTMLElement[];
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const shownRules = (el: PharosAlerts) => parts(el, 'alert').map((li) => li.dataset.rule!);
const alertRow = (el: PharosAlerts, rule: string) => root(el).querySelector(`[part~=alert][data-rule="${rule}"]`) as HTMLElement | null;
const activeRules = (el: PharosAlerts) => el.monitor.engine.active.get().map((a) => a.ruleId);
const tab = (el: PharosAlerts, id: string) => root(el).querySelector(`#tab-${id}`) as HTMLButtonElement;

/** Whether the page has loaded the History and Preferences tabs' module. */
const panelsLoaded = () => performance.getEntriesByType('resource').some((e) => e.name.includes('/alert-panels.'));

/** Records `pharos-alert` events of one backend. */
function recordAlerts(baseUrl: string) {
  const events: PharosAlertEvent[] = [];
  const listener = (e: PharosAlertEvent) => {
    if (e.detail.baseUrl === baseUrl) events.push(e);
  };
  document.addEventListener('pharos-alert', listener);
  return { events, stop: () => document.removeEventListener('pharos-alert', listener) };
}

/** Waits until every watched resource has at least `n` results in history. */
async function samples(el: PharosAlerts, n: number) {
  await waitUntil(
    () => el.monitor.resources.length > 0 && el.monitor.resources.every((r) => r.history.length >= n),
    `${n} samples of every watched resource`,
    TIMEOUT,
  );
}

function savePreferences(baseUrl: string, preferences: object) {
  localStorage.setItem(alertStorageKey(baseUrl), JSON.stringify({ version: 1, preferences, history: [] }));
}

describe('<pharos-alerts>', () => {
  it('healthy: no alert fires over several samples, says so, and passes axe', async () => {
    const sim = await startSim('healthy');
    await pinJobs(sim);
    const record = recordAlerts(sim.baseUrl);
    const el = await mount(sim.baseUrl);
    await samples(el, 3);
    await el.updateComplete;
    record.stop();
    expect(activeRules(el)).to.deep.equal([]);
    expect(record.events).to.have.length(0);
    expect(parts(el, 'empty')[0]!.textContent).to.contain('No active alerts');
    expect(text(el)).to.not.match(/undefined|NaN|\[object Object\]/);
    // Every default rule's resource is watched, each polled through the shared store.
    expect(el.monitor.watching.map((w) => w.target.label).sort()).to.deep.equal(
      ['Cache', 'Database', 'Edge worker', 'Event bus', 'Ingestion jobs', 'System health'],
    );
    await accessible(el);
  });

  it('incident: fires the pool usage, module and health alerts, in plain words, with events and an announcement', async () => {
    const sim = await startSim('incident');
    const record = recordAlerts(sim.baseUrl);
    const el = await mount(sim.baseUrl);
    await waitUntil(
      () => ['db-pool-usage', 'module-down', 'health-degraded'].every((r) => shownRules(el).includes(r)),
      'incident alerts',
      TIMEOUT,
    );
    record.stop();
    const pool = alertRow(el, 'db-pool-usage')!;
    expect(text(pool)).to.match(/Connection pool usage is \d+(\.\d)?%, at or above the 75% limit for \d+ samples in a row/);
    expect(pool.querySelector('[part=severity]')!.textContent).to.contain('Warning');
    expect(pool.querySelector('[part=severity] [aria-hidden=true]')).to.exist;
    expect(text(alertRow(el, 'module-down')!)).to.contain('Module graph is unhealthy: Vector store unreachable');
    expect(text(alertRow(el, 'health-degraded')!)).to.contain('Module graph unhealthy');
    expect(parts(el, 'since')[0]!.textContent).to.match(/Since .+\(.+\)/);
    expect(text(el)).to.not.match(/undefined|NaN|\[object Object\]/);
    const fired = record.events.map((e) => e.detail.ruleId);
    for (const rule of ['db-pool-usage', 'module-down', 'health-degraded']) expect(fired).to.include(rule);
    expect(new Set(fired).size, 'each alert announced once').to.equal(fired.length);
    expect(root(el).querySelector('[aria-live=polite]')!.textContent).to.contain('Warning alert:');
    expect(text(parts(el, 'counts')[0]!)).to.match(/\d+ warning/);
    await accessible(el);
  });

  it('worker-offline: the edge worker alert fires; when the heartbeat expires the critical one replaces it', async () => {
    const sim = await startSim('worker-offline');
    await pinJobs(sim);
    const el = await mount(sim.baseUrl);
    await waitUntil(() => shownRules(el).includes('worker-degraded'), 'edge worker silent', TIMEOUT);
    expect(shownRules(el)).to.deep.equal(['worker-degraded']);
    expect(text(alertRow(el, 'worker-degraded')!)).to.match(/last heartbeat was .+ ago \(limit 5 min\)/);
    await sim.advance(600_000);
    await waitUntil(() => shownRules(el).includes('worker-offline'), 'edge worker offline', TIMEOUT);
    expect(shownRules(el)).to.deep.equal(['worker-offline']);
    expect(alertRow(el, 'worker-offline')!.dataset.severity).to.equal('critical');
    await waitUntil(() => root(el).querySelector('[aria-live=assertive]')!.textContent!.includes('Critical alert: Edge worker offline'), 'assertive', TIMEOUT);
    // The silent-worker alert resolved into history, with how long it lasted. The History
    // tab's code is loaded when it is first opened, and `updateComplete` waits for it.
    expect(panelsLoaded(), 'panels loaded before a panel was opened').to.equal(false);
    tab(el, 'history').click();
    await el.updateComplete;
    expect(panelsLoaded()).to.equal(true);
    const item = parts(el, 'history-item').find((li) => li.dataset.rule === 'worker-degraded')!;
    expect(text(item)).to.match(/Fired .+ · lasted \d/);
    await accessible(el);
  });

  it('acknowledges by keyboard: the alert stays, silenced, and the focus stays on the button', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => alertRow(el, 'health-degraded'), 'degraded alert', TIMEOUT);
    const acks: PharosAlertAcknowledgeEvent[] = [];
    el.addEventListener('pharos-alert-acknowledge', (e) => acks.push(e));
    const button = alertRow(el, 'health-degraded')!.querySelector('[part=acknowledge]') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).to.equal('Acknowledge: System degraded');
    button.focus();
    await sendKeys({ press: 'Enter' }); // opens the dialog, focus in the optional comment
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // "Acknowledge"
    await waitUntil(() => alertRow(el, 'health-degraded')!.dataset.state === 'acknowledged', 'acknowledged', TIMEOUT);
    expect(acks).to.have.length(1);
    expect(acks[0]!.detail.ruleId).to.equal('health-degraded');
    expect(el.monitor.engine.active.get().find((a) => a.ruleId === 'health-degraded')!.state).to.equal('acknowledged');
    const after = alertRow(el, 'health-degraded')!.querySelector('[part=acknowledge]') as HTMLButtonElement;
    expect(after.textContent!.trim()).to.equal('Acknowledged');
    expect(after.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => root(el).activeElement === after, 'focus back on the button', TIMEOUT);
    expect(text(parts(el, 'counts')[0]!)).to.contain('1 acknowledged');
    await accessible(el);
    await sendKeys({ press: 'Enter' });
    expect(acks, 'a second press does nothing').to.have.length(1);
  });

  it('acknowledging can be cancelled by the event', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => alertRow(el, 'health-degraded'), 'degraded alert', TIMEOUT);
    el.addEventListener('pharos-alert-acknowledge', (e) => e.preventDefault());
    (alertRow(el, 'health-degraded')!.querySelector('[part=acknowledge]') as HTMLButtonElement).click();
    await el.updateComplete;
    (root(el).querySelector('[part=dialog-confirm]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(alertRow(el, 'health-degraded')!.dataset.state).to.equal('firing');
  });

  it('preferences: turning a rule off ends its alert, is saved per backend, and a new page starts from it', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl);
    await waitUntil(() => alertRow(el, 'health-degraded'), 'degraded alert', TIMEOUT);
    tab(el, 'active').focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.tab).to.equal('preferences');
    await accessible(el);
    const toggle = root(el).querySelector('input[name="enabled:health-degraded"]') as HTMLInputElement;
    expect(toggle.checked).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(activeRules(el)).to.not.include('health-degraded');
    expect(el.monitor.engine.history.get()[0]).to.include({ ruleId: 'health-degraded', note: 'Rule turned off' });
    const saved = JSON.parse(localStorage.getItem(alertStorageKey(sim.baseUrl))!);
    expect(saved.preferences.rules['health-degraded']).to.deep.equal({ enabled: false });

    // Polls go on: the rule stays off.
    const before = el.monitor.resources.find((r) => r.key === 'monitoring/health')!.history.length;
    await waitUntil(() => el.monitor.resources.find((r) => r.key === 'monitoring/health')!.history.length > before + 1, 'more polls', TIMEOUT);
    expect(activeRules(el)).to.not.include('health-degraded');

    const again = await fixture<PharosAlerts>(html`<pharos-alerts base-url=${sim.baseUrl} tab="preferences"></pharos-alerts>`);
    expect((root(again).querySelector('input[name="enabled:health-degraded"]') as HTMLInputElement).checked).to.equal(false);
  });

  it('preferences: an invalid threshold keeps the typed text with a message; a valid one applies', async () => {
    const sim = await startSim('healthy');
    await pinJobs(sim);
    const el = await mount(sim.baseUrl);
    el.tab = 'preferences';
    await el.updateComplete;
    const input = () => root(el).querySelector('input[name="value:db-pool-usage"]') as HTMLInputElement;
    expect(input().value).to.equal('75');
    const type = async (value: string) => {
      input().focus();
      input().select();
      await sendKeys({ type: value });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
    };
    await type('abc');
    expect(input().value).to.equal('abc');
    expect(input().getAttribute('aria-invalid')).to.equal('true');
    const error = () => root(el).getElementById(input().getAttribute('aria-describedby')!)!;
    expect(error().textContent).to.contain('Enter a number');
    // A re-render (the clock ticks every second) keeps the typed text.
    el.requestUpdate();
    await el.updateComplete;
    expect(input().value).to.equal('abc');
    await type('150');
    expect(input().value).to.equal('150');
    expect(parts(el, 'field-error')).to.have.length(1);
    expect(error().textContent).to.contain('percentage from 0 to 100');
    await type('12.5');
    expect(parts(el, 'field-error')).to.have.length(0);
    expect(input().getAttribute('aria-invalid')).to.equal('false');
    expect(el.monitor.engine.preferences.get().rules['db-pool-usage']).to.deep.equal({ value: 0.125 });
    const samplesInput = root(el).querySelector('input[name="samples:db-pool-usage"]') as HTMLInputElement;
    samplesInput.focus();
    samplesInput.select();
    await sendKeys({ type: '3' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.monitor.engine.preferences.get().rules['db-pool-usage']).to.deep.equal({ value: 0.125, samples: 3 });
    await accessible(el);
  });

  it('minimum severity: less severe alerts are hidden and counted', async () => {
    const sim = await startSim('production-like');
    savePreferences(sim.baseUrl, { rules: {}, sound: false, minSeverity: 'critical' });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => activeRules(el).includes('health-degraded'), 'degraded alert (kept)', TIMEOUT);
    await el.updateComplete;
    expect(shownRules(el)).to.deep.equal([]);
    expect(text(el)).to.contain('1 less severe alert is hidden by the preferences');
    expect(root(el).querySelector('[aria-live=polite]')!.textContent, 'not announced').to.equal('');
  });

  it('outage: plain-words error, then the critical "backend not answering" alert with a retry; recovers', async () => {
    const sim = await startSim('outage');
    savePreferences(sim.baseUrl, { rules: { 'backend-unreachable': { value: 1 } }, sound: false, minSeverity: 'info', notifications: false });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => alertRow(el, 'backend-unreachable'), 'unreachable alert', TIMEOUT);
    const row = alertRow(el, 'backend-unreachable')!;
    expect(row.dataset.severity).to.equal('critical');
    expect(text(row)).to.contain('1 attempt or more in a row');
    expect(text(row)).to.match(/HTTP 502/);
    await accessible(el);
    await sim.scenario('production-like');
    (row.querySelector('[part=retry]') as HTMLButtonElement).click();
    await waitUntil(() => !alertRow(el, 'backend-unreachable'), 'resolved after retry', TIMEOUT);
    expect(el.monitor.engine.history.get().map((a) => a.ruleId)).to.include('backend-unreachable');
  });

  it('compact: counts by severity on a button that expands the list; Escape closes it', async () => {
    const sim = await startSim('production-like');
    const el = await mount(sim.baseUrl, true);
    const summary = () => parts(el, 'summary')[0] as HTMLButtonElement;
    await waitUntil(() => text(summary()).includes('1 warning'), 'counts', TIMEOUT);
    expect(summary().getAttribute('aria-expanded')).to.equal('false');
    expect(parts(el, 'panel')[0]!.hidden).to.equal(true);
    summary().focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(summary().getAttribute('aria-expanded')).to.equal('true');
    expect(shownRules(el)).to.include('health-degraded');
    await accessible(el);
    (alertRow(el, 'health-degraded')!.querySelector('[part=acknowledge]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(root(el).activeElement).to.equal(summary());
  });

  it('two views of one backend share alerts, and each alert is announced and fired once', async () => {
    const sim = await startSim('production-like');
    const record = recordAlerts(sim.baseUrl);
    const source = await inSource(sim.baseUrl, html`<pharos-alerts compact></pharos-alerts><pharos-alerts></pharos-alerts>`);
    const [compact, full] = [...source.querySelectorAll('pharos-alerts')] as PharosAlerts[];
    // Every text each view's polite region shows: a later alert (the edge worker's, say)
    // replaces the announcement, so the region's text at the end is not enough.
    const said = new Map<PharosAlerts, string[]>();
    for (const el of [compact!, full!]) {
      const region = root(el).querySelector('[aria-live=polite]')!;
      const texts = [region.textContent ?? ''];
      said.set(el, texts);
      new MutationObserver(() => texts.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    }
    await waitUntil(() => alertRow(full!, 'health-degraded'), 'full list', TIMEOUT);
    await compact!.updateComplete;
    expect(text(parts(compact!, 'summary')[0]!)).to.contain('1 warning');
    await samples(full!, 3);
    record.stop();
    expect(record.events.filter((e) => e.detail.ruleId === 'health-degraded')).to.have.length(1);
    const announcements = [...said.values()].map((texts) => texts.filter((t) => t.includes('System degraded')).length);
    expect(announcements.sort()).to.deep.equal([0, 1]);
  });

  it('renders alone with only a base-url', async () => {
    const sim = await startSim('production-like');
    const el = await fixture<PharosAlerts>(html`<pharos-alerts base-url=${sim.baseUrl}></pharos-alerts>`);
    await waitUntil(() => alertRow(el, 'health-degraded'), 'degraded alert', TIMEOUT);
    expect(text(el)).to.contain('Alerts');
    expect(text(alertRow(el, 'health-degraded')!)).to.contain('Redis unavailable');
  });

  it('ignores corrupt saved alerts with a warning', async () => {
    const sim = await startSim('production-like');
    localStorage.setItem(alertStorageKey(sim.baseUrl), '{"version":1,"history":[{"id":');
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const el = await mount(sim.baseUrl);
      await waitUntil(() => alertRow(el, 'health-degraded'), 'works with defaults', TIMEOUT);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => String(w[0]).includes('corrupt saved alerts'))).to.equal(true);
  });

  it('renders backend text as text, never as HTML', async () => {
    const sim = await startSim('healthy');
    const body = {
      status: 'degraded',
      message: '<img src=x onerror="window.__pwned=1">',
      timestamp: '2026-11-22T10:23:18.949106',
      components: { database: { status: 'healthy', message: 'ok' } },
      modules: { graph: { status: 'unhealthy', message: '<b>bold</b>' } },
      error: null,
    };
    await sim.fault({ path: '/api/monitoring/health', kind: 'status', status: 200, body });
    const el = await mount(sim.baseUrl);
    await waitUntil(() => alertRow(el, 'module-down'), 'module alert', TIMEOUT);
    expect(root(el).querySelector('img, b')).to.equal(null);
    expect(text(el)).to.contain('<b>bold</b>');
  });

  it("speaks the page's language: labels, what is wrong, severities and events in German", async () => {
    const sim = await startSim('incident');
    const record = recordAlerts(sim.baseUrl);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="de"><pharos-source base-url=${sim.baseUrl} interval="1" poll-when-hidden><pharos-alerts></pharos-alerts></pharos-source></div>`,
    );
    const el = wrapper.querySelector('pharos-alerts') as PharosAlerts;
    await waitUntil(() => ['db-pool-usage', 'module-down'].every((r) => shownRules(el).includes(r)) && text(el).includes('Alarme'), 'German alerts', TIMEOUT);
    record.stop();
    const pool = alertRow(el, 'db-pool-usage')!;
    expect(text(pool.querySelector('[part=label]')!)).to.equal('Verbindungspool fast voll');
    expect(text(pool.querySelector('[part=message]')!)).to.match(/^Auslastung des Verbindungspools beträgt \d+(,\d)?\s%.+auf oder über dem Grenzwert von 75\s%\.$/);
    expect(pool.querySelector('[part=severity]')!.textContent).to.contain('Warnung');
    expect(text(alertRow(el, 'module-down')!)).to.contain('Modul graph ist fehlerhaft: Vector store unreachable');
    expect(text(el)).to.not.match(/Connection pool|Acknowledge|Since /);
    const event = record.events.find((e) => e.detail.ruleId === 'module-down')!;
    expect(event.detail.message, 'events speak the element’s language').to.match(/^Modul graph ist fehlerhaft: Vector store unreachable/);
    expect(event.detail.label, 'the label in the element’s language too').to.equal('Modul ausgefallen');
    expect(event.detail.ruleId).to.equal('module-down');
  });

  it('shows history saved by an earlier version (a finished English message) as it was written', async () => {
    const sim = await startSim('healthy');
    await pinJobs(sim);
    const since = Date.now() - 3_600_000;
    // Written out as an earlier version saved it: no detail, the message in English.
    localStorage.setItem(
      alertStorageKey(sim.baseUrl),
      `{"version":1,"history":[{"id":"db-pool-usage@${since}.1","ruleId":"db-pool-usage","label":"Connection pool nearly full","severity":"warning",` +
        `"state":"resolved","since":${since},"value":0.92,"message":"Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row.",` +
        `"acknowledgedAt":null,"resolvedAt":${since + 600_000}}]}`,
    );
    const el = await mount(sim.baseUrl);
    el.tab = 'history';
    await el.updateComplete;
    const item = parts(el, 'history-item')[0]!;
    expect(text(item.querySelector('[part=label]')!)).to.equal('Connection pool nearly full');
    expect(text(item.querySelector('[part=message]')!)).to.equal('Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row.');
    const csv = (await el.historyFile('csv')).text;
    expect(csv).to.contain(',"Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row.",');
  });

  it('links to the other tabs only while connected: the last view to go closes the channel', async () => {
    const sim = await startSim('healthy');
    const el = await mount(sim.baseUrl);
    const monitor = el.monitor;
    expect(monitor.tabs?.channel).to.equal('broadcast');
    el.closest('pharos-source')!.remove();
    await el.updateComplete;
    // An open channel with a listener would keep the monitor and its source alive. Compared
    // as a boolean: @web/test-runner cannot report a failure whose actual value is a CrossTab
    // (the session never finishes), which made cb72e49 look like a frozen page.
    expect(monitor.tabs === null, 'the channel is closed').to.equal(true);
  });
});
