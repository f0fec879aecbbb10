import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ManualClock, ManualVisibility } from '../../../test/support/manual-clock.js';
import { startSim } from '../../../test/support/sim.js';
import { healthResource } from '../../store/resources/health.js';
import { PharosSource } from '../../store/source.js';
import { PharosSourceElement } from './source.js';
import '../health/health.js';
import './source.js';

describe('<pharos-source>', () => {
  it('provides its source to elements inside, which share it', async () => {
    const sim = await startSim('healthy');
    const source = await fixture<PharosSourceElement>(
      html`<pharos-source base-url=${sim.baseUrl}><pharos-health></pharos-health><div><pharos-health></pharos-health></div></pharos-source>`,
    );
    const [a, b] = [...source.querySelectorAll('pharos-health')];
    expect(a!.source).to.equal(source.source);
    expect(b!.source).to.equal(source.source);
    expect(source.source!.baseUrl).to.equal(sim.baseUrl);
  });

  it('reaches elements upgraded before the source element is defined', async () => {
    const sim = await startSim('healthy');
    const host = document.createElement('div');
    host.innerHTML = `<late-pharos-source base-url="${sim.baseUrl}"><pharos-health></pharos-health></late-pharos-source>`;
    document.body.append(host);
    const health = host.querySelector('pharos-health')!;
    await health.updateComplete;
    // Defined only now, after the child asked for a source and got none.
    customElements.define('late-pharos-source', class extends PharosSourceElement {});
    const late = host.firstElementChild as PharosSourceElement;
    await waitUntil(() => late.source && health.source === late.source, 'the child follows the late provider', { timeout: 5000 });
    host.remove();
  });

  it('uses properties set after connecting but before the first render (as React 18 wrappers do)', async () => {
    const sim = await startSim('healthy');
    const source = document.createElement('pharos-source');
    source.append(document.createElement('pharos-health'));
    document.body.append(source);
    const provider = () => 'a-token';
    source.baseUrl = sim.baseUrl;
    source.tokenProvider = provider;
    await source.updateComplete;
    const health = source.querySelector('pharos-health')!;
    await waitUntil(() => health.source === source.source, 'the child follows', { timeout: 5000 });
    expect(source.source!.baseUrl).to.equal(sim.baseUrl);
    expect(source.source!.config.token).to.equal(provider);
    source.remove();
  });

  it('keeps a source given before it connects, until a connection property changes', async () => {
    const sim = await startSim('healthy');
    const given = new PharosSource({ baseUrl: sim.baseUrl, intervalMs: 5000 });
    const el = document.createElement('pharos-source');
    el.source = given;
    el.append(document.createElement('pharos-health'));
    document.body.append(el);
    await el.updateComplete;
    const health = el.querySelector('pharos-health')!;
    await waitUntil(() => health.shadowRoot?.textContent?.includes('Healthy'), 'the child shows data from the given source', { timeout: 10000 });
    expect(el.source, 'not replaced by one made from the attributes').to.equal(given);
    el.baseUrl = `${sim.baseUrl}/`;
    await el.updateComplete;
    expect(el.source).not.to.equal(given);
    el.remove();
  });

  it('replaces the source when the base URL changes, and children follow', async () => {
    const [one, two] = [await startSim('healthy'), await startSim('production-like')];
    const source = await fixture<PharosSourceElement>(html`<pharos-source base-url=${one.baseUrl}><pharos-health></pharos-health></pharos-source>`);
    const health = source.querySelector('pharos-health')!;
    const first = source.source;
    source.baseUrl = two.baseUrl;
    await source.updateComplete;
    expect(source.source).to.not.equal(first);
    await waitUntil(() => health.source === source.source, 'child follows', { timeout: 5000 });
    await waitUntil(() => health.shadowRoot!.textContent!.includes('Degraded'), 'shows the new backend', { timeout: 10_000 });
  });

  it('sets the time range from its attribute and applies theme to its subtree', async () => {
    const source = await fixture<PharosSourceElement>(html`<pharos-source time-range="7d" theme="dark"></pharos-source>`);
    expect(source.source!.timeRange.get()).to.equal('7d');
    expect(getComputedStyle(source).getPropertyValue('--pharos-color-scheme').trim()).to.equal('dark');
  });
  describe('moved to another parent', () => {
    const interval = 30_000;

    /** A `<pharos-source>` in `left` with a source on a manual clock, after two polls of health. */
    async function polledTwice() {
      const sim = await startSim('healthy');
      const clock = new ManualClock();
      const given = new PharosSource({ baseUrl: sim.baseUrl, clock, visibility: new ManualVisibility(), intervalMs: interval, share: false, spreadPolls: false });
      const [left, right] = [document.createElement('div'), document.createElement('div')];
      document.body.append(left, right);
      const el = document.createElement('pharos-source');
      el.source = given;
      el.append(document.createElement('pharos-health'));
      left.append(el);
      await el.updateComplete;
      const health = given.resource(healthResource);
      await clock.advance(0);
      await waitUntil(() => health.status.get() === 'ok', 'first poll answered', { timeout: 10_000 });
      await clock.advance(interval);
      await waitUntil(() => health.history.length === 2, 'second poll answered', { timeout: 10_000 });
      const served = async () => (await sim.requests()).total;
      const cleanup = () => {
        el.remove();
        left.remove();
        right.remove();
      };
      return { sim, clock, given, el, left, right, health, served, cleanup };
    }

    /** True when `source` still runs: a new subscriber to health gets a timer (a disposed resource never schedules). */
    function stillRuns(source: PharosSource, clock: ManualClock): boolean {
      const before = clock.pending;
      const unsubscribe = source.resource(healthResource).subscribe();
      const scheduled = clock.pending > before;
      unsubscribe();
      return scheduled;
    }

    it('keeps its source, history and timers, with no extra requests', async () => {
      const { clock, given, el, right, health, served, cleanup } = await polledTwice();
      const dueAt = health.nextRefreshAt.get();
      const before = await served();

      right.append(el); // one move: disconnected and connected again in the same task
      await el.updateComplete;
      await clock.advance(0);
      expect(el.source, 'the same source').to.equal(given);
      expect(el.querySelector('pharos-health')!.source).to.equal(given);
      expect(health.history.length, 'history kept').to.equal(2);
      expect(health.nextRefreshAt.get(), 'the next poll where it was').to.equal(dueAt);
      expect(await served(), 'nothing polled again').to.equal(before);

      await clock.advance(interval);
      await waitUntil(() => health.history.length === 3, 'the next poll answered', { timeout: 10_000 });
      expect(await served(), 'one poll at its time').to.equal(before + 1);
      cleanup();
    });

    it('disposes of a source left disconnected: no timers, nothing polled', async () => {
      const { clock, given, el, served, cleanup } = await polledTwice();
      const before = await served();
      el.remove();
      await Promise.resolve();
      expect(el.source).to.equal(undefined);
      expect(clock.pending, 'no timer left').to.equal(0);
      expect(stillRuns(given, clock), 'disposed').to.equal(false);
      await clock.advance(interval * 3);
      expect(await served()).to.equal(before);
      cleanup();
    });

    it('disposes of it when it leaves again after a move', async () => {
      const { clock, given, el, left, right, cleanup } = await polledTwice();
      right.append(el);
      el.remove();
      left.append(el);
      el.remove();
      await Promise.resolve();
      expect(el.source).to.equal(undefined);
      expect(stillRuns(given, clock)).to.equal(false);
      cleanup();
    });

    it('keeps a source it made itself, and disposes of it once removed', async () => {
      const sim = await startSim('healthy');
      const el = await fixture<PharosSourceElement>(html`<pharos-source base-url=${sim.baseUrl}><pharos-health></pharos-health></pharos-source>`);
      const made = el.source!;
      const health = el.querySelector('pharos-health')!;
      await waitUntil(() => made.resource(healthResource).history.length === 1, 'first poll answered', { timeout: 10_000 });
      const other = document.createElement('section');
      document.body.append(other);
      other.append(el);
      await el.updateComplete;
      await Promise.resolve();
      expect(el.source).to.equal(made);
      expect(health.source).to.equal(made);
      expect(made.resource(healthResource).history.length, 'history kept').to.equal(1);
      el.remove();
      await Promise.resolve();
      expect(el.source).to.equal(undefined);
      other.remove();
    });

    it('makes a new source when a connection property changed while it was away', async () => {
      const { sim, given, el, right, cleanup } = await polledTwice();
      el.remove();
      el.baseUrl = `${sim.baseUrl}/`;
      right.append(el);
      await el.updateComplete;
      expect(el.source).not.to.equal(given);
      expect(el.source!.baseUrl).to.equal(`${sim.baseUrl}/`);
      await waitUntil(() => el.querySelector('pharos-health')!.source === el.source, 'the child follows', { timeout: 5000 });
      cleanup();
    });
  });
});
