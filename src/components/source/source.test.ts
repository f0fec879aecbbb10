import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startSim } from '../../../test/support/sim.js';
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
});
