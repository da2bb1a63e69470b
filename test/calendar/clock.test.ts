import t from 'tap';
import { afterPause, clockStart, legalDue, timeliness } from '../../src/calendar/clock.js';
import { rulesWithHolidays, shippedHolidays } from '../../src/calendar/holidays.js';
import { labourCodeHolidays } from '../../src/calendar/labour-code.js';
import { lunarToCivil } from '../../src/calendar/lunar.js';
import { WorkingCalendar } from '../../src/calendar/working-time.js';

const calendar = new WorkingCalendar(rulesWithHolidays(shippedHolidays()));
const saturdays = calendar.withSaturdayMornings();
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const CUTOFF_15H = 15 * 60;

t.test(
  'the clock starts at receipt, at the next working time, or the next working day after the cut-off',
  async (t) => {
    t.equal(
      clockStart(calendar, at('2018-11-19T09:00:00'), CUTOFF_15H).toISOString(),
      iso('2018-11-19T09:00:00'),
      'in working time, before the cut-off',
    );
    t.equal(
      clockStart(calendar, at('2018-11-19T15:30:00'), CUTOFF_15H).toISOString(),
      iso('2018-11-20T08:00:00'),
      'after 15:00 → next working day',
    );
    t.equal(
      clockStart(calendar, at('2018-11-19T15:30:00'), null).toISOString(),
      iso('2018-11-19T15:30:00'),
      'no cut-off: at once',
    );
    t.equal(
      clockStart(calendar, at('2018-11-23T16:00:00'), CUTOFF_15H).toISOString(),
      iso('2018-11-26T08:00:00'),
      'Friday after the cut-off → Monday',
    );
    t.equal(
      clockStart(calendar, at('2018-11-19T12:30:00'), CUTOFF_15H).toISOString(),
      iso('2018-11-19T13:00:00'),
      'lunch → after lunch',
    );
    t.equal(
      clockStart(calendar, at('2018-11-24T10:00:00'), CUTOFF_15H).toISOString(),
      iso('2018-11-26T08:00:00'),
      'Saturday → Monday',
    );
  },
);

t.test('same-day procedures are due at the end of the day counting starts', async (t) => {
  const sameDay = { hours: 8, sameDay: true, cutoffMinutes: CUTOFF_15H };
  const due = (received: string) =>
    legalDue(calendar, clockStart(calendar, at(received), CUTOFF_15H), sameDay)!.toISOString();
  t.equal(due('2018-11-19T09:00:00'), iso('2018-11-19T17:00:00'));
  t.equal(due('2018-11-19T15:01:00'), iso('2018-11-20T17:00:00'), 'after the cut-off: the next working day');
  t.equal(
    due('2026-02-13T16:00:00'),
    iso('2026-02-23T17:00:00'),
    'Friday before Tết 2026, after the cut-off: the first day after Tết',
  );
  t.equal(
    legalDue(calendar, at('2018-11-19T09:00:00'), { hours: null, sameDay: false, cutoffMinutes: null }),
    null,
    'no limit, no due time',
  );
  t.equal(
    legalDue(calendar, at('2018-11-19T09:00:00'), { hours: 24, sameDay: false, cutoffMinutes: null })!.toISOString(),
    iso('2018-11-22T09:00:00'),
    'three working days',
  );
});

t.test('units that work on Saturday mornings count them', async (t) => {
  t.ok(saturdays.isWorkingDay('2018-11-24'), 'Saturday 24/11/2018 is worked at such a unit');
  t.notOk(calendar.isWorkingDay('2018-11-24'), 'and not elsewhere');
  t.equal(
    saturdays.addHours(at('2018-11-23T16:00:00'), 3).toISOString(),
    iso('2018-11-24T10:00:00'),
    'Friday 16:00 + 3 h → Saturday 10:00',
  );
  t.equal(
    saturdays.addHours(at('2018-11-23T16:00:00'), 6).toISOString(),
    iso('2018-11-26T09:00:00'),
    'Saturday afternoon is not worked',
  );
  t.equal(
    saturdays.between(at('2018-11-23T17:00:00'), at('2018-11-26T08:00:00')),
    240,
    'four hours on Saturday morning',
  );
  t.notOk(saturdays.isWorkingDay('2026-02-21'), 'a Saturday in the Tết break is not worked, even there');
  t.equal(
    clockStart(saturdays, at('2018-11-24T09:30:00'), CUTOFF_15H).toISOString(),
    iso('2018-11-24T09:30:00'),
    'received Saturday 09:30: counts at once',
  );
});

t.test('a pause moves the due time by its working time, and never brings it closer', async (t) => {
  const due = at('2026-02-12T17:00:00'); // Thursday before Tết 2026
  // Paused Wednesday 11/02 at 10:00 (supplementation), resumed Tuesday 24/02 at 10:00: Tết (16–20/02) is not working time.
  const moved = afterPause(calendar, due, at('2026-02-11T10:00:00'), at('2026-02-24T10:00:00'));
  const paused = calendar.between(at('2026-02-11T10:00:00'), at('2026-02-24T10:00:00'));
  t.equal(
    paused,
    6 * 60 + 8 * 60 + 8 * 60 + 8 * 60 + 2 * 60,
    'Wed 10–17 (6 h), Thu, Fri 13/02, Mon 23/02 (8 h each), Tue 8–10 (2 h)',
  );
  t.equal(moved.toISOString(), calendar.add(due, paused).toISOString());
  t.equal(
    moved.toISOString(),
    iso('2026-02-25T17:00:00'),
    'due Thursday 12/02 17:00 + 32 working hours → Wednesday 25/02 17:00',
  );

  let seed = 766;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 300; i++) {
    const start = new Date(Date.parse('2018-01-01T00:00:00Z') + Math.floor(random() * 9 * 365 * 86_400_000));
    const from = new Date(start.getTime() + Math.floor(random() * 30 * 86_400_000));
    const to = new Date(from.getTime() + Math.floor(random() * 30 * 86_400_000));
    const due0 = calendar.add(start, Math.floor(random() * 20 * 480));
    if (afterPause(calendar, due0, from, to) < due0)
      t.fail(`a pause from ${from.toISOString()} shortened ${due0.toISOString()}`);
  }
  t.pass('300 random pauses never shortened a due time');
});

t.test('early, on time, late', async (t) => {
  const due = at('2018-11-20T17:00:00');
  t.equal(timeliness(at('2018-11-19T16:00:00'), due), 'early', 'the day before');
  t.equal(timeliness(at('2018-11-20T08:30:00'), due), 'on-time', 'on the due day');
  t.equal(timeliness(at('2018-11-20T17:00:00'), due), 'on-time', 'at the due time');
  t.equal(timeliness(at('2018-11-20T17:01:00'), due), 'late');
});

t.test('holidays computed from the Labour Code on the Vietnamese lunar calendar', async (t) => {
  t.equal(lunarToCivil(2027, 1, 1), '2027-02-06', 'Tết Đinh Mùi');
  t.equal(lunarToCivil(2030, 1, 1), '2030-02-02', 'Tết 2030 in Việt Nam (China: 3 February)');
  t.equal(lunarToCivil(1985, 1, 1), '1985-01-21', 'Tết 1985 in Việt Nam (China: 20 February)');
  t.equal(lunarToCivil(2028, 3, 10), '2028-04-04', 'Giỗ Tổ Hùng Vương 2028');
  t.throws(() => lunarToCivil(2024, 12, 30), RangeError, 'a lunar day that does not exist');

  const y2028 = labourCodeHolidays(2028).map((h) => h.date);
  t.same(y2028, [
    '2028-01-01',
    '2028-01-03', // Saturday 1/1, made up on Monday
    '2028-01-25',
    '2028-01-26',
    '2028-01-27',
    '2028-01-28',
    '2028-01-29',
    '2028-01-31', // Tết: Giao thừa to Mùng 4 (Saturday, made up Monday)
    '2028-04-04', // Giỗ Tổ
    '2028-04-30',
    '2028-05-01',
    '2028-05-02', // 30/4 is a Sunday, made up on Tuesday after 1/5
    '2028-09-01',
    '2028-09-02',
    '2028-09-04', // 2/9 (Saturday) with 1/9, made up on Monday
  ]);
  t.ok(
    labourCodeHolidays(2028).every((h) => h.status === 'computed'),
    'marked as computed',
  );
  const y2027 = labourCodeHolidays(2027);
  t.same(
    y2027.filter((h) => h.name.startsWith('Quốc khánh')).map((h) => h.date),
    ['2027-09-02', '2027-09-03'],
    '2/9 on a Thursday: with the Friday',
  );
});

t.test('arithmetic across Tết 2027 (lunar dates as computed for Việt Nam)', async (t) => {
  // Tết Đinh Mùi: Mùng 1 on Saturday 6/2/2027; the shipped list (computed) closes 4–10/02.
  t.notOk(calendar.isWorkingDay('2027-02-04'));
  t.notOk(calendar.isWorkingDay('2027-02-10'));
  t.equal(calendar.addHours(at('2027-02-03T16:00:00'), 2).toISOString(), iso('2027-02-11T09:00:00'));
});
