import { PharosModuleGrid } from './module-grid.component.js';

export { PharosModuleGrid };
PharosModuleGrid.define('pharos-module-grid');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-module-grid': PharosModuleGrid;
  }
}
