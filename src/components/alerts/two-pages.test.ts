/**
 * Two pages of one browser: this test page and a same-origin frame (a separate document
 * with its own modules, sharing BroadcastChannel, Web Locks and localStorage, as tabs do).
 * Run once over BroadcastChannel and Web Locks, once over the storage event and
 * first-writer-wins: the behaviour must be the same.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CrossTabOptions } from '../../alerts/cross-tab.js';
import { mountAlerts, recordBeeps, recordNotifications } from '../../../test/support/alerts-page.js';
import { pinJobs } from '../../../test/support/alert-checks.js';
import { startSim } from '../../../test/support/sim.js';
import type { PharosAlerts } from './alerts.component.js';

const TIMEOUT = { timeout: 20_000 };
const row = (el: PharosAlerts, rule: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=alert][data-rule="${rule}"]`);

/** Opens the second page in a frame and waits until its alerts are mounted. */
async function secondPage(container: HTMLElement) {
  const frame = document.createElement('iframe');
  frame.title = 'Second tab';
  const ready = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = new URL('../../../test/support/alerts-page.html', import.meta.url).href;
  container.appendChild(frame);
  await ready;
  const win = frame.contentWindow!;
  await waitUntil(() => win.pharosPage, 'second page ready', TIMEOUT);
  return win;
}

for (const [name, crossTab] of [
  ['BroadcastChannel and Web Locks', { channel: 'broadcast', locks: true }],
  ['the storage event and first-writer-wins', { channel: 'storage', locks: false }],
] as [string, CrossTabOptions][]) {
  describe(`two pages of one browser, over ${name}`, function () {
    this.timeout(90_000);

    it('an acknowledgement in one shows in the other; a new alert beeps and notifies once', async () => {
      const sim = await startSim('healthy');
      await pinJobs(sim);
      const notes = recordNotifications('granted');
      const sound = recordBeeps();
      try {
        const container = await fixture<HTMLDivElement>(html`<div></div>`);
        const options = { baseUrl: sim.baseUrl, hidden: true, crossTab, preferences: { sound: true, notifications: true } };
        const { el } = await mountAlerts(container, options);
        const other = await secondPage(container);
        await other.pharosPage!.start(options);
        const otherEl = other.pharosPage!.el!;
        await waitUntil(() => el.monitor.engine.checkedAt.get() !== null && otherEl.monitor.engine.checkedAt.get() !== null, 'both checked', TIMEOUT);

        await sim.scenario('production-like');
        await pinJobs(sim);
        await waitUntil(() => row(el, 'health-degraded') && row(otherEl, 'health-degraded'), 'both pages see the alert', TIMEOUT);
        const mine = el.monitor.engine.active.get().find((a) => a.ruleId === 'health-degraded')!;
        const theirs = otherEl.monitor.engine.active.get().find((a) => a.ruleId === 'health-degraded')!;
        expect(theirs.id, 'one alert, one name').to.equal(mine.id);
        // Give both pages a few more polls: nobody speaks twice.
        const polls = el.monitor.resources[0]!.history.length + 3;
        await waitUntil(() => el.monitor.resources[0]!.history.length >= polls, 'more polls', TIMEOUT);
        const calls = [...notes.calls, ...other.pharosPage!.record.notifications].filter((c) => c.title === 'Warning alert: System degraded');
        expect(calls, 'notified once per browser').to.have.length(1);
        expect(sound.beeps.length + other.pharosPage!.record.beeps.length, 'one beep per browser').to.equal(1);
        const announced = [el, otherEl].filter((x) => x.shadowRoot!.querySelector('[aria-live=polite]')!.textContent!.includes('System degraded'));
        expect(announced, 'announced once per browser').to.have.length(1);

        // Acknowledged in the second page, shown in this one at once (no poll needed).
        expect(otherEl.acknowledge(theirs.id, 'checking the pool')).to.equal(true);
        await waitUntil(() => row(el, 'health-degraded')?.dataset.state === 'acknowledged', 'acknowledged here too', TIMEOUT);
        await el.updateComplete;
        expect(row(el, 'health-degraded')!.querySelector('[part=acknowledged]')!.textContent).to.contain('— checking the pool');

        // Preferences and silences travel too.
        el.monitor.engine.setPreferences({ ...el.monitor.engine.preferences.get(), minSeverity: 'warning' }, Date.now());
        await waitUntil(() => otherEl.monitor.engine.preferences.get().minSeverity === 'warning', 'preferences there', TIMEOUT);
        el.monitor.engine.silence({ scope: 'rule', alertId: mine.id, reason: 'deploying', until: Date.now() + 3_600_000 }, Date.now());
        await waitUntil(() => otherEl.monitor.engine.silences.get().length === 1, 'silence there', TIMEOUT);
      } finally {
        notes.restore();
        sound.restore();
      }
    });
  });
}
