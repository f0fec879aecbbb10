import { createContext } from '@lit/context';
import type { PharosSource } from '../source.js';

/** Context through which `<pharos-source>` hands its source to the elements inside it. */
export const sourceContext = createContext<PharosSource | undefined>(Symbol.for('pharos-source'));
