/** Times as old one-stop applications export them, read as Hà Nội time (UTC+7) unless they name their offset. */

const OFFSET = '+07:00';
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An exported time as an ISO instant (UTC), or null when it cannot be read. Accepted: ISO 8601 with `Z` or an offset;
 * `YYYY-MM-DD HH:mm[:ss]` and `DD/MM/YYYY HH:mm[:ss]` in Hà Nội time; a date alone is the start of that day, or its end
 * (`endOfDay`, for due and finish dates: a dossier due on 20/11 is on time all that day).
 */
export function legacyInstant(text: string, endOfDay = false): string | null {
  const dayFirst = DAY_FIRST.exec(text);
  const isoLocal = ISO_LOCAL.exec(text);
  const parts = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1], ...dayFirst.slice(4)]
    : isoLocal
      ? isoLocal.slice(1)
      : null;
  if (!parts)
    return /[zZ]$|[+-]\d{2}:?\d{2}$/.test(text) && /^\d{4}-\d{2}-\d{2}T/.test(text) ? valid(Date.parse(text)) : null;
  const [year, month, day, hour, minute, second] = parts as [string, string, string, string?, string?, string?];
  const time = hour === undefined ? (endOfDay ? '23:59:59' : '00:00:00') : `${pad(hour)}:${minute}:${second ?? '00'}`;
  const iso = `${year}-${pad(month)}-${pad(day)}T${time}${OFFSET}`;
  const ms = Date.parse(iso);
  // Date.parse rolls 31/02 over to March: the local calendar day must read back the same.
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10) === iso.slice(0, 10) ? valid(ms) : null;
}

const pad = (n: string) => n.padStart(2, '0');
const valid = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
