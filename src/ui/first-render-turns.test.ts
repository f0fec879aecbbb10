import { expect } from '@open-wc/testing';
import { firstRenderTurns, holdTurns } from './first-render-turns.js';

/** Resolves after a task: what the turns' timers need to run. */
const aTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('first renders in turns', () => {
  it('renders at once when no turn runs, and in order', async () => {
    const order: string[] = [];
    await Promise.all([firstRenderTurns(() => order.push('a')), firstRenderTurns(() => order.push('b'))]);
    expect(order).to.deep.equal(['a', 'b']);
  });

  it('holds every first render until the hold settles, then renders them in order; a failed hold releases too', async () => {
    let release!: () => void;
    holdTurns(new Promise<void>((resolve) => (release = resolve)));
    const order: string[] = [];
    const renders = [firstRenderTurns(() => order.push('a')), firstRenderTurns(() => order.push('b'))];
    for (let i = 0; i < 5; i++) await aTask();
    expect(order, 'held').to.deep.equal([]);
    release();
    await Promise.all(renders);
    expect(order).to.deep.equal(['a', 'b']);

    let fail!: () => void;
    holdTurns(new Promise<void>((_, reject) => (fail = () => reject(new Error('no')))));
    const late = firstRenderTurns(() => order.push('c'));
    await aTask();
    expect(order).to.deep.equal(['a', 'b']);
    fail();
    await late;
    expect(order).to.deep.equal(['a', 'b', 'c']);
  });
});
