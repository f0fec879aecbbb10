import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { completeWith, OnDemand } from './on-demand.js';

/** What the host loads: fails as often as `failures` says, then arrives. */
const loader = { failures: 0, calls: 0 };
const load = async (): Promise<{ word: string }> => {
  loader.calls++;
  if (loader.failures > 0) {
    loader.failures--;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return { word: 'arrived' };
};

class OnDemandHost extends LitElement {
  readonly lazy = new OnDemand(this, load);
  protected override getUpdateComplete(): Promise<boolean> {
    return completeWith(() => super.getUpdateComplete(), this.lazy);
  }
  override render() {
    return html`<section aria-label="Part">${this.lazy.render('en', (m) => html`<p id="loaded">${m.word}</p>`)}</section>`;
  }
}
customElements.define('pharos-on-demand-host', OnDemandHost);

/** Runs `fn` with console.warn captured. */
async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    return { value: await fn(), warnings };
  } finally {
    console.warn = original;
  }
}

describe('OnDemand (code loaded on first use)', () => {
  beforeEach(() => Object.assign(loader, { failures: 0, calls: 0 }));

  it('renders nothing while loading, then what the module renders, loading it once', async () => {
    const el = await fixture<OnDemandHost>(html`<pharos-on-demand-host></pharos-on-demand-host>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#loaded')!.textContent).to.equal('arrived');
    el.requestUpdate();
    await el.updateComplete;
    expect(loader.calls).to.equal(1);
  });

  it('says in plain words when the code could not be loaded, and its button loads it again', async () => {
    loader.failures = 1;
    const { value: el, warnings } = await quietly(async () => {
      const host = await fixture<OnDemandHost>(html`<pharos-on-demand-host></pharos-on-demand-host>`);
      await host.updateComplete;
      return host;
    });
    expect(warnings.join('\n')).to.contain('<pharos-on-demand-host>: code it loads on demand could not be loaded');
    const notice = el.shadowRoot!.querySelector('[part=load-error]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent!.replace(/\s+/g, ' ')).to.contain('This part could not be loaded. Check the connection, then try again or reload the page.');
    expect(el.shadowRoot!.querySelector('#loaded')).to.equal(null);
    await expect(el).to.be.accessible();

    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-load]')!;
    expect(retry.textContent!.trim()).to.equal('Retry now');
    retry.click();
    await el.updateComplete;
    expect(loader.calls).to.equal(2);
    expect(el.shadowRoot!.querySelector('#loaded')!.textContent).to.equal('arrived');
    expect(el.shadowRoot!.querySelector('[part=load-error]')).to.equal(null);
  });
});
