/**
 * Loaded in a same-origin iframe by the cross-tab tests: a separate document (its own
 * module instances, its own lock holder, its own BroadcastChannel objects) that the test
 * drives through `window.pharos`.
 */
import * as store from '../../src/store/index.js';
import { IndexedDbHistory } from '../../src/history/persistence.js';

Object.assign(window, { pharos: { ...store, IndexedDbHistory }, pharosReady: true });
