import t from 'tap';
import { parseDefinition } from '../../src/engine/definitions.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, receive } from '../helpers/drive.js';

/** 1.001193 sent back once by the signatory: review → signature (return) → review → signature (approve) → result. */
async function returnedOnce(h: TestApp) {
  let dossier = await receive(h, '1.001193');
  dossier = await complete(h, dossier.tasks[0]);
  dossier = await complete(h, dossier.tasks[0], 'return');
  dossier = await complete(h, dossier.tasks[0]);
  dossier = await complete(h, dossier.tasks[0], 'approve');
  return dossier;
}

/** The diagram with the "return" flow rerouted to the result desk: same ids, another path. */
async function reroutedXml(h: TestApp): Promise<string> {
  const { bpmn_xml } = await h.app.system.db
    .knex('procedure_versions')
    .where({ procedure_code: '1.001193', number: 1 })
    .first('bpmn_xml');
  const rerouted = bpmn_xml.replace(
    'sourceRef="QuyetDinh" targetRef="ThamDinh"',
    'sourceRef="QuyetDinh" targetRef="TraKetQua"',
  );
  if (rerouted === bpmn_xml) throw new Error('the flow to reroute was not found');
  return rerouted;
}

/** Sequence numbers of the recorded engine events of one kind at one element, in order. */
async function seqsOf(h: TestApp, code: string, type: string, elementId: string): Promise<number[]> {
  const id = (await h.app.system.db.knex('dossiers').where({ code }).first('id')).id;
  const rows = await h.app.system.db
    .knex('dossier_events')
    .where({ dossier_id: id, type })
    .orderBy('seq')
    .select('seq', 'payload');
  return rows
    .filter((r: { payload: string }) => JSON.parse(r.payload).elementId === elementId)
    .map((r: { seq: number }) => r.seq);
}

t.test('replay on a changed BPMN reports where it diverges from the record', async (t) => {
  const h = await testApp(t);
  const dossier = await returnedOnce(h);
  // The review is entered twice; the second time, through the flow that the change reroutes.
  const [, expectedSeq] = await seqsOf(h, dossier.code, 'engine.activity.start', 'ThamDinh');

  const candidate = await h.app.system.audit.replay(dossier.code, {
    definition: await parseDefinition(await reroutedXml(h)),
  });
  t.notOk(candidate.ok, 'a candidate diagram that reroutes the return cannot run this dossier');
  t.same(candidate.divergence, {
    seq: expectedSeq,
    expected: { type: 'engine.activity.start', elementId: 'ThamDinh' },
    actual: { type: 'engine.activity.start', elementId: 'TraKetQua' },
    message: 'Nhật ký ghi engine.activity.start tại ThamDinh, phát lại đi engine.activity.start tại TraKetQua.',
  });
  t.equal(candidate.steps.length, 2, 'the receipt and the first review replayed fine');

  // Someone with access to the database rewrites the stored diagram of the published version itself.
  const { knex, dialect } = h.app.system.db;
  await t.rejects(
    knex('procedure_versions')
      .where({ procedure_code: '1.001193', number: 1 })
      .update({ bpmn_xml: await reroutedXml(h) }),
    /cannot change its diagram/,
    'the database refuses it',
  );
  await knex.raw(
    dialect === 'postgres'
      ? 'DROP TRIGGER procedure_versions_immutable ON procedure_versions'
      : 'DROP TRIGGER procedure_versions_immutable',
  );
  await knex('procedure_versions')
    .where({ procedure_code: '1.001193', number: 1 })
    .update({ bpmn_xml: await reroutedXml(h) });
  const replay = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })
  ).json();
  t.notOk(replay.ok);
  t.notOk(replay.bpmnUnchanged, 'the stored BPMN no longer has the hash the history was recorded under');
  t.equal(replay.divergence.seq, expectedSeq, 'divergence at the step the flow was rerouted');
});

t.test('a diagram change that adds a start node is caught at the receipt', async (t) => {
  const h = await testApp(t);
  const dossier = await returnedOnce(h);
  const { bpmn_xml } = await h.app.system.db
    .knex('procedure_versions')
    .where({ procedure_code: '1.001193', number: 1 })
    .first('bpmn_xml');
  // Rerouting the approval leaves the result desk without an incoming flow: the engine then starts there too.
  const changed = await parseDefinition(
    bpmn_xml.replace('sourceRef="QuyetDinh" targetRef="TraKetQua"', 'sourceRef="QuyetDinh" targetRef="KetThuc"'),
  );
  const replay = await h.app.system.audit.replay(dossier.code, { definition: changed });
  t.match(replay.divergence, { expected: null, actual: { type: 'engine.activity.start', elementId: 'TraKetQua' } });
  t.equal(replay.steps.length, 0);
});

t.test('the state at any event of the history', async (t) => {
  const h = await testApp(t);
  let dossier = await receive(h, '1.001193');
  h.clock.advanceHours(1);
  dossier = await complete(h, dossier.tasks[0]);
  const afterReview = dossier.version;
  h.clock.advanceHours(2);
  dossier = await complete(h, dossier.tasks[0], 'return');

  const full = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })).json();
  t.ok(full.ok);
  t.same(
    full.steps.map((s: { kind: string; activityId: string | null }) => [s.kind, s.activityId]),
    [
      ['received', null],
      ['completed', 'ThamDinh'],
      ['completed', 'KyDuyet'],
    ],
  );
  t.match(
    full.steps[1],
    { timeSpentMinutes: 60, onTime: true, tokens: ['KyDuyet'], statusCode: 4, actor: { unitCode: '00001' } },
    'time spent in working minutes, on time',
  );
  t.match(full.steps[2], {
    outcome: 'return',
    timeSpentMinutes: 120,
    path: ['Flow_KyDuyet_QuyetDinh', 'QuyetDinh', 'Flow_TraLai', 'ThamDinh'],
    tokens: ['ThamDinh'],
  });
  t.same(full.state.tokens, ['ThamDinh']);

  const at = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay?at=${afterReview}`, as: 'thanhtra' })
  ).json();
  t.equal(at.steps.length, 2, 'steps up to the event asked for');
  t.same(at.state, { seq: afterReview, tokens: ['KyDuyet'], statusCode: 4 }, 'the token waits at the signature');
  const start = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay?at=1`, as: 'thanhtra' })
  ).json();
  t.same(start.state, { seq: 1, tokens: ['ThamDinh'], statusCode: 4 }, 'right after receipt');
});

t.test('replay of a dossier in flight ends where its open tasks are', async (t) => {
  const h = await testApp(t);
  for (const code of ['1.013236', '2.000528']) {
    let dossier = await receive(h, code);
    dossier = await complete(h, dossier.tasks[0], dossier.tasks[0].outcomes[0]);
    const replay = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })
    ).json();
    t.ok(replay.ok, `${code}: replay ok`);
    t.same(
      replay.state.tokens,
      dossier.tasks.map((task: { activityId: string }) => task.activityId),
    );
  }
});
