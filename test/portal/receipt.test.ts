import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { pdfText } from '../helpers/pdf.js';
import { runToEnd, submitted } from '../helpers/portal.js';

const receive = (h: TestApp, code: string, payload: object, as = 'canbo.phucxa') =>
  h.request({ method: 'POST', url: `/api/dossiers/${code}/receive`, as, payload });

t.test('the desk accepts an online dossier: the process and the clock start, and it runs to the result', async (t) => {
  const h = await testApp(t); // Monday 19/11/2018 09:00
  const online = await submitted(h);
  const waiting = (await h.request({ method: 'GET', url: '/api/dossiers?status=1', as: 'canbo.phucxa' })).json();
  t.match(
    waiting,
    { total: 1, items: [{ code: online.code, statusCode: 1, statusLabel: 'Mới đăng ký' }] },
    'the unit’s desk sees it waiting',
  );
  t.same(
    (await h.request({ method: 'GET', url: '/api/tasks', as: 'canbo.phucxa' })).json(),
    [],
    'no task before receipt',
  );

  t.equal(
    (await receive(h, online.code, {}, 'canbo.badinh')).statusCode,
    404,
    'only the desk of its unit receives it (another unit does not find it)',
  );
  t.equal((await receive(h, online.code, {}, 'lanhdao.phucxa')).statusCode, 403, 'receipt is a desk officer’s');

  h.clock.set('2018-11-19T10:30:00+07:00');
  const res = await receive(h, online.code, { outcome: 'accept' });
  t.equal(res.statusCode, 200, res.body);
  const accepted = res.json();
  t.match(accepted, {
    code: online.code,
    channel: 'online',
    statusCode: 4,
    statusLabel: 'Đang xử lý',
    receivedAt: '2018-11-19T02:00:00.000Z',
    clockStartedAt: '2018-11-19T03:30:00.000Z',
    dueAt: '2018-11-19T10:00:00.000Z',
    appointmentAt: '2018-11-19T10:00:00.000Z',
    tasks: [{ activityId: 'ThamDinh', role: 'officer', unitCode: '00001', status: 'open' }],
  });
  t.equal((await receive(h, online.code, {})).json().code, 'not-awaiting-receipt', 'received once');
  t.equal((await receive(h, online.code, {})).statusCode, 409);

  const { id } = await h.app.system.db.knex('dossiers').where({ code: online.code }).first('id');
  const events = await h.app.system.db
    .knex('dossier_events')
    .where({ dossier_id: id })
    .orderBy('seq')
    .select('type', 'payload');
  t.same(
    events.slice(0, 4).map((e) => e.type),
    ['dossier.submitted', 'dossier.received', 'status.changed', 'form.issued'],
  );
  t.match(JSON.parse(events[1].payload), {
    outcome: 'accept',
    channel: 'online',
    unitCode: '00001',
    clockStartedAt: '2018-11-19T03:30:00.000Z',
  });
  t.same(JSON.parse(events[2].payload), { from: 1, to: 2 });
  t.ok(
    events.some((e) => e.type === 'status.changed' && JSON.parse(e.payload).to === 4),
    'then processing',
  );
  t.ok(
    (await h.app.system.db.knex('jobs').where({ dossier_id: id }).count({ n: '*' }).first())!.n,
    'the statutory clock’s timers are armed',
  );

  const slip = await h.request({
    method: 'GET',
    url: `/api/dossiers/${online.code}/forms/receipt.pdf`,
    as: 'canbo.phucxa',
  });
  t.equal(slip.statusCode, 200);
  const text = await pdfText(slip.rawPayload);
  for (const line of [
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Mã hồ sơ: ${online.code}`,
    'Ông/bà Đào Thị Hạnh',
    'Nguyễn Thị Hoa',
  ])
    t.ok(text.includes(line), `the receipt slip reads “${line}”`);

  const done = await runToEnd(h, accepted);
  t.ok([9, 10].includes(done.statusCode), `it reaches its result (status ${done.statusCode})`);
  t.same(
    (await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/audit/verify`, as: 'thanhtra' })).json(),
    { ok: true, events: done.version },
  );
  const replay = (
    await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/replay`, as: 'thanhtra' })
  ).json();
  t.equal(replay.ok, true, 'the history replays');
  t.equal(replay.steps[0].kind, 'received');
});

t.test('the desk asks for every missing item, then accepts when they are supplied', async (t) => {
  const h = await testApp(t);
  const online = await submitted(h);
  t.equal((await receive(h, online.code, { outcome: 'supplement' })).json().code, 'missing-items-required');
  const missing = ['Giấy chứng sinh (bản chính)', 'Giấy chứng nhận kết hôn của cha mẹ'];
  const res = await receive(h, online.code, { outcome: 'supplement', missingItems: missing });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { statusCode: 5, missingItems: missing, clockStartedAt: null, tasks: [] });
  const request = await h.request({
    method: 'GET',
    url: `/api/dossiers/${online.code}/forms/supplement-request.pdf`,
    as: 'canbo.phucxa',
  });
  t.ok((await pdfText(request.rawPayload)).includes(missing[1]!), 'the supplementation request lists the items');
  const outbox = await h.app.system.outbox.ofDossier(
    (await h.app.system.db.knex('dossiers').where({ code: online.code }).first('id')).id,
  );
  t.match(
    outbox[0],
    { channel: 'sms', recipient: '0904123456', body: `Hồ sơ ${online.code} cần bổ sung: ${missing.join('; ')}.` },
    'the applicant is told',
  );

  h.clock.set('2018-11-20T09:00:00+07:00');
  const resumed = await h.request({
    method: 'POST',
    url: `/api/dossiers/${online.code}/resume`,
    as: 'canbo.phucxa',
    payload: { note: 'Đã bổ sung qua cổng' },
  });
  t.match(resumed.json(), {
    statusCode: 4,
    missingItems: null,
    clockStartedAt: '2018-11-20T02:00:00.000Z',
    tasks: [{ activityId: 'ThamDinh' }],
  });
  t.same(
    (await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/audit/verify`, as: 'thanhtra' })).json().ok,
    true,
  );
});

t.test('the desk refuses an online dossier with a reason', async (t) => {
  const h = await testApp(t);
  const online = await submitted(h);
  t.equal((await receive(h, online.code, { outcome: 'refuse' })).json().code, 'reason-required');
  const reason = 'Nơi cư trú của người yêu cầu không thuộc phường Phúc Xá';
  const res = await receive(h, online.code, { outcome: 'refuse', reason });
  t.match(res.json(), { statusCode: 3, statusLabel: 'Không tiếp nhận', statusReason: reason, tasks: [] });
  const refusal = await h.request({
    method: 'GET',
    url: `/api/dossiers/${online.code}/forms/refusal.pdf`,
    as: 'canbo.phucxa',
  });
  t.ok((await pdfText(refusal.rawPayload)).includes(reason));
  t.equal((await receive(h, online.code, {})).statusCode, 409, 'a refused dossier is not received again');
  t.same(
    (await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/audit/verify`, as: 'thanhtra' })).json(),
    { ok: true, events: 4 },
  );
});
