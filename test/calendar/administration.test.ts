import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receiptBody, TODAY_WARD, todayReceiptBody } from '../helpers/fixtures.js';

t.test('an administrator enters a year’s announced holidays; the deadlines follow them', async (t) => {
  const h = await testApp(t, { start: '2028-01-20T09:00:00+07:00' }); // Thursday before Tết 2028

  const computed = (await h.app.inject({ method: 'GET', url: '/api/calendar/holidays/2028' })).json();
  t.equal(computed.entered, false, '2028 is not entered: computed');
  t.ok(
    computed.holidays.some((d: { date: string; status: string }) => d.date === '2028-01-26' && d.status === 'computed'),
    'Mùng 1 Tết Mậu Thân on 26/01/2028',
  );

  const before = (
    await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: TODAY_WARD.officer,
      payload: todayReceiptBody('2.000908'),
    })
  ).json();
  t.equal(before.dueAt, new Date('2028-01-21T09:00:00+07:00').toISOString(), 'one working day: Friday 09:00');

  // The government announces Tết 2028 from Saturday 22/01 to Sunday 30/01, with Friday 21/01 off in exchange for Saturday 15/01.
  const announced = [
    { date: '2028-01-01', name: 'Tết Dương lịch' },
    { date: '2028-01-03', name: 'Tết Dương lịch – nghỉ bù' },
    { date: '2028-01-15', name: 'Làm bù cho ngày 21/01', workingDay: true },
    ...['21', '24', '25', '26', '27', '28'].map((d) => ({ date: `2028-01-${d}`, name: 'Tết Nguyên đán', kind: 'tet' })),
  ];
  t.equal(
    (
      await h.request({
        method: 'PUT',
        url: '/api/calendar/holidays/2028',
        as: TODAY_WARD.officer,
        payload: { holidays: announced },
      })
    ).statusCode,
    403,
    'officers cannot',
  );
  const bad = await h.request({
    method: 'PUT',
    url: '/api/calendar/holidays/2028',
    as: 'admin',
    payload: { holidays: [{ date: '2027-12-31', name: 'x' }] },
  });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().code, 'holiday-outside-year');
  const entered = await h.request({
    method: 'PUT',
    url: '/api/calendar/holidays/2028',
    as: 'admin',
    payload: { holidays: announced },
  });
  t.equal(entered.statusCode, 200);
  t.match(entered.json(), { year: 2028, entered: true });
  t.ok(entered.json().holidays.every((d: { status: string }) => d.status === 'confirmed'));

  const after = (
    await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: TODAY_WARD.officer,
      payload: todayReceiptBody('2.000908'),
    })
  ).json();
  t.equal(
    after.dueAt,
    new Date('2028-01-31T09:00:00+07:00').toISOString(),
    'Friday 21/01 and the Tết week are off: Monday 31/01 09:00',
  );

  const reverted = await h.request({
    method: 'PUT',
    url: '/api/calendar/holidays/2028',
    as: 'admin',
    payload: { holidays: [] },
  });
  t.equal(reverted.json().entered, false, 'an empty list goes back to the computed days');
});

t.test('an administrator changes working hours and alert leads; units may work Saturday mornings', async (t) => {
  const h = await testApp(t, { start: '2018-11-23T16:00:00+07:00' }); // Friday 16:00
  t.same((await h.request({ method: 'GET', url: '/api/settings', as: 'canbo.phucxa' })).json(), {
    workingHours: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    lateRiskLeadHours: 8,
    apologyLeadHours: 8,
    extensionLimit: 1,
    extensionMaxWorkingDays: null,
    taskReminderLeadHours: 2,
    publisherNotSubmitter: true,
    citizenPasswords: true,
  });
  const bad = await h.request({
    method: 'PUT',
    url: '/api/settings',
    as: 'admin',
    payload: { workingHours: [{ start: '13:00', end: '12:00' }] },
  });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().code, 'invalid-working-hours');

  const saturday = await h.request({
    method: 'PATCH',
    url: '/api/units/00001',
    as: 'admin',
    payload: { saturdayMorning: true },
  });
  t.equal(saturday.json().saturdayMorning, true);
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('2.000908') })
  ).json();
  t.equal(
    dossier.dueAt,
    new Date('2018-11-26T11:00:00+07:00').toISOString(),
    'Fri 16–17 + Sat 08–12 + Mon 08–11: eight working hours',
  );

  await h.request({
    method: 'PUT',
    url: '/api/settings',
    as: 'admin',
    payload: {
      workingHours: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
    },
  });
  const next = (
    await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: 'canbo.phucxa',
      payload: { ...receiptBody('2.000908') },
    })
  ).json();
  t.equal(
    next.dueAt,
    new Date('2018-11-26T10:30:00+07:00').toISOString(),
    'with 07:30–11:30 mornings: Fri 1 h, Sat 4 h, Mon 3 h',
  );
  t.equal(
    (await h.request({ method: 'PATCH', url: '/api/units/00001', as: 'admin', payload: { agencyId: 'H26.00004' } }))
      .statusCode,
    409,
    'an agency e-ID belongs to one unit',
  );
});
