/**
 * What an on-call person lives with: acknowledge with a comment, silences that expire on
 * the (injected) clock, history export, desktop notifications on a hidden page, and one
 * voice for two pages of one browser (the test page and a same-origin frame: separate
 * documents sharing BroadcastChannel, Web Locks and localStorage, as tabs do).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HistoryEntry } from '../../alerts/types.js';
import { ManualClock, settle } from '../../../test/support/manual-clock.js';
import { mountAlerts, recordBeeps, recordNotifications } from '../../../test/support/alerts-page.js';
import { accessible, pinJobs } from '../../../test/support/alert-checks.js';
import { startSim, type SimHandle } from '../../../test/support/sim.js';
import type { PharosAlerts } from './alerts.component.js';
import { describeAlert } from './alert-text.js';

const TIMEOUT = { timeout: 15_000 };
const root = (el: Element) => el.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const text = (el: Element | null) => (el ? ((el as Element).shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim() : '');
const row = (el: PharosAlerts, rule: string) => root(el).querySelector<HTMLElement>(`[part~=alert][data-rule="${rule}"]`);
const button = (el: PharosAlerts, rule: string, name: string) => row(el, rule)?.querySelector<HTMLButtonElement>(`[part=${name}]`) ?? null;
const dialog = (el: PharosAlerts) => root(el).querySelector('dialog')!;
const active = (el: Element) => (root(el).activeElement as HTMLElement | null) ?? null;
/** Waits until `target()` has focus (the dialog's close event, which gives it back, comes in a later task). */
const focused = (el: Element, target: () => Element | null, what: string) => waitUntil(() => target() !== null && active(el) === target(), `focus on ${what}`, TIMEOUT);

/** Polls until `predicate` holds (the pool rule needs two samples at or above its limit in a row). */
async function pollUntil(el: PharosAlerts, predicate: () => unknown, what: string) {
  for (let i = 0; i < 20 && !predicate(); i++) await poll(el);
  await waitUntil(predicate, what, TIMEOUT);
}

/** Refreshes every watched resource and lets the monitor and the voice decide. */
async function poll(el: PharosAlerts) {
  await el.refresh();
  await settle(30);
  await el.updateComplete;
}

/** One page alone, on a backend in an incident, once the degraded-health and pool alerts are up. */
async function withIncidentAlerts() {
  const sim = await startSim('incident');
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const { el } = await mountAlerts(container, { baseUrl: sim.baseUrl, autoRefresh: false, crossTab: false });
  await waitUntil(() => row(el, 'health-degraded'), 'first sample', TIMEOUT);
  await pollUntil(el, () => row(el, 'db-pool-usage'), 'pool alert');
  return { sim, el };
}

/**
 * The backend turns healthy, so the degraded-health alert resolves, then degraded again,
 * a minute each on `clock`; ends after the poll that may fire it anew.
 */
async function resolveThenDegrade(el: PharosAlerts, sim: SimHandle, clock: ManualClock) {
  await sim.scenario('healthy');
  await pinJobs(sim);
  await clock.advance(60_000);
  await poll(el);
  await waitUntil(() => !row(el, 'health-degraded'), 'resolved', TIMEOUT);
  await sim.scenario('production-like');
  await pinJobs(sim);
  await clock.advance(60_000);
  await poll(el);
}

async function typeInto(field: HTMLTextAreaElement | HTMLInputElement, value: string) {
  // Entered as the browser does after keystrokes (value, then an input event) rather than
  // through the driver: WebKitWebDriver drops characters of typed text, spaces among them,
  // and delivers some after its command returns. Keys that act (Enter, Escape, Tab) are
  // still pressed for real.
  field.focus();
  field.value += value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
}

describe('<pharos-alerts> on call', function () {
  // Several real polls per test on a shared 2-core machine.
  this.timeout(60_000);
  let restore: (() => void)[] = [];
  afterEach(() => {
    for (const r of restore) r();
    restore = [];
  });

  it('acknowledges from the keyboard, with and without a comment, shown on the alert and in the history; focus returns', async () => {
    const { sim, el } = await withIncidentAlerts();

    // With a comment.
    const ack = button(el, 'db-pool-usage', 'acknowledge')!;
    expect(ack.getAttribute('aria-haspopup')).to.equal('dialog');
    ack.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(text(dialog(el))).to.contain('Acknowledge: Connection pool nearly full');
    const comment = root(el).querySelector<HTMLTextAreaElement>('#ack-comment')!;
    await focused(el, () => comment, 'the comment');
    await accessible(el);
    await typeInto(comment, 'checking the pool');
    await sendKeys({ press: 'Tab' });
    await focused(el, () => part(el, 'dialog-confirm'), 'the confirm button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog(el).open && row(el, 'db-pool-usage')!.dataset.state === 'acknowledged', 'acknowledged', TIMEOUT);
    await focused(el, () => button(el, 'db-pool-usage', 'acknowledge'), 'the acknowledge button again');
    expect(text(row(el, 'db-pool-usage')!.querySelector('[part=acknowledged]'))).to.match(/^Acknowledged \d{1,2}:\d{2}( [AP]M)? — checking the pool$/);

    // Without: Escape cancels first, then an empty comment acknowledges.
    button(el, 'health-degraded', 'acknowledge')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'closed', TIMEOUT);
    await focused(el, () => button(el, 'health-degraded', 'acknowledge'), 'the acknowledge button after Escape');
    expect(row(el, 'health-degraded')!.dataset.state).to.equal('firing');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'dialog-confirm')!.click();
    await waitUntil(() => row(el, 'health-degraded')!.dataset.state === 'acknowledged', 'acknowledged', TIMEOUT);
    expect(text(row(el, 'health-degraded')!.querySelector('[part=acknowledged]'))).to.match(/^Acknowledged \d{1,2}:\d{2}( [AP]M)?$/);

    // Both show in the history once they resolve.
    await sim.scenario('healthy');
    await pinJobs(sim);
    await poll(el);
    await waitUntil(() => el.monitor.engine.active.get().length === 0, 'resolved', TIMEOUT);
    el.tab = 'history';
    await el.updateComplete;
    const pool = root(el).querySelector('[part~=history-item][data-rule="db-pool-usage"]')!;
    expect(text(pool)).to.match(/Acknowledged \d{1,2}:\d{2}( [AP]M)? — checking the pool/);
    await accessible(el);
  });

  it('a silence needs a reason (kept through a failed submit), mutes sound, notification and announcement, and expires on the clock', async () => {
    const sim = await startSim('production-like');
    await pinJobs(sim);
    const clock = new ManualClock(Date.now());
    const notes = recordNotifications('granted');
    const sound = recordBeeps();
    restore.push(notes.restore, sound.restore);
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const { el } = await mountAlerts(container, { baseUrl: sim.baseUrl, clock, hidden: true, autoRefresh: false, crossTab: false, preferences: { sound: true, notifications: true } });
    await clock.advance(0); // the first load
    await waitUntil(() => notes.calls.length === 1 && row(el, 'health-degraded'), 'the first alert speaks', TIMEOUT);
    expect(sound.beeps).to.deep.equal(['warning']);

    // Open the silence dialog from the keyboard; an empty reason is refused.
    const silenceButton = button(el, 'health-degraded', 'silence')!;
    silenceButton.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    const reason = root(el).querySelector<HTMLTextAreaElement>('#silence-reason')!;
    await focused(el, () => reason, 'the reason');
    root(el).querySelector<HTMLInputElement>('input[name=silence-scope][value=rule]')!.click();
    const duration = root(el).querySelector<HTMLSelectElement>('#silence-duration')!;
    duration.value = '15m';
    duration.dispatchEvent(new Event('change'));
    await typeInto(reason, '   ');
    part<HTMLButtonElement>(el, 'dialog-confirm')!.click();
    await el.updateComplete;
    expect(dialog(el).open, 'stays open').to.equal(true);
    expect(text(part(el, 'field-error'))).to.contain('Give a reason');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    await accessible(el);
    await typeInto(root(el).querySelector<HTMLTextAreaElement>('#silence-reason')!, 'deploying the fix');
    expect(root(el).querySelector<HTMLTextAreaElement>('#silence-reason')!.value, 'typed text kept').to.equal('   deploying the fix');
    part<HTMLButtonElement>(el, 'dialog-confirm')!.click();
    await waitUntil(() => !dialog(el).open, 'closed', TIMEOUT);
    await settle();
    await el.updateComplete;
    expect(text(row(el, 'health-degraded')!.querySelector('[part=silenced]'))).to.match(/Silenced \(every alert of this rule\) for 15 min more \(until .+\): deploying the fix/);
    await focused(el, () => button(el, 'health-degraded', 'lift'), 'the lift button that replaced it');

    // It resolves and fires again while silenced: evaluated and shown, but silent.
    const live = () => text(root(el).querySelector('[aria-live=polite]'));
    const before = live();
    await resolveThenDegrade(el, sim, clock);
    await waitUntil(() => row(el, 'health-degraded'), 'fires again', TIMEOUT);
    await settle(50);
    await el.updateComplete;
    expect(row(el, 'health-degraded')!.dataset.silenced).to.equal('');
    expect(notes.calls, 'no notification while silenced').to.have.length(1);
    expect(sound.beeps, 'no sound while silenced').to.have.length(1);
    expect(live(), 'no new announcement').to.equal(before);

    // 13 more minutes: the silence ends by itself, into the history.
    await clock.advance(13 * 60_000);
    await el.updateComplete;
    expect(el.monitor.engine.silences.get()).to.deep.equal([]);
    expect(row(el, 'health-degraded')!.dataset.silenced).to.equal(undefined);
    const record = el.monitor.engine.history.get().find((e: HistoryEntry) => e.kind === 'silence');
    expect(record).to.include({ reason: 'deploying the fix', ended: 'expired', scope: 'rule' });

    // The next occurrence speaks again.
    await resolveThenDegrade(el, sim, clock);
    await waitUntil(() => notes.calls.length === 2, 'speaks after the silence', TIMEOUT);
    expect(sound.beeps).to.deep.equal(['warning', 'warning']);

    el.tab = 'history';
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~=history-item][data-kind=silence]'))).to.match(/Silence: System degraded \(the rule\) deploying the fix Started .+ · ended on time/);
  });

  it('desktop notifications: asked for only when turned on; a new alert on a hidden page notifies with its words; a click focuses it', async () => {
    const sim = await startSim('healthy');
    await pinJobs(sim);
    const notes = recordNotifications('default');
    restore.push(notes.restore);
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const { el, visibility } = await mountAlerts(container, { baseUrl: sim.baseUrl, crossTab: false });
    await waitUntil(() => el.monitor.engine.checkedAt.get() !== null, 'checked', TIMEOUT);
    expect(notes.asked, 'not asked before the person turns it on').to.deep.equal([]);

    el.tab = 'preferences';
    await el.updateComplete;
    const box = root(el).querySelector<HTMLInputElement>('input[name=notifications]')!;
    // Refused: stays off, says why.
    notes.ctor.permission = 'denied';
    box.focus();
    await sendKeys({ press: ' ' }); // Firefox's driver knows no key named "Space"
    await waitUntil(() => text(part(el, 'field-error')).includes('blocks notifications'), 'refused', TIMEOUT);
    expect(notes.asked).to.deep.equal([]);
    expect(el.monitor.engine.preferences.get().notifications).to.equal(false);
    expect(box.checked).to.equal(false);
    await accessible(el);
    // Allowed when asked.
    notes.ctor.permission = 'default';
    const ask = notes.ctor.requestPermission;
    notes.ctor.requestPermission = async () => {
      notes.asked.push('asked');
      notes.ctor.permission = 'granted';
      return 'granted';
    };
    await sendKeys({ press: ' ' }); // Firefox's driver knows no key named "Space"
    await waitUntil(() => el.monitor.engine.preferences.get().notifications, 'on', TIMEOUT);
    notes.ctor.requestPermission = ask;
    expect(notes.asked).to.deep.equal(['asked']);

    // A visible page gets no notification; a hidden one does.
    el.tab = 'active';
    visibility.set(false);
    await sim.scenario('worker-offline');
    await pinJobs(sim);
    await waitUntil(() => notes.calls.length > 0, 'notified', TIMEOUT);
    // The worker first goes silent (a warning), before the backend forgets it (critical).
    const call = notes.calls[0]!;
    expect(call.title).to.equal('Warning alert: Edge worker silent');
    const alert = el.monitor.engine.active.get().find((a) => a.ruleId === 'worker-degraded')!;
    expect(call.options.body).to.equal(describeAlert('en', alert));
    expect(call.options.body).to.match(/The edge worker's last heartbeat was .+ ago \(limit .+\): new ingestions are refused\./);
    expect(call.options.tag).to.equal(`pharos-alert:${sim.baseUrl}:worker-degraded`);
    expect((call.options.data as { alertId: string }).alertId).to.equal(alert.id);

    (call.notification.onclick as (e: Event) => void)(new Event('click'));
    await focused(el, () => row(el, 'worker-degraded'), 'the notified alert');
    expect((call.notification as unknown as { closed: boolean }).closed).to.equal(true);
  });

  it('history: filters by severity and rule, exports CSV and JSON as downloads', async () => {
    const { sim, el } = await withIncidentAlerts();
    const pool = el.monitor.engine.active.get().find((a) => a.ruleId === 'db-pool-usage')!;
    el.acknowledge(pool.id, '=1+1 "urgent", pool');
    await sim.scenario('healthy');
    await pinJobs(sim);
    await poll(el);
    await waitUntil(() => el.monitor.engine.active.get().length === 0, 'resolved', TIMEOUT);
    el.tab = 'history';
    await el.updateComplete;
    const items = () => [...root(el).querySelectorAll<HTMLElement>('[part~=history-item]')].map((li) => li.dataset.rule);
    expect(items()).to.include.members(['db-pool-usage', 'health-degraded']);

    const severity = root(el).querySelector<HTMLSelectElement>('#history-severity')!;
    severity.value = 'critical';
    severity.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(items().every((r) => el.monitor.engine.rule(r!)!.severity === 'critical')).to.equal(true);
    severity.value = '';
    severity.dispatchEvent(new Event('change'));
    const rule = root(el).querySelector<HTMLSelectElement>('#history-rule')!;
    await el.updateComplete;
    rule.value = 'db-pool-usage';
    rule.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(items()).to.deep.equal(['db-pool-usage']);

    const csv = await el.historyFile('csv');
    expect(csv.name).to.match(/^pharos-alerts-\d{4}-\d\d-\d\d-\d\d-\d\d\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).to.have.length(2);
    expect(lines[0]).to.equal('type,id,rule,label,severity,started,ended,message,acknowledged,comment,silence_scope,silence_until,reason,ended_because');
    expect(lines[1]).to.contain(`alert,${pool.id},db-pool-usage,Connection pool nearly full,warning,${new Date(pool.since).toISOString()},`);
    expect(lines[1]).to.contain(`"'=1+1 ""urgent"", pool"`);
    const json = JSON.parse((await el.historyFile('json')).text);
    expect(json.baseUrl).to.equal(sim.baseUrl);
    expect(json.entries).to.have.length(1);
    expect(json.entries[0]).to.include({ type: 'alert', id: pool.id, ruleId: 'db-pool-usage', comment: '=1+1 "urgent", pool', state: 'resolved' });

    // The buttons download through a Blob URL.
    const downloads: { name: string; href: string; blob?: Blob }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href });
    };
    try {
      part<HTMLButtonElement>(el, 'export-csv')!.click();
      part<HTMLButtonElement>(el, 'export-json')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads.map((d) => d.name.split('.').pop())).to.deep.equal(['csv', 'json']);
    expect(downloads[0]!.href).to.match(/^blob:/);
    expect(await (await fetch(downloads[0]!.href)).text()).to.equal((await el.historyFile('csv')).text);
    await accessible(el);
  });
});
