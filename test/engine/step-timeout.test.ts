import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';
import { forcePublished, jammingDiagrams } from '../helpers/hostile-bpmn.js';

const receive = (h: TestApp, procedureCode: string) =>
  h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), procedureCode, ...(procedureCode === '1.001193' ? {} : { data: {} }) },
  });

const diagram = (name: string) => jammingDiagrams().find((d) => d.name === name)!.xml;

t.test('an engine step that runs too long is stopped and recorded while other dossiers advance', async (t) => {
  const h = await testApp(t, { engineStepTimeoutMs: 6000 });
  await forcePublished(h, '9.200001', diagram('a gateway that loops back on itself'));
  t.equal((await h.request({ method: 'GET', url: '/api/health' })).json().engine, 'ok', 'the engine answers');
  // Parsed beforehand (as any version in use is), so that the receipt's step is the first job of the engine thread.
  await h.app.system.catalogue.definitionOf(
    (await h.app.system.catalogue.versionInForce('9.200001', h.clock.now())).id,
  );
  await h.login('canbo.phucxa');

  // The jam, a shipped receipt and a health check at once: only the jammed step fails.
  const [jammed, shipped, health] = await Promise.all([
    receive(h, '9.200001'),
    new Promise((r) => setTimeout(r, 500)).then(() => receive(h, '1.001193')),
    new Promise((r) => setTimeout(r, 3500)).then(() => h.request({ method: 'GET', url: '/api/health' })),
  ]);
  t.equal(jammed.statusCode, 422, 'the jammed receipt fails');
  t.equal(jammed.json().code, 'process-step-timeout');
  t.match(jammed.json().detail, /quá thời gian cho phép/);
  t.equal(shipped.statusCode, 201, 'a shipped procedure received meanwhile goes on, on a new engine thread');
  t.equal(health.statusCode, 503, '/api/health says the engine does not answer while it is held');
  t.equal(health.json().engine, 'unresponsive');
  t.equal(
    await h.app.system.db
      .knex('dossiers')
      .where({ procedure_code: '9.200001' })
      .count({ n: '*' })
      .first()
      .then((r) => Number(r!.n)),
    0,
    'nothing stored for it',
  );
  t.equal(
    (await h.request({ method: 'GET', url: '/api/health' })).statusCode,
    200,
    'and answers again once the step is stopped',
  );

  await forcePublished(h, '9.200002', diagram('a service task looping a billion times after the review'));
  const dossier = (await receive(h, '9.200002')).json();
  t.equal(dossier.statusCode, 4, 'received: the loop comes after the first task');
  const done = await h.request({
    method: 'POST',
    url: `/api/tasks/${dossier.tasks[0].id}/complete`,
    as: 'canbo.phucxa',
    payload: {},
  });
  t.equal(done.statusCode, 422);
  t.equal(done.json().code, 'process-step-timeout');
  const after = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' })).json();
  t.match(after.tasks, [{ id: dossier.tasks[0].id }], 'the dossier still waits at its task: the step wrote nothing');

  const incidents = (await h.request({ method: 'GET', url: '/api/incidents?open=true', as: 'canbo.phucxa' })).json();
  t.match(
    incidents,
    [{ kind: 'step-timeout', dossierCode: dossier.code, procedureCode: '9.200002' }],
    'the unit sees the incident of its dossier',
  );
  const all = (await h.request({ method: 'GET', url: '/api/incidents', as: 'vpubnd' })).json() as {
    kind: string;
    procedureCode: string;
  }[];
  t.ok(
    all.some((i) => i.kind === 'step-timeout' && i.procedureCode === '9.200001'),
    'VPUBND sees the failed receipt too',
  );
  t.equal((await receive(h, '1.001193')).statusCode, 201, 'and the city goes on');
});
