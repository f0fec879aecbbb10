import { expect, fixture, html } from '@open-wc/testing';
import type { PharosStatusBadge } from './status-badge.component.js';
import './status-badge.js';

const base = (el: PharosStatusBadge) => el.shadowRoot!.querySelector('[part=base]') as HTMLElement;

describe('<pharos-status-badge>', () => {
  for (const [status, tone, word, icon] of [
    ['healthy', 'ok', 'Healthy', '✓'],
    ['degraded', 'warn', 'Degraded', '!'],
    ['down', 'danger', 'Down', '✕'],
    ['unknown', 'unknown', 'Unknown', '?'],
    ['not-applicable', 'neutral', 'Not applicable', '–'],
  ] as const) {
    it(`${status}: icon, word and tone together, never colour alone`, async () => {
      const el = await fixture<PharosStatusBadge>(html`<pharos-status-badge status=${status}></pharos-status-badge>`);
      expect(base(el).dataset.tone).to.equal(tone);
      expect(el.shadowRoot!.querySelector('[part=icon]')!.textContent).to.equal(icon);
      expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal(word);
      expect(base(el).getAttribute('aria-label')).to.equal(word);
      await expect(el).to.be.accessible();
    });
  }

  it('maps backend words onto the five statuses', async () => {
    const cases = { unhealthy: 'down', not_applicable: 'not-applicable', online: 'healthy', failed: 'down', warning: 'degraded', 'what?': 'unknown' };
    for (const [word, expected] of Object.entries(cases)) {
      const el = await fixture<PharosStatusBadge>(html`<pharos-status-badge status=${word}></pharos-status-badge>`);
      expect(el.normalizedStatus, word).to.equal(expected);
    }
  });

  it('a custom label keeps the status in the accessible name', async () => {
    const el = await fixture<PharosStatusBadge>(html`<pharos-status-badge status="not_applicable" label="Removed from this deployment"></pharos-status-badge>`);
    expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('Removed from this deployment');
    expect(base(el).getAttribute('aria-label')).to.equal('Not applicable: Removed from this deployment');
  });
});
