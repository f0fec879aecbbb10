import { translatable } from '../../i18n/translate.js';

/** How long a silence lasts: the choices of `<pharos-alerts>`' silence dialog (labels in English: shown with `t()`). */
export const SILENCE_DURATIONS: readonly { value: string; label: string; ms?: number }[] = [
  { value: '15m', label: translatable('15 minutes'), ms: 15 * 60_000 },
  { value: '1h', label: translatable('1 hour'), ms: 3_600_000 },
  { value: '4h', label: translatable('4 hours'), ms: 4 * 3_600_000 },
  { value: 'resolve', label: translatable('Until it resolves') },
  { value: 'custom', label: translatable('Until a chosen time') },
];
