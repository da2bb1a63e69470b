import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete } from '../helpers/drive.js';
import { receiptBody } from '../helpers/fixtures.js';

// A review that goes to the leader by itself when not done within two hours: an interrupting boundary timer.
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="https://motcua.hanoi.gov.vn/schema/bpmn/1.0" id="d" targetNamespace="x">
  <process id="TimedReview" isExecutable="true">
    <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="review" />
    <userTask id="review" name="Cán bộ xem xét" mc:role="officer" mc:unitLevel="xa" mc:budget="PT4H" />
    <boundaryEvent id="tooSlow" name="Quá 2 giờ" attachedToRef="review"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></boundaryEvent>
    <sequenceFlow id="f2" sourceRef="review" targetRef="e1" /><endEvent id="e1" />
    <sequenceFlow id="f3" sourceRef="tooSlow" targetRef="leader" />
    <userTask id="leader" name="Lãnh đạo xem xét thay" mc:role="leader" mc:unitLevel="xa" mc:budget="PT4H" />
    <sequenceFlow id="f4" sourceRef="leader" targetRef="e2" /><endEvent id="e2" />
  </process>
</definitions>`;

async function withTimedProcedure(h: TestApp) {
  await h.app.system.db.knex.transaction((trx) =>
    h.app.system.catalogue.addPublished(
      trx,
      {
        code: '9.000002',
        name: 'Thủ tục có hẹn giờ',
        field: 'Thử',
        levels: ['xa'],
        departmentCode: null,
        ownerCode: null,
        agency: null,
        timeLimit: { hours: 16, text: '2 ngày' },
        fee: null,
        onlineLevel: null,
        documents: [],
        formSchema: null,
      },
      XML,
      h.clock.now(),
    ),
  );
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), procedureCode: '9.000002', data: {} },
  });
  return res.json();
}

t.test('a BPMN timer is a durable job; when due, it fires as a step of its own', async (t) => {
  const h = await testApp(t);
  const dossier = await withTimedProcedure(h);
  const id = (await h.app.system.db.knex('dossiers').where({ code: dossier.code }).first('id')).id;
  const timer = (await h.app.system.jobs.pending({ dossierId: id, kind: 'bpmn.timer' }))[0];
  t.match(
    timer,
    { runAt: new Date('2018-11-19T11:00:00+07:00').toISOString(), payload: { activityId: 'tooSlow' } },
    'two hours after receipt, in the jobs table',
  );

  h.clock.set('2018-11-19T10:59:00+07:00');
  await h.app.system.scheduler.runDue();
  t.match(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' })).json().tasks,
    [{ activityId: 'review' }],
    'not yet',
  );

  h.clock.set('2018-11-19T11:01:00+07:00');
  await h.app.system.scheduler.runDue();
  const after = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' })).json();
  t.match(after.tasks, [{ activityId: 'leader', role: 'leader' }], 'the review went to the leader');
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: `/api/tasks/${dossier.tasks[0].id}/complete`,
        as: 'canbo.phucxa',
        payload: {},
      })
    ).json().code,
    'task-cancelled',
    'the officer’s task was withdrawn',
  );
  const labels = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.phucxa' }))
    .json()
    .map((e: { label: string }) => e.label);
  t.ok(labels.includes('Hết giờ hẹn “Quá 2 giờ”'));
  const replay = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })
  ).json();
  t.ok(replay.ok, 'the history replays, timer included');
  t.same(
    replay.steps.map((s: { kind: string }) => s.kind),
    ['received', 'timer'],
  );
  t.equal(await h.app.system.scheduler.runDue(), 0, 'fired once');
});

t.test('a timer whose task was done in time does nothing when its job runs', async (t) => {
  const h = await testApp(t);
  const dossier = await withTimedProcedure(h);
  h.clock.set('2018-11-19T10:00:00+07:00');
  const done = await complete(h, dossier.tasks[0]);
  t.equal(done.statusCode, 9, 'done within two hours');
  const version = done.version;
  h.clock.set('2018-11-19T11:01:00+07:00');
  await h.app.system.scheduler.runDue();
  const later = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' })).json();
  t.equal(later.version, version, 'nothing happened');
  t.same(later.tasks, []);
});
