import { ContextRoot } from '@lit/context';
import { defineElement } from '../../ui/define.js';
import { PharosSourceElement } from './source.component.js';

export { PharosSourceElement };

// Elements upgraded before <pharos-source> is defined ask for their source too early; a
// context root holds those requests and replays them when the provider appears.
const rootKey = Symbol.for('pharos-context-root');
const page = globalThis as typeof globalThis & { [rootKey]?: ContextRoot };
if (!page[rootKey] && typeof document !== 'undefined') {
  page[rootKey] = new ContextRoot();
  page[rootKey].attach(document.documentElement);
}

defineElement('pharos-source', PharosSourceElement);

declare global {
  interface HTMLElementTagNameMap {
    'pharos-source': PharosSourceElement;
  }
}
