import t, { type Test } from 'tap';
import { parseWorkingDuration } from '../../src/calendar/duration.js';
import { rulesWithHolidays, shippedHolidays } from '../../src/calendar/holidays.js';
import { localDate, WorkingCalendar } from '../../src/calendar/working-time.js';

const calendar = new WorkingCalendar(rulesWithHolidays(shippedHolidays()));
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const addHours = (start: string, hours: number) => calendar.addHours(at(start), hours).toISOString();

t.test('adds working hours within and across days', async (t) => {
  t.equal(addHours('2018-11-19T09:00:00', 8), iso('2018-11-20T09:00:00'), 'a working day later, same hour');
  t.equal(addHours('2018-11-19T11:00:00', 2), iso('2018-11-19T14:00:00'), 'skips the lunch break');
  t.equal(addHours('2018-11-19T16:00:00', 1), iso('2018-11-19T17:00:00'), 'ends at closing time, not next morning');
  t.equal(addHours('2018-11-19T06:00:00', 1), iso('2018-11-19T09:00:00'), 'counts from opening time');
  t.equal(addHours('2018-11-19T12:30:00', 1), iso('2018-11-19T14:00:00'), 'counts from the end of lunch');
  t.equal(addHours('2018-11-19T18:00:00', 1), iso('2018-11-20T09:00:00'), 'after hours counts from next morning');
  t.equal(addHours('2018-11-19T09:00:00', 0), iso('2018-11-19T09:00:00'), 'zero adds nothing');
});

t.test('skips weekends', async (t) => {
  t.equal(addHours('2018-11-23T16:00:00', 2), iso('2018-11-26T09:00:00'), 'Friday afternoon → Monday');
  t.equal(addHours('2018-11-24T10:00:00', 1), iso('2018-11-26T09:00:00'), 'received on Saturday → counts from Monday');
  t.equal(addHours('2018-11-19T09:00:00', 5 * 8), iso('2018-11-26T09:00:00'), 'five working days = one week');
});

t.test('skips public holidays', async (t) => {
  t.equal(addHours('2026-02-13T16:00:00', 2), iso('2026-02-23T09:00:00'), 'across Tết Bính Ngọ 2026 (14–22/02)');
  t.equal(addHours('2026-04-29T09:00:00', 8), iso('2026-05-04T09:00:00'), 'across 30/4 and 1/5 2026');
  t.equal(addHours('2026-08-28T09:00:00', 8), iso('2026-09-03T09:00:00'), 'across Quốc khánh 2026 (29/8–2/9)');
  t.equal(addHours('2025-12-31T16:00:00', 2), iso('2026-01-05T09:00:00'), 'across Tết Dương lịch 2026 (1–2/01)');
});

t.test('works make-up Saturdays', async (t) => {
  t.ok(calendar.isWorkingDay('2019-01-05'), 'Saturday 5/1/2019 is worked in exchange for 31/12/2018');
  t.notOk(calendar.isWorkingDay('2018-12-31'), 'Monday 31/12/2018 is off');
  t.equal(addHours('2019-01-04T16:00:00', 2), iso('2019-01-05T09:00:00'));
});

// [received, working hours, due, why]: `add` counts working time from the receipt and a budget used up at closing time
// ends at 17:00, not the next morning.
type Deadline = [string, number, string, string];
const deadlines = (t: Test, cases: Deadline[]) => {
  for (const [received, hours, due, why] of cases) t.equal(addHours(received, hours), iso(due), why);
};

t.test('works Saturday 10/1/2026, made up for Friday 2/1 (Công văn 12729/VPCP-KGVX)', async (t) => {
  t.notOk(calendar.isWorkingDay('2026-01-02'), 'Friday 2/1/2026 is off');
  t.notOk(calendar.isWorkingDay('2026-01-03'), 'Saturday 3/1/2026 is not');
  t.ok(calendar.isWorkingDay('2026-01-10'), 'Saturday 10/1/2026 is worked');
  t.notOk(calendar.isWorkingDay('2026-01-11'), 'Sunday 11/1/2026 is not');
  deadlines(t, [
    ['2026-01-08T09:00:00', 16, '2026-01-10T09:00:00', 'two working days from Thursday 09:00: Saturday 10/1 09:00'],
    ['2026-01-09T09:00:00', 8, '2026-01-10T09:00:00', 'one working day from Friday 09:00: Saturday 10/1 09:00'],
    ['2026-01-09T16:00:00', 1, '2026-01-09T17:00:00', 'an hour from Friday 16:00: Friday closing time'],
    ['2026-01-09T16:00:00', 2, '2026-01-10T09:00:00', 'two hours from Friday 16:00: Saturday 09:00'],
    ['2026-01-10T14:00:00', 8, '2026-01-12T14:00:00', 'received on Saturday 10/1 14:00: Monday 14:00'],
    ['2026-01-08T09:00:00', 24, '2026-01-12T09:00:00', 'three working days from Thursday: Monday 12/1 09:00'],
    ['2025-12-31T09:00:00', 16, '2026-01-06T09:00:00', 'two working days from 31/12/2025 across 1–4/1: Tuesday'],
  ]);
  t.equal(
    calendar.between(at('2026-01-09T17:00:00'), at('2026-01-12T08:00:00')),
    8 * 60,
    'Friday evening to Monday morning holds the Saturday worked',
  );
});

t.test('skips Tết Bính Ngọ 2026, 14–22/2 (Thông báo 9441 of the Bộ Nội vụ)', async (t) => {
  t.ok(calendar.isWorkingDay('2026-02-13'), 'Friday 13/2/2026 is worked');
  for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
    t.notOk(calendar.isWorkingDay(date), `${date} is off`);
  }
  t.ok(calendar.isWorkingDay('2026-02-23'), 'Monday 23/2/2026 (mùng 7) is worked');
  deadlines(t, [
    ['2026-02-13T09:00:00', 24, '2026-02-25T09:00:00', 'three working days from Friday 13/2 09:00: Wednesday 25/2'],
    ['2026-02-13T16:00:00', 24, '2026-02-25T16:00:00', 'three working days from Friday 13/2 16:00: Wednesday 16:00'],
    ['2026-02-13T17:00:00', 24, '2026-02-25T17:00:00', 'received at closing time: three days from Monday 23/2'],
    ['2026-02-12T09:00:00', 16, '2026-02-23T09:00:00', 'two working days from Thursday 12/2 09:00: Monday 23/2 09:00'],
    ['2026-02-18T10:00:00', 8, '2026-02-23T17:00:00', 'received on Mùng 2: one working day, Monday 23/2 17:00'],
  ]);
});

t.test('Giỗ Tổ 2026 on Sunday 26/4 is made up on Monday 27/4; 28–29/4 are worked, 30/4–1/5 off', async (t) => {
  t.notOk(calendar.isWorkingDay('2026-04-27'), 'Monday 27/4/2026 is off in lieu');
  t.ok(calendar.isWorkingDay('2026-04-28'), 'Tuesday 28/4/2026 is worked: no swap');
  t.ok(calendar.isWorkingDay('2026-04-29'), 'Wednesday 29/4/2026 is worked: no swap');
  deadlines(t, [
    ['2026-04-24T09:00:00', 8, '2026-04-28T09:00:00', 'one working day from Friday 24/4: Tuesday 28/4'],
    ['2026-04-28T09:00:00', 16, '2026-05-04T09:00:00', 'two working days from Tuesday 28/4: Monday 4/5'],
  ]);
});

t.test('Quốc khánh 2026: Monday 31/8 is off, swapped for Saturday 22/8 (Thông báo 9441)', async (t) => {
  t.ok(calendar.isWorkingDay('2026-08-22'), 'Saturday 22/8/2026 is worked');
  for (const date of ['2026-08-31', '2026-09-01', '2026-09-02']) t.notOk(calendar.isWorkingDay(date), `${date} is off`);
  t.ok(calendar.isWorkingDay('2026-09-03'), 'Thursday 3/9/2026 is worked');
  deadlines(t, [
    ['2026-08-21T09:00:00', 8, '2026-08-22T09:00:00', 'one working day from Friday 21/8: Saturday 22/8 09:00'],
    ['2026-08-21T16:00:00', 2, '2026-08-22T09:00:00', 'two hours from Friday 21/8 16:00: Saturday 09:00'],
    ['2026-08-22T09:00:00', 8, '2026-08-24T09:00:00', 'received on Saturday 22/8: Monday 24/8 09:00'],
    ['2026-08-28T16:00:00', 16, '2026-09-04T16:00:00', 'two working days from Friday 28/8 16:00: Friday 4/9'],
    ['2026-08-31T09:00:00', 8, '2026-09-03T17:00:00', 'received on Monday 31/8: counted from Thursday 3/9'],
  ]);
});

t.test('the shipped 2026 list is the announced one, every row confirmed with its source', async (t) => {
  const shipped = shippedHolidays();
  const year = shipped.filter((h) => h.date.startsWith('2026-'));
  const off = (date: string, kind: string) => [date, kind, false];
  t.same(
    year.map((h) => [h.date, h.kind, h.workingDay]),
    [
      off('2026-01-01', 'holiday'),
      off('2026-01-02', 'swap_day_off'),
      off('2026-01-03', 'weekend_in_break'),
      off('2026-01-04', 'weekend_in_break'),
      ['2026-01-10', 'makeup_workday', true],
      off('2026-02-14', 'weekend_in_break'),
      off('2026-02-15', 'weekend_in_break'),
      ...['16', '17', '18', '19', '20'].map((d) => off(`2026-02-${d}`, 'tet')),
      off('2026-02-21', 'weekend_in_break'),
      off('2026-02-22', 'weekend_in_break'),
      off('2026-04-26', 'holiday'),
      off('2026-04-27', 'observed'),
      off('2026-04-30', 'holiday'),
      off('2026-05-01', 'holiday'),
      ['2026-08-22', 'makeup_workday', true],
      off('2026-08-29', 'weekend_in_break'),
      off('2026-08-30', 'weekend_in_break'),
      off('2026-08-31', 'swap_day_off'),
      off('2026-09-01', 'holiday'),
      off('2026-09-02', 'holiday'),
    ],
    'the days of Công văn 12729/VPCP-KGVX, Thông báo 9441 and the Labour Code',
  );
  for (const h of year) {
    t.equal(h.status, 'confirmed', `${h.date} is confirmed`);
    const sources = h.source?.split(' ; ') ?? [];
    t.ok(sources.length > 0 && sources.every((s) => /^https?:\/\/\S+/.test(s)), `${h.date} cites http(s) sources`);
    const weekday = new Date(`${h.date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (h.workingDay) t.equal(weekday, 6, `${h.date}, worked in exchange, is a Saturday`);
    if (['tet', 'observed', 'swap_day_off'].includes(h.kind)) t.notOk(weekend, `${h.date} is a weekday`);
    if (h.kind === 'weekend_in_break') t.ok(weekend, `${h.date} is a weekend day`);
  }
  const next = shipped.filter((h) => h.date.startsWith('2027-'));
  t.ok(next.length > 0 && next.every((h) => h.status === 'computed'), '2027 is not announced: computed');
});

t.test('measures working time between two instants', async (t) => {
  t.equal(calendar.between(at('2018-11-23T16:00:00'), at('2018-11-26T10:00:00')), 180);
  t.equal(calendar.between(at('2018-11-26T10:00:00'), at('2018-11-23T16:00:00')), -180, 'negative when reversed');
  t.equal(calendar.between(at('2018-11-19T12:00:00'), at('2018-11-19T13:00:00')), 0, 'lunch is not working time');
});

t.test('adding is monotonic and consistent with between', async (t) => {
  let seed = 20181117;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const base = Date.parse('2018-01-01T00:00:00+07:00');
  for (let i = 0; i < 500; i++) {
    const start = new Date(base + Math.floor(random() * 9 * 365 * 86_400_000));
    const a = Math.floor(random() * 400) * 15;
    const b = Math.floor(random() * 400) * 15;
    const first = calendar.add(start, a);
    const later = calendar.add(start, a + b);
    if (later < first) t.fail(`not monotonic from ${start.toISOString()} (+${a}, +${a + b})`);
    if (a > 0 && calendar.between(start, first) !== a) t.fail(`between ≠ added from ${start.toISOString()} (+${a})`);
  }
  t.pass('500 random starts and durations');
});

t.test('local dates are Hà Nội dates', async (t) => {
  t.equal(localDate(new Date('2018-11-18T17:30:00Z')), '2018-11-19', '00:30 on 19/11 in Hà Nội');
  t.equal(localDate(new Date('2018-11-19T16:59:59Z')), '2018-11-19');
});

t.test('time budgets are ISO-8601 durations of working time', async (t) => {
  t.equal(parseWorkingDuration('P2D', 8), 16);
  t.equal(parseWorkingDuration('PT4H', 8), 4);
  t.equal(parseWorkingDuration('P1DT4H', 8), 12);
  t.equal(parseWorkingDuration('PT30M', 8), 0.5);
  t.equal(parseWorkingDuration('P0.5D', 8), 4);
  t.equal(parseWorkingDuration('p3d', 8), 24, 'case-insensitive');
  for (const bad of ['', 'P', 'PT', '2D', 'P1W', 'P1M', 'P1Y', 'PT', 'P1DT', 'ba ngày']) {
    t.equal(parseWorkingDuration(bad, 8), null, `"${bad}" is not a budget`);
  }
});
