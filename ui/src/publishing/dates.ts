import { formatDate } from '../app/format';

const TYPED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date typed as `dd/mm/yyyy` as the API's `YYYY-MM-DD`; anything else unchanged, for the server to refuse. */
export function isoDate(typed: string): string {
  const found = TYPED.exec(typed.trim());
  return found ? `${found[3]}-${found[2]!.padStart(2, '0')}-${found[1]!.padStart(2, '0')}` : typed.trim();
}

/** A typed `dd/mm/yyyy` as the instant its day starts in Hà Nội; undefined when empty. */
export function startOfDayInHanoi(typed: string): string | undefined {
  if (!typed.trim()) return undefined;
  const date = new Date(`${isoDate(typed)}T00:00:00+07:00`);
  return Number.isNaN(date.getTime()) ? typed : date.toISOString();
}

/** An instant as its day in Hà Nội, `dd/mm/yyyy`; empty when absent. */
export function typedDateOf(instant: string | null): string {
  return instant ? formatDate(instant) : '';
}

/** Today in Hà Nội, `dd/mm/yyyy`. */
export function todayInHanoi(): string {
  return formatDate(new Date().toISOString());
}
