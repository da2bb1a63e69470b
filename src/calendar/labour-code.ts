import type { Holiday } from './holidays.js';
import { lunarToCivil } from './lunar.js';
import { addDays } from './working-time.js';

const SOURCE = 'Tính theo Bộ luật Lao động 2019, Điều 112, trên âm lịch Việt Nam (UTC+7)';

/**
 * The public holidays of a year by the Labour Code (2019, art. 112), for years whose announced list has not been
 * entered: 1/1; Tết — the last day of the lunar year and 1–4 of the first lunar month; Giỗ Tổ Hùng Vương (10/3 lunar);
 * 30/4; 1/5; 2/9 and an adjacent day (from 2021: the 3rd when the 2nd is a Thursday or the 1st is a weekend day,
 * else the 1st). A holiday on a Saturday or Sunday is made up on the next working day (nghỉ bù).
 * The government announces the actual days each year; those replace these when entered.
 */
export function labourCodeHolidays(year: number): Holiday[] {
  const tet = lunarToCivil(year, 1, 1);
  const days: [string, string, string][] = [
    [`${year}-01-01`, 'Tết Dương lịch', 'holiday'],
    [addDays(tet, -1), 'Tết Nguyên đán – Giao thừa (ngày cuối năm âm lịch)', 'tet'],
    ...[1, 2, 3, 4].map((n): [string, string, string] => [addDays(tet, n - 1), `Tết Nguyên đán – Mùng ${n}`, 'tet']),
    [lunarToCivil(year, 3, 10), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'holiday'],
    [`${year}-04-30`, 'Ngày Chiến thắng (30/4)', 'holiday'],
    [`${year}-05-01`, 'Ngày Quốc tế Lao động (1/5)', 'holiday'],
    [`${year}-09-02`, 'Quốc khánh (2/9)', 'holiday'],
  ];
  if (year >= 2021) days.push([nationalDayCompanion(year), 'Quốc khánh (ngày liền kề)', 'holiday']);
  days.sort(([a], [b]) => (a < b ? -1 : 1));

  const off = new Set(days.map(([date]) => date));
  const observed: [string, string, string][] = [];
  for (const [date, name] of days) {
    if (!isWeekend(date)) continue;
    let day = addDays(date, 1);
    while (isWeekend(day) || off.has(day)) day = addDays(day, 1);
    off.add(day);
    observed.push([day, `${name} – nghỉ bù`, 'observed']);
  }
  return [...days, ...observed]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, name, kind]) => ({ date, name, kind, workingDay: false, status: 'computed', source: SOURCE }));
}

function nationalDayCompanion(year: number): string {
  const second = `${year}-09-02`;
  const first = `${year}-09-01`;
  return weekday(second) === 4 || isWeekend(first) ? `${year}-09-03` : first;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}
