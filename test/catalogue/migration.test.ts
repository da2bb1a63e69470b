import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, receive } from '../helpers/drive.js';
import { BIRTH } from '../helpers/bpmn-corpus.js';

/** Version 2 of birth registration: the signing step is now “PheDuyet”, with an hour less. */
const BIRTH_V2 = BIRTH.replaceAll('KyDuyet', 'PheDuyet').replace(
  'mc:role="leader" mc:unitLevel="xa" mc:budget="PT3H"',
  'mc:role="leader" mc:unitLevel="xa" mc:budget="PT2H"',
);

async function publishV2(h: TestApp) {
  await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions',
    as: 'modeler.stp',
    payload: BIRTH_V2,
    headers: { 'content-type': 'application/xml' },
  });
  await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions/2/submit',
    as: 'modeler.stp',
    payload: {},
  });
  return h.request({ method: 'POST', url: '/api/procedures/1.001193/versions/2/publish', as: 'vpubnd', payload: {} });
}

const migrate = (h: TestApp, body: object, as = 'vpubnd') =>
  h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/migrations',
    as,
    payload: { fromVersion: 1, toVersion: 2, ...body },
  });

t.test(
  'a dry run says which dossiers would move and why others cannot; the real run moves them, recorded and replayable',
  async (t) => {
    const h = await testApp(t);
    const reviewing = await receive(h, '1.001193');
    const signing = await complete(h, (await receive(h, '1.001193')).tasks[0]);
    const paused = await receive(h, '1.001193');
    t.equal(
      (
        await h.request({
          method: 'POST',
          url: `/api/dossiers/${paused.code}/pause`,
          as: 'canbo.phucxa',
          payload: { kind: 'supplement', reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] },
        })
      ).statusCode,
      200,
    );
    t.equal((await publishV2(h)).statusCode, 200);

    const unmapped = (await migrate(h, { activityMap: {} })).json();
    t.match(
      unmapped,
      { dryRun: true, moved: [{ code: reviewing.code, from: ['ThamDinh'], to: ['ThamDinh'] }] },
      'a step kept under its id needs no entry',
    );
    t.same(unmapped.cannot.map((c: { code: string }) => c.code).sort(), [signing.code, paused.code].sort());
    t.match(
      unmapped.cannot.find((c: { code: string }) => c.code === signing.code).reason,
      /Bước “KyDuyet” đang chờ không có trong ánh xạ/,
    );
    t.match(unmapped.cannot.find((c: { code: string }) => c.code === paused.code).reason, /tạm dừng/);
    t.match(
      (await migrate(h, { activityMap: { KyDuyet: 'KetThuc' } })).json().cannot,
      [{ code: signing.code, reason: /không phải bước xử lý/ }],
      'only to a task of the new version',
    );
    const dry = (await migrate(h, { activityMap: { KyDuyet: 'PheDuyet' } })).json();
    t.same(
      dry.moved.map((m: { to: string[] }) => m.to),
      [['ThamDinh'], ['PheDuyet']],
    );
    t.equal(
      (await h.request({ method: 'GET', url: `/api/dossiers/${signing.code}`, as: 'canbo.phucxa' })).json()
        .procedureVersion,
      1,
      'a dry run changes nothing',
    );

    t.equal(
      (await migrate(h, { activityMap: { KyDuyet: 'PheDuyet' }, dryRun: false }, 'modeler.stp')).statusCode,
      403,
      'VPUBND moves dossiers',
    );
    h.clock.advanceHours(1);
    const real = (
      await migrate(h, {
        activityMap: { KyDuyet: 'PheDuyet' },
        dossiers: [signing.code, 'H26.99999-000000-0000'],
        dryRun: false,
      })
    ).json();
    t.match(
      real,
      {
        dryRun: false,
        moved: [{ code: signing.code, from: ['KyDuyet'], to: ['PheDuyet'] }],
        cannot: [{ code: 'H26.99999-000000-0000' }],
      },
      'only the dossiers chosen',
    );
    const moved = (
      await h.request({ method: 'GET', url: `/api/dossiers/${signing.code}`, as: 'lanhdao.phucxa' })
    ).json();
    t.match(moved, { procedureVersion: 2, tasks: [{ activityId: 'PheDuyet', role: 'leader' }] });
    t.equal(
      (await h.request({ method: 'GET', url: `/api/dossiers/${reviewing.code}`, as: 'canbo.phucxa' })).json()
        .procedureVersion,
      1,
      'the others stay',
    );

    const history = (
      await h.request({ method: 'GET', url: `/api/dossiers/${signing.code}/history`, as: 'thanhtra' })
    ).json();
    t.ok(
      history.some(
        (e: { type: string; label: string }) =>
          e.type === 'dossier.migrated' && e.label === 'Chuyển hồ sơ từ phiên bản 1 sang phiên bản 2 của quy trình',
      ),
      'the move is in the dossier’s history',
    );
    const signingSteps = history.filter((e: { label: string }) =>
      e.label.startsWith('Chuyển bước “Chủ tịch UBND cấp xã ký Giấy khai sinh”'),
    );
    t.equal(
      signingSteps.length,
      2,
      'the signing step of version 1 (KyDuyet) and of version 2 (PheDuyet), each by its name',
    );
    let dossier = moved;
    while (dossier.tasks.length) dossier = await complete(h, dossier.tasks[0], dossier.tasks[0].outcomes[0]);
    t.match(dossier, { statusCode: 10, procedureVersion: 2 }, 'and it finishes on version 2');
    t.match((await h.request({ method: 'GET', url: `/api/dossiers/${signing.code}/replay`, as: 'thanhtra' })).json(), {
      ok: true,
    });
    t.match(
      (await h.request({ method: 'GET', url: `/api/dossiers/${signing.code}/audit/verify`, as: 'thanhtra' })).json(),
      { ok: true },
    );
    t.equal(
      (await migrate(h, { activityMap: {}, dossiers: [signing.code], dryRun: false })).json().cannot.length,
      1,
      'a dossier moves once',
    );
  },
);

t.test('a migration needs a published target', async (t) => {
  const h = await testApp(t);
  await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions',
    as: 'modeler.stp',
    payload: BIRTH_V2,
    headers: { 'content-type': 'application/xml' },
  });
  t.match((await migrate(h, { activityMap: {} })).json(), { status: 409, code: 'target-not-published' });
  t.match((await migrate(h, { activityMap: {}, toVersion: 9 })).json(), { status: 404, code: 'unknown-version' });
});
