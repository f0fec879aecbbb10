import { PharosMlModels } from './ml-models.component.js';

export { PharosMlModels };
PharosMlModels.define('pharos-ml-models');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-ml-models': PharosMlModels;
  }
}
