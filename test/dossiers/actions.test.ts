import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete } from '../helpers/drive.js';
import { receiptBody } from '../helpers/fixtures.js';

// The dossier says which actions its rules allow now and why the others are not; the routes refuse the same.
const open = (dossier: { actions: { action: string; allowed: boolean }[] }) =>
  dossier.actions.filter((a) => a.allowed).map((a) => a.action);
const why = (dossier: { actions: { action: string; reason: string | null }[] }, action: string) =>
  dossier.actions.find((a) => a.action === action)?.reason;
const get = async (h: TestApp, code: string) =>
  (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'canbo.phucxa' })).json();

t.test('what may be done to a dossier follows its status, with the reason for what may not', async (t) => {
  const h = await testApp(t);
  const received = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  t.same(open(received), ['supplement', 'obligation', 'stop', 'apology', 'withdraw'], 'in progress');
  t.equal(why(received, 'return'), 'Hồ sơ chưa xử lý xong, chưa thể trả kết quả.');
  t.equal(why(received, 'resume'), 'Hồ sơ không ở trạng thái tạm dừng.');

  const paused = await h.request({
    method: 'POST',
    url: `/api/dossiers/${received.code}/pause`,
    as: 'canbo.phucxa',
    payload: { kind: 'stop', reason: 'Chờ xác minh' },
  });
  t.equal(paused.statusCode, 200, paused.body);
  t.same(open(await get(h, received.code)), ['resume', 'apology', 'withdraw'], 'paused');

  // Waiting at receipt for documents: no appointment was given, so there is nothing to apologise for.
  const waiting = (
    await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: 'canbo.phucxa',
      payload: { ...receiptBody('1.001193'), outcome: 'supplement', missingItems: ['Giấy chứng sinh'] },
    })
  ).json();
  t.same(open(waiting), ['resume', 'withdraw'], 'waiting at receipt: accept once complete, or withdraw');
  t.match(why(waiting, 'apology'), /chưa có ngày hẹn trả kết quả/);
  const apology = await h.request({
    method: 'POST',
    url: `/api/dossiers/${waiting.code}/apology`,
    as: 'lanhdao.phucxa', // the leader signs it
    payload: { reason: 'Chậm', appointmentAt: '2018-11-30T10:00:00.000Z' },
  });
  t.equal(apology.statusCode, 409, 'the route refuses it alike');
  t.match(apology.json(), { code: 'cannot-apologise', detail: /chưa có ngày hẹn/ });

  // The result ready, its return still a step: the desk's step returns it, not the action.
  let dossier = await get(
    h,
    (
      await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
    ).json().code,
  );
  while (dossier.statusCode !== 9) dossier = await complete(h, dossier.tasks[0], dossier.tasks[0].outcomes[0]);
  t.same(open(dossier), ['obligation'], 'processed, the return step still open');
  dossier = await complete(h, dossier.tasks[0]);
  t.same(open(dossier), [], 'returned: nothing more');
});
