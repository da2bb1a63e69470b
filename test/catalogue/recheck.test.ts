import t from 'tap';
import { buildApp } from '../../src/app.js';
import { ADMIN_PASSWORD, testApp, type TestApp } from '../helpers/app.js';
import { BIRTH } from '../helpers/bpmn-corpus.js';
import { receiptBody } from '../helpers/fixtures.js';

// Stored before the rules refused it: the condition after the leader's signature reaches for Function.
const HOSTILE = BIRTH.replace(
  "${environment.services.outcomeIs(environment.variables.outcome,'approve')}",
  "x${environment.services.outcomeIs.constructor('return 1')}",
);

const receive = (h: TestApp, procedureCode: string) =>
  h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), procedureCode },
  });

t.test(
  'versions stored before the safety rules are checked again at start: one that fails is blocked and its dossiers wait',
  async (t) => {
    const h = await testApp(t);
    const { knex } = h.app.system.db;
    const manifest = {
      code: '9.300001',
      name: 'Thủ tục thử đã lưu',
      field: 'Thử',
      levels: ['xa'],
      departmentCode: null,
      ownerCode: 'STP',
      agency: null,
      timeLimit: { hours: 8, text: '1 ngày' },
      fee: null,
      onlineLevel: null,
      documents: [],
      formSchema: null,
    };
    await knex.transaction((trx) => h.app.system.catalogue.addPublished(trx, manifest, HOSTILE, h.clock.now()));
    const inFlight = (await receive(h, '9.300001')).json();
    t.equal(inFlight.statusCode, 4, 'a dossier was received on it before');

    // The rules of this release have not looked at it yet: as after an upgrade, the next start checks it.
    await knex('settings').where({ key: 'safety-rules:checked' }).delete();
    const restarted = await buildApp({ databaseUrl: h.databaseUrl, adminPassword: ADMIN_PASSWORD, clock: h.clock.now });
    t.teardown(() => restarted.close());
    const as = async (username: string) =>
      `Bearer ${(await restarted.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: username === 'admin' ? ADMIN_PASSWORD : 'motcua2018' } })).json().token}`;
    const call = async (username: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      restarted.inject({
        method,
        url,
        headers: { authorization: await as(username) },
        ...(payload ? { payload } : {}),
      });

    const refused = await call('canbo.phucxa', 'POST', '/api/dossiers', {
      ...receiptBody('1.001193'),
      procedureCode: '9.300001',
    });
    t.equal(refused.statusCode, 409, 'the blocked version takes no new dossier');
    t.equal(refused.json().code, 'version-blocked');
    const held = await call('canbo.phucxa', 'POST', `/api/tasks/${inFlight.tasks[0].id}/complete`, {});
    t.equal(held.statusCode, 409, 'its dossier in flight does not run it');
    t.equal(held.json().code, 'version-blocked');
    t.match(
      (await call('canbo.phucxa', 'GET', `/api/dossiers/${inFlight.code}`)).json(),
      { statusCode: 4, tasks: [{ id: inFlight.tasks[0].id }] },
      'and waits where it was',
    );

    const seen = (await call('vpubnd', 'GET', '/api/incidents?open=true')).json() as {
      id: number;
      kind: string;
      procedureCode: string;
      versionNumber: number;
      dossierCode: string | null;
      detail: { findings?: { rule: string; elementId: string }[] };
    }[];
    const block = seen.find((i) => i.kind === 'version-blocked');
    t.match(block, { procedureCode: '9.300001', versionNumber: 1, dossierCode: null }, 'VPUBND is alerted');
    t.ok(
      block?.detail.findings?.some((f) => f.rule === 'motcua/supported-conditions' && f.elementId === 'Flow_DongY'),
      'with the finding that blocks it',
    );
    t.ok(
      seen.some((i) => i.kind === 'dossier-held' && i.dossierCode === inFlight.code),
      'and the held dossier',
    );
    t.ok(
      ((await call('modeler.stp', 'GET', '/api/incidents')).json() as { kind: string }[]).some(
        (i) => i.kind === 'version-blocked',
      ),
      'so is the department that owns it',
    );
    t.match(
      (await call('canbo.phucxa', 'GET', '/api/incidents')).json(),
      [{ kind: 'dossier-held', dossierCode: inFlight.code }],
      'the unit sees its held dossier',
    );
    t.same((await call('canbo.badinh', 'GET', '/api/incidents')).json(), [], 'another unit sees nothing');
    t.equal(
      (await call('vpubnd', 'POST', `/api/incidents/${block!.id}/resolve`)).statusCode,
      404,
      'a block is not lifted by hand',
    );
    t.equal(
      (await call('canbo.phucxa', 'POST', '/api/dossiers', receiptBody('1.001193'))).statusCode,
      201,
      'the shipped procedures go on',
    );

    // The way out: a corrected version, uploaded, submitted and published by two people, takes dossiers again.
    const draft = await restarted.inject({
      method: 'POST',
      url: '/api/procedures/9.300001/versions',
      headers: { authorization: await as('modeler.stp'), 'content-type': 'application/xml' },
      payload: BIRTH,
    });
    t.equal(draft.statusCode, 201);
    t.equal((await call('modeler.stp', 'POST', '/api/procedures/9.300001/versions/2/submit')).statusCode, 200);
    t.equal((await call('vpubnd', 'POST', '/api/procedures/9.300001/versions/2/publish', {})).statusCode, 200);
    t.equal(
      (await call('canbo.phucxa', 'POST', '/api/dossiers', { ...receiptBody('1.001193'), procedureCode: '9.300001' }))
        .statusCode,
      201,
      'the corrected version receives',
    );
  },
);

t.test('a version that passes the rules in force is not blocked, and a new database needs no check', async (t) => {
  const h = await testApp(t);
  t.equal(
    (await h.app.system.db.knex('settings').where({ key: 'safety-rules:checked' }).first('value'))?.value !== undefined,
    true,
    'the seed marks its shipped versions checked',
  );
  t.same((await h.request({ method: 'GET', url: '/api/incidents', as: 'vpubnd' })).json(), []);
});
