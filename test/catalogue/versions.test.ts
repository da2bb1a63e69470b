import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { BIRTH, BIRTH_V2 } from '../helpers/bpmn-corpus.js';
import { complete, receive } from '../helpers/drive.js';

async function upload(h: TestApp, as: string, xml: string, code = '1.001193') {
  return h.request({
    method: 'POST',
    url: `/api/procedures/${code}/versions`,
    as,
    payload: xml,
    headers: { 'content-type': 'application/xml' },
  });
}

const post = (h: TestApp, as: string, url: string, payload: object = {}) =>
  h.request({ method: 'POST', url, as, payload });

t.test(
  'a department models, submits; VPUBND publishes; the new version takes the new dossiers, the old ones finish on theirs',
  async (t) => {
    const h = await testApp(t);
    const before = await receive(h, '1.001193');
    t.equal(before.procedureVersion, 1);

    t.equal((await upload(h, 'canbo.phucxa', BIRTH_V2)).statusCode, 403, 'officers do not model');
    const stranger = await upload(h, 'modeler.stp', BIRTH_V2, '1.013236');
    t.equal(stranger.statusCode, 403, 'Sở Tư pháp does not model Sở Xây dựng’s procedures');
    t.match(stranger.json().detail, /không thuộc đơn vị hoặc cấp của bạn/);

    const draft = await upload(h, 'modeler.stp', BIRTH_V2);
    t.equal(draft.statusCode, 201, 'the owner department uploads a draft');
    t.match(draft.json(), { number: 2, status: 'draft', inForce: false, findings: Array });
    t.notOk(
      draft.json().findings.some((f: { severity: string }) => f.severity === 'error'),
      'without errors',
    );

    const submitted = await post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/submit');
    t.match(submitted.json(), { status: 'submitted', submittedBy: Number });
    t.equal(
      (
        await h.request({
          method: 'PUT',
          url: '/api/procedures/1.001193/versions/2',
          as: 'modeler.stp',
          payload: BIRTH,
          headers: { 'content-type': 'application/xml' },
        })
      ).statusCode,
      409,
      'a submitted version is frozen',
    );
    t.equal(
      (await post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/publish')).statusCode,
      403,
      'modelers do not publish',
    );

    h.clock.advanceHours(1);
    const published = await post(h, 'vpubnd', '/api/procedures/1.001193/versions/2/publish');
    t.equal(published.statusCode, 200);
    t.match(published.json(), {
      status: 'published',
      inForce: true,
      validFrom: h.clock.now().toISOString(),
      publishedBy: Number,
    });
    const list = (await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions', as: 'thanhtra' })).json();
    t.match(list, [
      { number: 1, status: 'retired', inForce: false, validTo: h.clock.now().toISOString() },
      { number: 2, status: 'published', inForce: true },
    ]);
    t.match((await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json().version, { number: 2 });

    const after = await receive(h, '1.001193');
    t.equal(after.procedureVersion, 2, 'a new dossier binds to the version in force');
    t.equal(
      after.tasks[0].dueAt,
      new Date(h.clock.now().getTime() + 2 * 3_600_000).toISOString(),
      'with its 2-hour review',
    );
    let old = before;
    while (old.tasks.length) old = await complete(h, old.tasks[0], old.tasks[0].outcomes[0]);
    t.match(old, { statusCode: 10, procedureVersion: 1 }, 'the dossier received before finishes on version 1');
    t.ok((await h.request({ method: 'GET', url: `/api/dossiers/${old.code}/replay`, as: 'thanhtra' })).json().ok);

    const bpmn = await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193/versions/2/bpmn' });
    t.equal(bpmn.headers['content-type'], 'application/xml; charset=utf-8');
    t.equal(bpmn.body, BIRTH_V2, 'a published diagram is public');
    await t.rejects(
      h.app.system.db
        .knex('procedure_versions')
        .where({ procedure_code: '1.001193', number: 2 })
        .update({ bpmn_xml: BIRTH }),
      /cannot change its diagram/,
      'the database keeps a published diagram as it is',
    );

    const diff = (
      await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions/1/diff/2', as: 'modeler.stp' })
    ).json();
    t.same(diff.changed, [
      {
        id: 'ThamDinh',
        type: 'bpmn:UserTask',
        name: 'Thẩm định hồ sơ, dự thảo Giấy khai sinh',
        changes: [{ attribute: 'budget', before: 'PT3H', after: 'PT2H' }],
      },
    ]);
    t.same([diff.added, diff.removed], [[], []]);
  },
);

t.test(
  'rejected back to draft with a reason; errors block submission; a file upload; drafts stay private',
  async (t) => {
    const h = await testApp(t);
    const broken = BIRTH.replace(' mc:role="leader"', '');
    const form = new FormData();
    form.append('file', new Blob([broken], { type: 'application/octet-stream' }), 'khai-sinh.bpmn');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const draft = await h.request({
      method: 'POST',
      url: '/api/procedures/1.001193/versions',
      as: 'modeler.stp',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type')! },
    });
    t.equal(draft.statusCode, 201, 'a multipart upload');
    const errors = draft.json().findings.filter((f: { severity: string }) => f.severity === 'error');
    t.match(errors, [
      {
        rule: 'motcua/human-task-attributes',
        elementId: 'KyDuyet',
        severity: 'error',
        message: /chưa có vai trò thực hiện/,
      },
    ]);
    t.equal(errors.length, 1);
    const refused = await post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/submit');
    t.equal(refused.statusCode, 422, 'a draft with errors is not submitted');
    t.match(refused.json(), { code: 'bpmn-has-errors', findings: [{ rule: 'motcua/human-task-attributes' }] });

    t.equal(
      (await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193/versions/2/bpmn' })).statusCode,
      404,
      'a draft is not public',
    );
    const fixed = await h.request({
      method: 'PUT',
      url: '/api/procedures/1.001193/versions/2',
      as: 'modeler.stp',
      payload: BIRTH_V2,
      headers: { 'content-type': 'text/xml' },
    });
    t.equal(
      fixed.json().findings.filter((f: { severity: string }) => f.severity === 'error').length,
      0,
      'the editor saves a fixed diagram',
    );
    await post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/submit');
    const rejected = await post(h, 'vpubnd', '/api/procedures/1.001193/versions/2/reject', {
      reason: 'Thời hạn thẩm định chưa khớp quy chế nội bộ',
    });
    t.match(rejected.json(), { status: 'draft', rejectedReason: 'Thời hạn thẩm định chưa khớp quy chế nội bộ' });
    t.equal(
      (await post(h, 'vpubnd', '/api/procedures/1.001193/versions/2/publish')).statusCode,
      409,
      'only a submitted version is published',
    );
    t.equal(
      (await post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/submit')).json().status,
      'submitted',
      'submitted again after the fix',
    );
  },
);

t.test('two modelers racing to submit: one submission at a time', async (t) => {
  const h = await testApp(t);
  await h.user('modeler2.stp', 'STP', ['modeler']);
  t.equal((await upload(h, 'modeler.stp', BIRTH_V2)).statusCode, 201);
  t.equal((await upload(h, 'modeler2.stp', BIRTH_V2.replace('PT2H', 'PT1H'))).statusCode, 201);
  const [a, b] = await Promise.all([
    post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/submit'),
    post(h, 'modeler2.stp', '/api/procedures/1.001193/versions/3/submit'),
  ]);
  t.same([a.statusCode, b.statusCode].sort(), [200, 409]);
  t.equal([a, b].find((r) => r.statusCode === 409)!.json().code, 'another-version-submitted');
  const same = await Promise.all(
    [1, 2, 3].map(() => post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/submit')),
  );
  t.ok(
    same.every((r) => r.statusCode === 409),
    'and nothing submitted twice',
  );
});

t.test('a publication in the future, and one after its validity date', async (t) => {
  const h = await testApp(t);
  for (const xml of [BIRTH_V2, BIRTH_V2.replace('mc:budget="PT3H">', 'mc:budget="PT2H">')]) {
    const n = (await upload(h, 'modeler.stp', xml)).json().number;
    await post(h, 'modeler.stp', `/api/procedures/1.001193/versions/${n}/submit`);
    if (n === 2) {
      const next = new Date('2018-11-26T00:00:00+07:00').toISOString();
      const scheduled = (
        await post(h, 'vpubnd', '/api/procedures/1.001193/versions/2/publish', { validFrom: next })
      ).json();
      t.match(
        scheduled,
        { status: 'published', inForce: false, validFrom: next },
        'published to take effect next Monday',
      );
      t.equal((await receive(h, '1.001193')).procedureVersion, 1, 'until then version 1 is in force');
      h.clock.set('2018-11-26T09:00:00+07:00');
      t.equal((await receive(h, '1.001193')).procedureVersion, 2, 'from Monday version 2');
    } else {
      const late = (
        await post(h, 'vpubnd', `/api/procedures/1.001193/versions/${n}/publish`, {
          validFrom: new Date('2018-11-20T00:00:00+07:00').toISOString(),
        })
      ).json();
      t.equal(
        late.validFrom,
        h.clock.now().toISOString(),
        'a validity date already past takes effect now: dossiers received meanwhile keep their version',
      );
    }
  }
  t.match((await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions', as: 'vpubnd' })).json(), [
    { status: 'retired' },
    { status: 'retired' },
    { status: 'published', inForce: true },
  ]);
});

t.test(
  'a modeler’s workbench lists only the procedures they may model; VPUBND sees every submission awaiting it',
  async (t) => {
    const h = await testApp(t);
    const bench = (as: string) => h.request({ method: 'GET', url: '/api/modelling/procedures', as });
    const mine = (await bench('modeler.stp')).json() as {
      code: string;
      ownerCode: string | null;
      departmentCode: string | null;
      versions: { number: number; status: string; inForce: boolean }[];
    }[];
    t.ok(
      mine.some((p) => p.code === '1.001193'),
      'Sở Tư pháp models birth registration',
    );
    t.notOk(
      mine.some((p) => p.code === '1.013236' || p.code === '1.000270'),
      'but not the procedures Sở Xây dựng or Sở GD&ĐT receive',
    );
    t.match(mine.find((p) => p.code === '1.001193')!.versions, [{ number: 1, status: 'published', inForce: true }]);
    t.notOk('findings' in mine[0]!.versions[0]!, 'versions come without findings');
    const all = (await bench('vpubnd')).json() as unknown[];
    t.ok(all.length > mine.length, 'VPUBND sees every procedure');
    t.equal((await bench('canbo.phucxa')).statusCode, 403, 'officers have no workbench');

    t.equal((await upload(h, 'modeler.stp', BIRTH_V2)).statusCode, 201);
    const awaiting = () => h.request({ method: 'GET', url: '/api/versions?status=submitted', as: 'vpubnd' });
    t.same((await awaiting()).json(), [], 'a draft awaits nobody');
    await post(h, 'modeler.stp', '/api/procedures/1.001193/versions/2/submit');
    t.match((await awaiting()).json(), [
      { procedureCode: '1.001193', procedureName: String, number: 2, status: 'submitted', findings: Array },
    ]);
    t.match(
      (await h.request({ method: 'GET', url: '/api/versions?status=submitted', as: 'modeler.stp' })).json(),
      [{ number: 2 }],
      'the modeler sees their own submission',
    );
    t.equal((await h.request({ method: 'GET', url: '/api/versions?status=pending', as: 'vpubnd' })).statusCode, 400);
    await post(h, 'vpubnd', '/api/procedures/1.001193/versions/2/publish');
    t.same((await awaiting()).json(), [], 'published: no longer awaiting');
    t.match((await h.request({ method: 'GET', url: '/api/versions?status=retired', as: 'vpubnd' })).json(), [
      { procedureCode: '1.001193', number: 1, status: 'retired' },
    ]);
  },
);
