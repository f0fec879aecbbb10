import type { Severity } from '../../alerts/types.js';

/** Icon and word of each severity: the word carries the meaning, colour only reinforces it. */
export const SEVERITY_LOOK: Readonly<Record<Severity, { icon: string; label: string }>> = {
  critical: { icon: '‼', label: 'Critical' },
  warning: { icon: '!', label: 'Warning' },
  info: { icon: 'i', label: 'Info' },
};
