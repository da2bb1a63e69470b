import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';
import { RECEIPTS, receiptBody } from '../helpers/fixtures.js';
import { BIRTH, BIRTH_V2 } from '../helpers/bpmn-corpus.js';
const hanoi = (local: string) => new Date(`${local}+07:00`).toISOString();

function announce(h: TestApp, body: object, as = 'vpubnd') {
  return h.request({
    method: 'POST',
    url: '/api/announcements',
    as,
    payload: { title: 'Công bố thủ tục hành chính lĩnh vực Hộ tịch', signedOn: '2018-11-22', ...body },
  });
}

async function publishDraft(h: TestApp, changeId?: number) {
  const number = (
    await h.request({
      method: 'POST',
      url: '/api/procedures/1.001193/versions',
      as: 'modeler.stp',
      payload: BIRTH_V2,
      headers: { 'content-type': 'application/xml' },
    })
  ).json().number;
  await h.request({
    method: 'POST',
    url: `/api/procedures/1.001193/versions/${number}/submit`,
    as: 'modeler.stp',
    payload: {},
  });
  return h.request({
    method: 'POST',
    url: `/api/procedures/1.001193/versions/${number}/publish`,
    as: 'vpubnd',
    payload: changeId ? { changeId } : {},
  });
}

t.test('the deadline is the end of the second working day after the announcement', async (t) => {
  const h = await testApp(t);
  const friday = await announce(h, {
    number: '5678/QĐ-UBND',
    announcedOn: '2018-11-23',
    changes: [{ procedureCode: '1.001193', kind: 'amend' }],
  });
  t.equal(friday.statusCode, 201);
  t.equal(
    friday.json().deadlineAt,
    hanoi('2018-11-27T17:00:00'),
    'announced on Friday: Monday and Tuesday, so Tuesday 17:00',
  );
  const beforeTet = await announce(h, {
    number: '120/QĐ-UBND',
    signedOn: '2026-02-12',
    announcedOn: '2026-02-13',
    changes: [{ procedureCode: '1.001193', kind: 'amend' }],
  });
  t.equal(
    beforeTet.json().deadlineAt,
    hanoi('2026-02-24T17:00:00'),
    'announced on the Friday before Tết 2026 (holiday 14–22 February): Tuesday 24 February',
  );
  const onHoliday = await announce(h, {
    number: '121/QĐ-UBND',
    signedOn: '2026-02-12',
    announcedOn: '2026-02-17',
    changes: [{ procedureCode: '1.001193', kind: 'amend' }],
  });
  t.equal(onHoliday.json().deadlineAt, hanoi('2026-02-24T17:00:00'), 'announced on Mùng 1 Tết: the same Tuesday');
  t.same(
    (await h.request({ method: 'GET', url: '/api/announcements', as: 'thanhtra' }))
      .json()
      .map((a: { number: string }) => a.number),
    ['121/QĐ-UBND', '120/QĐ-UBND', '5678/QĐ-UBND'],
    'the latest first',
  );
});

t.test('each change is pending with the time left, then published on time or late', async (t) => {
  const h = await testApp(t, { start: '2018-11-23T09:00:00+07:00' });
  const created = (
    await announce(h, {
      number: '5678/QĐ-UBND',
      announcedOn: '2018-11-23',
      changes: [
        { procedureCode: '1.001193', kind: 'amend' },
        { procedureCode: '1.001193', kind: 'amend' },
      ],
    })
  ).json();
  t.match(
    created.changes,
    [{ state: 'pending', timeLeftMinutes: 7 * 60 + 2 * 8 * 60, versionNumber: null }, { state: 'pending' }],
    'Friday 09:00: the rest of Friday and two working days',
  );

  h.clock.set('2018-11-26T10:00:00+07:00');
  const onTime = await publishDraft(h, created.changes[0].id);
  t.match(onTime.json(), { status: 'published', changeId: created.changes[0].id });
  h.clock.set('2018-11-28T08:30:00+07:00');
  const overdue = (await h.request({ method: 'GET', url: `/api/announcements/${created.id}`, as: 'vpubnd' })).json();
  t.match(
    overdue.changes,
    [
      { state: 'on-time', doneAt: hanoi('2018-11-26T10:00:00'), versionNumber: 2, timeLeftMinutes: null },
      { state: 'late', timeLeftMinutes: -30 },
    ],
    'the other is late, by half an hour',
  );
  await publishDraft(h, created.changes[1].id);
  t.match(
    (await h.request({ method: 'GET', url: `/api/announcements/${created.id}`, as: 'vpubnd' })).json().changes[1],
    { state: 'late', versionNumber: 3 },
    'and stays late once done',
  );

  t.equal((await publishDraft(h, created.changes[1].id)).json().code, 'change-done', 'a change is carried out once');
  const other = (
    await announce(h, {
      number: '9/QĐ-UBND',
      announcedOn: '2018-11-28',
      changes: [{ procedureCode: '2.000908', kind: 'amend' }],
    })
  ).json();
  const wrong = await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions/4/publish',
    as: 'vpubnd',
    payload: { changeId: other.changes[0].id },
  });
  t.match(
    [wrong.statusCode, wrong.json().code],
    [422, 'unknown-change'],
    'nor linked to a change about another procedure',
  );
});

t.test('what an announcement must say', async (t) => {
  const h = await testApp(t);
  const base = { number: '1/QĐ-UBND', announcedOn: '2018-11-23' };
  const cases: [string, object, number, string][] = [
    [
      'announced before it was signed',
      { ...base, announcedOn: '2018-11-20', changes: [{ procedureCode: '1.001193', kind: 'amend' }] },
      400,
      'announced-before-signed',
    ],
    [
      'a replacement without what it replaces',
      { ...base, changes: [{ procedureCode: '1.999999', kind: 'replace' }] },
      400,
      'replaces-required',
    ],
    [
      'abolishing an unknown procedure',
      { ...base, changes: [{ procedureCode: '9.999999', kind: 'abolish' }] },
      422,
      'unknown-procedure',
    ],
    ['no change at all', { ...base, changes: [] }, 400, 'invalid-request'],
    [
      'an unknown kind of change',
      { ...base, changes: [{ procedureCode: '1.001193', kind: 'suspend' }] },
      400,
      'invalid-request',
    ],
  ];
  for (const [what, body, status, code] of cases) {
    const res = await announce(h, body);
    t.match([res.statusCode, res.json().code], [status, code], what);
  }
  t.equal(
    (await announce(h, { ...base, changes: [{ procedureCode: '1.001193', kind: 'amend' }] }, 'modeler.stp')).statusCode,
    403,
    'only VPUBND records announcements',
  );
  t.equal(
    (await h.request({ method: 'GET', url: '/api/announcements', as: 'vpubnd' })).json().length,
    0,
    'nothing recorded',
  );
  t.equal((await announce(h, { ...base, changes: [{ procedureCode: '1.001193', kind: 'amend' }] })).statusCode, 201);
  t.equal(
    (await announce(h, { ...base, changes: [{ procedureCode: '1.001193', kind: 'amend' }] })).json().code,
    'announcement-exists',
    'a decision is recorded once',
  );
});

t.test('abolished at its validity date: no new dossier from then, in-flight ones finish', async (t) => {
  const h = await testApp(t);
  const inFlight = await receive(h, '2.000908');
  const created = (
    await announce(h, {
      number: '77/QĐ-UBND',
      signedOn: '2018-11-16',
      announcedOn: '2018-11-19',
      changes: [{ procedureCode: '2.000908', kind: 'abolish', effectiveFrom: hanoi('2018-11-20T00:00:00') }],
    })
  ).json();
  const done = await h.request({
    method: 'POST',
    url: `/api/announcements/${created.id}/changes/${created.changes[0].id}/abolish`,
    as: 'vpubnd',
  });
  t.match(done.json().changes, [{ kind: 'abolish', state: 'on-time', doneAt: h.clock.now().toISOString() }]);
  t.equal((await receive(h, '2.000908')).procedureVersion, 1, 'still received until its validity date');

  h.clock.set('2018-11-20T08:00:00+07:00');
  const refused = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: RECEIPTS['2.000908']!.officer,
    payload: receiptBody('2.000908'),
  });
  t.match([refused.statusCode, refused.json().code], [409, 'procedure-abolished']);
  t.match((await h.app.inject({ method: 'GET', url: '/api/procedures/2.000908' })).json(), {
    status: 'abolished',
    validTo: hanoi('2018-11-20T00:00:00'),
    version: null,
  });
  const task = (await h.request({ method: 'GET', url: `/api/dossiers/${inFlight.code}`, as: 'canbo.phucxa' })).json()
    .tasks[0];
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: `/api/tasks/${task.id}/complete`,
        as: 'canbo.phucxa',
        payload: task.outcomes.length ? { outcome: task.outcomes[0] } : {},
      })
    ).statusCode,
    200,
    'a dossier received before goes on',
  );
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: `/api/announcements/${created.id}/changes/${created.changes[0].id}/abolish`,
        as: 'vpubnd',
      })
    ).json().code,
    'change-done',
  );
});

t.test('a new procedure replaces an old one when its first version is published', async (t) => {
  const h = await testApp(t);
  const procedure = (await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json();
  const fields = {
    name: 'Thủ tục đăng ký khai sinh (liên thông điện tử)',
    field: procedure.field,
    levels: ['xa'],
    departmentCode: null,
    ownerCode: 'STP',
    agency: null,
    timeLimitHours: 8,
    sameDay: true,
    cutoffTime: '15:00',
    timeLimitText: null,
    fee: null,
    onlineLevel: 'toan_trinh',
    documents: [],
  };
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: '/api/procedures',
        as: 'vpubnd',
        payload: { code: '1.001193A', ...fields },
      })
    ).statusCode,
    201,
  );
  const created = (
    await announce(h, {
      number: '88/QĐ-UBND',
      signedOn: '2018-11-16',
      announcedOn: '2018-11-19',
      changes: [{ procedureCode: '1.001193A', kind: 'replace', replacesCode: '1.001193' }],
    })
  ).json();
  await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193A/versions',
    as: 'modeler.stp',
    payload: BIRTH,
    headers: { 'content-type': 'application/xml' },
  });
  await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193A/versions/1/submit',
    as: 'modeler.stp',
    payload: {},
  });
  const published = await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193A/versions/1/publish',
    as: 'vpubnd',
    payload: { changeId: created.changes[0].id, validFrom: hanoi('2018-11-21T00:00:00') },
  });
  t.equal(published.statusCode, 200);
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json().status,
    'active',
    'the old one until the new one takes over',
  );
  h.clock.set('2018-11-21T09:00:00+07:00');
  t.match((await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json(), {
    status: 'abolished',
    validTo: hanoi('2018-11-21T00:00:00'),
  });
  t.equal((await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193A' })).json().version.number, 1);
});
