import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { todayReceiptBody } from '../helpers/fixtures.js';

// The request for extension (Mẫu 04) and the stop notice (Mẫu 05) under the rules in force: what the rules forbid is
// refused with a clear 4xx and changes nothing; what they allow is in the history and on the forms.
const TODAY = '2026-12-02T09:00:00+07:00';
const PERMIT = '1.013236'; // 20 working days at Sở Xây dựng

async function post(h: TestApp, url: string, payload: object, as = 'lanhdao.sxd') {
  return h.request({ method: 'POST', url, as, payload });
}
async function get(h: TestApp, code: string) {
  return (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'canbo.sxd' })).json();
}
async function receive(h: TestApp) {
  const res = await post(h, '/api/dossiers', todayReceiptBody(PERMIT), 'canbo.sxd');
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}
const apology = (appointmentAt: string) => ({ reason: 'Cần lấy ý kiến Sở Quy hoạch - Kiến trúc', appointmentAt });

t.test('an extension: signed by a leader, once, no later than a working day before the due time', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const dossier = await receive(h);
  const url = `/api/dossiers/${dossier.code}/apology`;
  const later = new Date(Date.parse(dossier.dueAt) + 5 * 86_400_000).toISOString();

  const officer = await post(h, url, apology(later), 'canbo.sxd');
  t.equal(officer.statusCode, 403, 'an officer does not sign it');
  t.match(officer.json().detail, /lãnh đạo/);
  t.equal((await get(h, dossier.code)).version, dossier.version, 'nothing changed');

  h.clock.advanceHours(2);
  const first = await post(h, url, apology(later));
  t.equal(first.statusCode, 200, first.body);
  t.match(first.json(), { appointmentAt: later, dueAt: dossier.dueAt, extensionCount: 1 }, 'the due time stands');
  const history = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.sxd' })
  ).json();
  t.ok(
    history.some((e: { label: string }) => e.label.includes('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết')),
  );
  const slip = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/forms`, as: 'canbo.sxd' })).json();
  t.ok(
    slip.some((f: { kind: string }) => f.kind === 'apology'),
    'the letter is issued',
  );

  const second = await post(h, url, apology(new Date(Date.parse(later) + 86_400_000).toISOString()));
  t.equal(second.statusCode, 409, 'not twice');
  t.match(second.json(), { code: 'cannot-apologise', detail: /đã được gia hạn 1 lần/ });
  const after = await get(h, dossier.code);
  t.equal(after.appointmentAt, later, 'the appointment stays');
  t.match(
    after.actions.find((a: { action: string }) => a.action === 'apology'),
    { allowed: false },
  );
});

t.test('an extension too late, or further than the rules allow, is refused', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const rules: object = (await h.request({ method: 'GET', url: '/api/settings', as: 'admin' })).json();
  const admin = await h.request({
    method: 'PUT',
    url: '/api/settings',
    as: 'admin',
    payload: { ...rules, extensionMaxWorkingDays: 5 },
  });
  t.equal(admin.statusCode, 200, admin.body);
  const dossier = await receive(h);
  const url = `/api/dossiers/${dossier.code}/apology`;

  const far = new Date(Date.parse(dossier.dueAt) + 30 * 86_400_000).toISOString();
  const tooLong = await post(h, url, apology(far));
  t.equal(tooLong.statusCode, 422);
  t.match(tooLong.json(), { code: 'extension-too-long', detail: /không được quá 5 ngày làm việc/ });

  h.clock.set(new Date(Date.parse(dossier.dueAt) - 2 * 3_600_000).toISOString()); // two working hours before
  const late = await post(h, url, apology(new Date(Date.parse(dossier.dueAt) + 86_400_000).toISOString()));
  t.equal(late.statusCode, 409);
  t.match(late.json(), { code: 'extension-too-late', detail: /chậm nhất 8 giờ làm việc trước hạn giải quyết/ });
  t.match(await get(h, dossier.code), { appointmentAt: dossier.appointmentAt, extensionCount: 0 }, 'nothing changed');
});

t.test('a stop notice ends the handling: its steps are cancelled, it is never resumed', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const dossier = await receive(h);
  const url = `/api/dossiers/${dossier.code}/pause`;
  const reason = 'Chủ đầu tư đề nghị dừng để điều chỉnh thiết kế';

  const groundless = await post(h, url, { kind: 'stop', reason }, 'canbo.sxd');
  t.equal(groundless.statusCode, 400);
  t.match(groundless.json(), { code: 'ground-required', detail: /căn cứ pháp lý/ });
  t.equal((await get(h, dossier.code)).version, dossier.version, 'nothing changed');

  const stop = await post(h, url, { kind: 'stop', reason, ground: 'đơn đề nghị ngày 02/12/2026' }, 'canbo.sxd');
  t.equal(stop.statusCode, 200, stop.body);
  const stopped = stop.json();
  t.match(stopped, { statusCode: 8, tasks: [] }, 'stopped, with no open step');
  t.same(
    stopped.actions.filter((a: { allowed: boolean }) => a.allowed),
    [],
    'nothing more may be done',
  );
  t.match(stopped.actions.find((a: { action: string }) => a.action === 'resume').reason, /không tiếp tục giải quyết/);
  const inbox = await h.request({ method: 'GET', url: '/api/tasks', as: 'canbo.sxd' });
  t.same(inbox.json(), [], 'out of every inbox');

  for (const [action, body] of [
    ['resume', {}],
    ['withdraw', { reason: 'x' }],
    ['apology', apology('2027-02-01T02:00:00.000Z')],
  ] as const) {
    const res = await post(h, `/api/dossiers/${dossier.code}/${action}`, body);
    t.equal(res.statusCode, 409, `${action} is refused`);
  }
  t.equal((await get(h, dossier.code)).version, stopped.version, 'and changes nothing');
});
