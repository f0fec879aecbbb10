import { expect } from '@open-wc/testing';
import { AlertMonitor } from '../../alerts/monitor.js';
import { PharosSource } from '../../store/source.js';
import { expectedVerdicts, replayAlerts, type AlertSequence } from '../../../test/support/alert-replay.js';

// The same verdicts in both places: the elements' engine, as this browser runs it, raises
// and resolves exactly the alerts written out in test/fixtures/alert-sequence.json, at the
// same samples; relay/test/alerts-verdicts.test.js checks the relay's bundled engine in Node
// against the same expectations.
describe('alert verdicts: browser engine', () => {
  it('gives the written-out verdicts of the alert sequence', async () => {
    const response = await fetch(new URL('../../../test/fixtures/alert-sequence.json', import.meta.url));
    const sequence = (await response.json()) as AlertSequence;
    const verdicts = await replayAlerts({ PharosSource, AlertMonitor }, sequence);
    expect(verdicts).to.deep.equal(expectedVerdicts(sequence));
  });
});
