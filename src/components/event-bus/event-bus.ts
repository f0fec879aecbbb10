import { PharosEventBus } from './event-bus.component.js';

export { PharosEventBus };
PharosEventBus.define('pharos-event-bus');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-event-bus': PharosEventBus;
  }
}
