import { expect, fixture, html } from '@open-wc/testing';
import { describeTrend } from './trend.component.js';
import './trend.js';

const spoken = (el: HTMLElement) => el.shadowRoot!.querySelector('.visually-hidden')!.textContent!.trim();
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector(`[part=${name}]`) as HTMLElement;

describe('<pharos-trend>', () => {
  it('says which way, by how much, and whether that is worse', async () => {
    const el = await fixture<HTMLElement>(html`<pharos-trend lang="en" change="0.12" good="down"></pharos-trend>`);
    expect(spoken(el)).to.equal('up 12% (worse)');
    expect(part(el, 'base').dataset.tone).to.equal('worse');
    expect(part(el, 'icon').textContent).to.equal('▲');
    expect(part(el, 'value').textContent).to.equal('+12%');
    await expect(el).to.be.accessible();
  });

  it('calls a fall better when higher is better is false, and better when up is good', async () => {
    const down = await fixture<HTMLElement>(html`<pharos-trend lang="en" change="-0.3" good="down"></pharos-trend>`);
    expect(spoken(down)).to.equal('down 30% (better)');
    expect(part(down, 'value').textContent).to.equal('−30%');
    const up = await fixture<HTMLElement>(html`<pharos-trend lang="en" change="0.05" good="up"></pharos-trend>`);
    expect(spoken(up)).to.equal('up 5% (better)');
    expect(part(up, 'base').dataset.tone).to.equal('better');
  });

  it('makes no judgement when neutral, and writes numbers and durations', async () => {
    const el = await fixture<HTMLElement>(html`<pharos-trend lang="en" change="42" format="number" unit="events"></pharos-trend>`);
    expect(spoken(el)).to.equal('up 42 events');
    expect(part(el, 'base').dataset.tone).to.equal('neutral');
    expect(describeTrend('en', { change: -250, format: 'ms', good: 'down' }).spoken).to.equal('down 250 ms (better)');
  });

  it('shows an explicit direction without an amount, flat, and nothing known', async () => {
    expect(describeTrend('en', { direction: 'up', good: 'up' }).spoken).to.equal('up (better)');
    expect(describeTrend('en', { change: 0, good: 'up' })).to.include({ direction: 'flat', tone: 'neutral', spoken: 'unchanged' });
    const el = await fixture<HTMLElement>(html`<pharos-trend></pharos-trend>`);
    expect(spoken(el)).to.equal('no trend yet');
    expect(part(el, 'value').textContent).to.equal('—');
    expect(el.shadowRoot!.textContent).not.to.match(/NaN|undefined/);
  });
});
