import * as vnLunar from '@dqcai/vn-lunar';

/**
 * The Vietnamese lunar calendar (UTC+7, which differs from the Chinese one in some years, e.g. Tết 2030 falls on
 * 2 February in Việt Nam), through @dqcai/vn-lunar (Hồ Ngọc Đức's tables, years 1200–2199). Its bundled types do not
 * resolve under NodeNext, so the functions used are typed here.
 */
interface VnLunar {
  getSolarDate(day: number, month: number, year: number, leap?: boolean): { day: number; month: number; year: number };
  getLunarDate(day: number, month: number, year: number): { day: number; month: number; year: number; leap: boolean };
}

const lunar = vnLunar as unknown as VnLunar;

/** The civil date (YYYY-MM-DD) of a day of the Vietnamese lunar calendar; throws for a day that does not exist. */
export function lunarToCivil(year: number, month: number, day: number): string {
  const s = lunar.getSolarDate(day, month, year, false);
  const back = lunar.getLunarDate(s.day, s.month, s.year);
  if (s.year === 0 || back.year !== year || back.month !== month || back.day !== day || back.leap) {
    throw new RangeError(`no lunar day ${day}/${month}/${year}`);
  }
  return `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
}
