/** How long a silence lasts: the choices of `<pharos-alerts>`' silence dialog. */
export const SILENCE_DURATIONS: readonly { value: string; label: string; ms?: number }[] = [
  { value: '15m', label: '15 minutes', ms: 15 * 60_000 },
  { value: '1h', label: '1 hour', ms: 3_600_000 },
  { value: '4h', label: '4 hours', ms: 4 * 3_600_000 },
  { value: 'resolve', label: 'Until it resolves' },
  { value: 'custom', label: 'Until a chosen time' },
];
