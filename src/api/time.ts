// ISO 8601 as backends write it: a `T` or a space between date and time, any number of
// fractional digits, and an optional zone (`Z`, `+00:00`, `+0000`, `+00`).
const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads a backend timestamp. The backend writes UTC without a zone
 * (`2026-11-22T10:23:18.949106`); reading that as local time would shift every age by the
 * viewer's offset, so a zone-less value is taken as UTC. ISO forms are read field by field,
 * because engines disagree on what `Date.parse` accepts beyond the strict format (a space
 * before the time, microseconds, `+0000`); anything else goes to `Date.parse` as is.
 * Returns null for `""`, null or an unparseable value.
 */
export function parseUtc(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const m = iso.exec(text);
  if (!m) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 24 || minute! > 59 || second! > 60) return null;
  const utc = Date.UTC(year!, month! - 1, day!, hour, minute, second, ms);
  const date = new Date(utc - zoneOffsetMs(m[8]));
  // Date.UTC rolls 31 February over into March; such a date was never valid.
  return Number.isNaN(date.getTime()) || new Date(utc).getUTCDate() !== day ? null : date;
}

/** `+02:00` → 2 h in ms; `Z` or no zone (UTC) → 0. */
function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return (zone[0] === '-' ? -1 : 1) * minutes * 60_000;
}

/** Reads a Unix time in seconds (possibly fractional) as a Date, or null. */
export function fromUnixSeconds(value: unknown): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null;
}
