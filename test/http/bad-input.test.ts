import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { APPLICANT, receiptBody } from '../helpers/fixtures.js';

/** Row counts of everything a request could change. */
async function snapshot(h: TestApp) {
  const { knex } = h.app.system.db;
  const counts: Record<string, number> = {};
  for (const table of ['dossiers', 'dossier_states', 'tasks', 'dossier_events', 'dossier_sequences', 'users']) {
    counts[table] = Number((await knex(table).count({ n: '*' }).first())!.n);
  }
  counts.claimedOrDone = Number((await knex('tasks').whereNot({ status: 'open' }).count({ n: '*' }).first())!.n);
  return counts;
}

t.test('bad input gets a clear 4xx problem and changes nothing', async (t) => {
  const h = await testApp(t);
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const reviewTask = dossier.tasks[0].id;
  const before = await snapshot(h);
  const valid = receiptBody('1.001193');

  const cases: {
    label: string;
    as?: string;
    method: 'GET' | 'POST';
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
    status: number;
    code: string;
    field?: string;
  }[] = [
    {
      label: 'unknown procedure',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, procedureCode: '9.999999' },
      status: 422,
      code: 'unknown-procedure',
    },
    {
      label: 'unknown unit',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, unitCode: '99999' },
      status: 422,
      code: 'unknown-unit',
    },
    {
      label: 'procedure not handled at the unit',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...receiptBody('1.013236'), unitCode: '00001' },
      status: 422,
      code: 'procedure-not-handled-here',
    },
    {
      label: 'missing applicant',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: '1.001193', unitCode: '00001' },
      status: 400,
      code: 'invalid-request',
      field: '/applicant',
    },
    {
      label: 'wrong ID number',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, applicant: { ...APPLICANT, idNumber: '12345' } },
      status: 400,
      code: 'invalid-request',
      field: '/applicant/idNumber',
    },
    {
      label: 'wrong phone number',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, applicant: { ...APPLICANT, phone: 'abc' } },
      status: 400,
      code: 'invalid-request',
      field: '/applicant/phone',
    },
    {
      label: 'unexpected field',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, status: 10 },
      status: 400,
      code: 'invalid-request',
      field: '/status',
    },
    {
      label: 'unknown channel',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, channel: 'fax' },
      status: 400,
      code: 'invalid-request',
      field: '/channel',
    },
    {
      label: 'form misses a required field',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, data: { ...valid.data, childFullName: undefined } },
      status: 400,
      code: 'invalid-form',
      field: '/data/childFullName',
    },
    {
      label: 'form field of the wrong kind',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, data: { ...valid.data, childBirthDate: '19/11/2018' } },
      status: 400,
      code: 'invalid-form',
      field: '/data/childBirthDate',
    },
    {
      label: 'malformed JSON',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: '{"procedureCode": ',
      headers: { 'content-type': 'application/json' },
      status: 400,
      code: 'fst_err_ctp_invalid_json_body',
    },
    {
      label: 'a content type the API does not take',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: '<dossier/>',
      headers: { 'content-type': 'application/xml' },
      status: 415,
      code: 'fst_err_ctp_invalid_media_type',
    },
    {
      label: 'plain text instead of JSON',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
      status: 400,
      code: 'invalid-request',
    },
    {
      label: 'body over 1 MB',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...valid, data: { note: 'x'.repeat(1_100_000) } },
      status: 413,
      code: 'fst_err_ctp_body_too_large',
    },
    {
      label: 'task id not a number',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/tasks/abc/complete',
      payload: {},
      status: 400,
      code: 'invalid-request',
      field: '/id',
    },
    {
      label: 'unknown task',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/tasks/999999/complete',
      payload: {},
      status: 404,
      code: 'unknown-task',
    },
    {
      label: 'outcome on a task that does not branch',
      as: 'canbo.phucxa',
      method: 'POST',
      url: `/api/tasks/${reviewTask}/complete`,
      payload: { outcome: 'approve' },
      status: 400,
      code: 'invalid-outcome',
    },
    {
      label: 'unknown dossier',
      as: 'canbo.phucxa',
      method: 'GET',
      url: '/api/dossiers/H26.00001-181119-9999',
      status: 404,
      code: 'unknown-dossier',
    },
    {
      label: 'bad inbox paging',
      as: 'canbo.phucxa',
      method: 'GET',
      url: '/api/tasks?limit=100000',
      status: 400,
      code: 'invalid-request',
      field: '/limit',
    },
    { label: 'unknown unit code', method: 'GET', url: '/api/units/ZZZ', status: 404, code: 'unknown-unit' },
    {
      label: 'unknown procedure code',
      method: 'GET',
      url: '/api/procedures/9.999999',
      status: 404,
      code: 'unknown-procedure',
    },
    { label: 'unknown route', method: 'GET', url: '/api/nowhere', status: 404, code: 'no-such-route' },
    {
      label: 'duplicate username',
      as: 'admin',
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'canbo.phucxa',
        password: 'matkhau-dai-du',
        fullName: 'X',
        unitCode: '00001',
        roles: ['officer'],
      },
      status: 409,
      code: 'username-taken',
    },
    {
      label: 'user at an unknown unit',
      as: 'admin',
      method: 'POST',
      url: '/api/users',
      payload: { username: 'moi', password: 'matkhau-dai-du', fullName: 'X', unitCode: '99999', roles: ['officer'] },
      status: 400,
      code: 'unknown-unit',
    },
    {
      label: 'staff without a unit',
      as: 'admin',
      method: 'POST',
      url: '/api/users',
      payload: { username: 'moi', password: 'matkhau-dai-du', fullName: 'X', roles: ['leader'] },
      status: 400,
      code: 'unit-required',
    },
    {
      label: 'unknown role',
      as: 'admin',
      method: 'POST',
      url: '/api/users',
      payload: { username: 'moi', password: 'matkhau-dai-du', fullName: 'X', unitCode: '00001', roles: ['king'] },
      status: 400,
      code: 'invalid-request',
      field: '/roles/0',
    },
    {
      label: 'short password',
      as: 'admin',
      method: 'POST',
      url: '/api/users',
      payload: { username: 'moi', password: 'ngan', fullName: 'X', unitCode: '00001', roles: ['officer'] },
      status: 400,
      code: 'invalid-request',
      field: '/password',
    },
  ];

  for (const c of cases) {
    const res = await h.request({
      method: c.method,
      url: c.url,
      as: c.as,
      payload: c.payload as never,
      headers: c.headers,
    });
    t.equal(res.statusCode, c.status, `${c.label} → ${c.status}`);
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', `${c.label}: problem+json`);
    const body = res.json();
    t.match(body, { status: c.status, code: c.code, detail: String, title: String }, `${c.label}: ${body.detail}`);
    if (c.field)
      t.ok(
        body.errors?.some((e: { field: string }) => e.field === c.field),
        `${c.label}: names ${c.field} (${JSON.stringify(body.errors)})`,
      );
  }

  t.same(await snapshot(h), before, 'nothing changed');
});

t.test('messages a person can act on, in Vietnamese', async (t) => {
  const h = await testApp(t);
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), applicant: { ...APPLICANT, idNumber: '0010' } },
  });
  t.same(res.json().errors, [
    {
      field: '/applicant/idNumber',
      message:
        'Không đúng định dạng: số CCCD (12 chữ số), CMND (9 chữ số) hoặc hộ chiếu (1 chữ cái in hoa và 7–8 chữ số)',
    },
  ]);
  const form = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), data: {} },
  });
  t.equal(form.json().detail, 'Thông tin trong tờ khai chưa hợp lệ.');
  t.ok(form.json().errors.every((e: { message: string }) => e.message === 'Thông tin bắt buộc, chưa được nhập.'));
  t.same(
    form
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
    ['/data/birthPlace', '/data/childBirthDate', '/data/childFullName', '/data/childGender', '/data/motherFullName'],
  );
});
