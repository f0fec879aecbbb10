import { PharosDatabase } from './database.component.js';

export { PharosDatabase };
PharosDatabase.define('pharos-database');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-database': PharosDatabase;
  }
}
