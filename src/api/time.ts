const zoned = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a backend timestamp. The backend writes UTC without a zone
 * (`2026-11-22T10:23:18.949106`); reading that as local time would shift every age by the
 * viewer's offset, so a zone-less value is taken as UTC. Returns null for `""`, null or an
 * unparseable value.
 */
export function parseUtc(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const date = new Date(zoned.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Reads a Unix time in seconds (possibly fractional) as a Date, or null. */
export function fromUnixSeconds(value: unknown): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null;
}
