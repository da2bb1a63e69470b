import { DEFAULT_RULES } from './working-time.js';

/** A local day `2025-09-16` → `16/09/2025`, as people read and type it. */
export function vietnameseDate(day: string): string {
  return day.split('-').reverse().join('/');
}

/** `2018-11-19T02:00:00Z` → `19/11/2018 09:00`, Hà Nội time, the way Vietnamese forms write dates. */
export function vietnameseDateTime(iso: string, utcOffsetMinutes = DEFAULT_RULES.utcOffsetMinutes): string {
  const local = new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}
