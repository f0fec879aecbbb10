import { PharosCache } from './cache.component.js';

export { PharosCache };
PharosCache.define('pharos-cache');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-cache': PharosCache;
  }
}
