import { PharosSourceElement } from './source.component.js';

export { PharosSourceElement };
if (!customElements.get('pharos-source')) customElements.define('pharos-source', PharosSourceElement);

declare global {
  interface HTMLElementTagNameMap {
    'pharos-source': PharosSourceElement;
  }
}
