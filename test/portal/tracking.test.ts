import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';
import { CITIZEN, runToEnd, submitted } from '../helpers/portal.js';

const track = (h: TestApp, code: string, idNumber: string) =>
  h.app.inject({ method: 'GET', url: `/api/portal/track/${encodeURIComponent(code)}?idNumber=${idNumber}` });

t.test('anyone with the code and the applicant’s ID number follows the dossier, without officers’ names', async (t) => {
  const h = await testApp(t); // Monday 19/11/2018 09:00
  const online = await submitted(h);
  const before = await track(h, online.code, CITIZEN.idNumber);
  t.equal(before.statusCode, 200);
  t.match(before.json(), {
    code: online.code,
    statusCode: 1,
    statusLabel: 'Mới đăng ký',
    appointmentAt: null,
    timeline: [{ seq: 1, label: /^Nộp hồ sơ trực tuyến tới Phường Phúc Xá, kèm 3 tệp/ }],
  });

  const accepted = (
    await h.request({ method: 'POST', url: `/api/dossiers/${online.code}/receive`, as: 'canbo.phucxa', payload: {} })
  ).json();
  h.clock.advanceHours(1);
  await h.request({
    method: 'POST',
    url: `/api/tasks/${accepted.tasks[0].id}/complete`,
    as: 'canbo.phucxa',
    payload: { comment: 'Ghi chú nội bộ của cán bộ Hoa' },
  });
  const res = await track(h, online.code, CITIZEN.idNumber);
  const tracked = res.json();
  t.match(tracked, {
    code: online.code,
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    unitCode: '00001',
    unitName: 'Phường Phúc Xá',
    statusCode: 4,
    statusLabel: 'Đang xử lý',
    receivedAt: '2018-11-19T02:00:00.000Z',
    appointmentAt: accepted.appointmentAt,
    dueAt: accepted.dueAt,
    finishedAt: null,
    returnedAt: null,
    missingItems: null,
    statusReason: null,
    rating: null,
  });
  const labels = tracked.timeline.map((e: { label: string }) => e.label);
  t.ok(
    labels.some((l: string) => l.startsWith('Hồ sơ đã được tiếp nhận tại Phường Phúc Xá; hẹn trả kết quả')),
    'the receipt, with the appointment',
  );
  t.same(
    labels.filter((l: string) => l.startsWith('Đang giải quyết')),
    ['Đang giải quyết tại Phường Phúc Xá'],
    'which unit works on it, once while it stays there',
  );
  for (const internal of ['Chuyển bước', 'Hoàn thành bước', 'Trạng thái hồ sơ', 'Phát hành'])
    t.notOk(
      labels.some((l: string) => l.startsWith(internal)),
      `no internal sentence (“${internal}…”)`,
    );
  t.same(Object.keys(tracked.timeline[0]).sort(), ['at', 'label', 'seq'], 'no actor');
  for (const secret of ['Nguyễn Thị Hoa', 'Trần Văn Minh', 'Ghi chú nội bộ', 'engine.'])
    t.notOk(res.body.includes(secret), `nothing reads “${secret}”`);
  t.notOk(
    labels.some((l: string) => l.startsWith('Quy trình')),
    'nor the engine’s own steps',
  );

  const wrongId = await track(h, online.code, '001185000000');
  const wrongCode = await track(h, 'H26.00001-181119-0099', CITIZEN.idNumber);
  t.equal(wrongId.statusCode, 404);
  t.same(wrongId.json(), wrongCode.json(), 'a wrong number and a wrong code read the same');
  t.equal(wrongId.json().code, 'dossier-not-found');
  t.equal((await track(h, online.code, '')).statusCode, 400, 'the ID number is required');
});

t.test('tracking is rate-limited', async (t) => {
  const h = await testApp(t);
  for (let i = 0; i < 30; i++)
    t.equal((await track(h, 'H26.00001-181119-0001', `00118500${String(i).padStart(4, '0')}`)).statusCode, 404);
  const blocked = await track(h, 'H26.00001-181119-0001', CITIZEN.idNumber);
  t.equal(blocked.statusCode, 429, 'the 31st look-up within a minute waits');
  t.match(blocked.json().detail, /Thử quá nhiều lần/);
});

t.test('a citizen’s own dossiers, newest first', async (t) => {
  const h = await testApp(t);
  t.same((await h.request({ method: 'GET', url: '/api/portal/my-dossiers', as: 'congdan' })).json(), [], 'none yet');
  const first = await submitted(h);
  await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') }); // at the desk: not theirs online
  h.clock.advanceHours(1);
  const second = await submitted(h);
  const accepted = (
    await h.request({ method: 'POST', url: `/api/dossiers/${first.code}/receive`, as: 'canbo.phucxa', payload: {} })
  ).json();
  const mine = (await h.request({ method: 'GET', url: '/api/portal/my-dossiers', as: 'congdan' })).json();
  t.same(
    mine.map((d: { code: string }) => d.code),
    [second.code, first.code],
  );
  t.match(mine[1], {
    statusCode: 4,
    statusLabel: 'Đang xử lý',
    appointmentAt: accepted.appointmentAt,
    procedureName: 'Thủ tục đăng ký khai sinh',
    unitName: 'Phường Phúc Xá',
    rating: null,
  });
  t.match(mine[0], { statusCode: 1, appointmentAt: null });
  t.equal(
    (await h.request({ method: 'GET', url: '/api/portal/my-dossiers', as: 'canbo.phucxa' })).statusCode,
    403,
    'for citizens',
  );
  t.equal((await h.app.inject({ method: 'GET', url: '/api/portal/my-dossiers' })).statusCode, 401);
  await runToEnd(h, accepted);
});

t.test('a signed-in citizen follows their own dossier without typing the ID number, to the result', async (t) => {
  const h = await testApp(t);
  const online = await submitted(h);
  const mine = (code: string, as = 'congdan') =>
    h.request({ method: 'GET', url: `/api/portal/my-dossiers/${encodeURIComponent(code)}`, as });
  const first = await mine(online.code);
  t.equal(first.statusCode, 200, first.body);
  t.same(first.json(), (await track(h, online.code, CITIZEN.idNumber)).json(), 'what tracking by number shows');

  const accepted = (
    await h.request({ method: 'POST', url: `/api/dossiers/${online.code}/receive`, as: 'canbo.phucxa', payload: {} })
  ).json();
  await runToEnd(h, accepted);
  const labels = (await mine(online.code)).json().timeline.map((e: { label: string }) => e.label);
  t.same(labels.slice(-2), ['Đã có kết quả, mời nhận tại Phường Phúc Xá', 'Đã trả kết quả'], 'the result, and where');

  const atDesk = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  t.equal((await mine(atDesk.code)).statusCode, 404, 'a dossier not submitted by them is not found');
  t.equal((await mine('KHONGCO')).statusCode, 404);
  t.equal((await mine(online.code, 'canbo.phucxa')).statusCode, 403, 'for citizens');
});
