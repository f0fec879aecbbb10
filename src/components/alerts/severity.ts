import type { Severity } from '../../alerts/types.js';
import { translatable } from '../../i18n/translate.js';

/**
 * Icon and word of each severity: the word carries the meaning, colour only reinforces it.
 * The word is English: show it with `t(lang, look.label)`.
 */
export const SEVERITY_LOOK: Readonly<Record<Severity, { icon: string; label: string }>> = {
  critical: { icon: '‼', label: translatable('Critical') },
  warning: { icon: '!', label: translatable('Warning') },
  info: { icon: 'i', label: translatable('Info') },
};
