import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, receive } from '../helpers/drive.js';

const local = (s: string) => new Date(`${s}+07:00`).toISOString();

async function alerts(h: TestApp, as: string) {
  return (await h.request({ method: 'GET', url: '/api/alerts', as })).json() as {
    id: number;
    kind: string;
    dossierCode: string;
    message: string;
    role: string;
  }[];
}

async function eventsOf(h: TestApp, code: string, type: string) {
  const id = (await h.app.system.db.knex('dossiers').where({ code }).first('id')).id;
  return (await h.app.system.db.knex('dossier_events').where({ dossier_id: id, type }).select('payload')).map(
    (r: { payload: string }) => JSON.parse(r.payload),
  );
}

t.test('a task’s reminder, then its escalation to the unit’s leaders; each fires once', async (t) => {
  const h = await testApp(t); // Monday 09:00; the review has 3 working hours (due 12:00), reminder at 10:30 (half the time)
  const dossier = await receive(h, '1.001193');
  const { scheduler } = h.app.system;

  h.clock.set('2018-11-19T10:00:00+07:00');
  t.equal(await scheduler.runDue(), 0, 'nothing due at 10:00');
  h.clock.set('2018-11-19T10:31:00+07:00');
  t.equal(await scheduler.runDue(), 1, 'the reminder at 10:30');
  t.match(await alerts(h, 'canbo.phucxa'), [
    {
      kind: 'reminder',
      dossierCode: dossier.code,
      role: 'officer',
      message: `Bước “Thẩm định hồ sơ, dự thảo Giấy khai sinh” của hồ sơ ${dossier.code} sắp đến hạn (19/11/2018 12:00).`,
    },
  ]);
  t.same(await alerts(h, 'lanhdao.phucxa'), [], 'leaders are not bothered yet');

  h.clock.set('2018-11-19T12:05:00+07:00');
  t.equal(await scheduler.runDue(), 1, 'the escalation at 12:00');
  t.match(await alerts(h, 'lanhdao.phucxa'), [{ kind: 'escalation', dossierCode: dossier.code, role: 'leader' }]);
  t.equal(await scheduler.runDue(), 0, 'nothing fires twice');
  t.equal((await eventsOf(h, dossier.code, 'task.reminded')).length, 1);
  t.equal((await eventsOf(h, dossier.code, 'task.escalated')).length, 1);

  const [alert] = await alerts(h, 'lanhdao.phucxa');
  const seen = await h.request({ method: 'POST', url: `/api/alerts/${alert!.id}/acknowledge`, as: 'lanhdao.phucxa' });
  t.match(seen.json(), { acknowledgedAt: String });
  t.same(await alerts(h, 'lanhdao.phucxa'), [], 'acknowledged alerts leave the list');
  t.equal(
    (await h.request({ method: 'POST', url: `/api/alerts/${alert!.id}/acknowledge`, as: 'canbo.badinh' })).statusCode,
    404,
    'another unit’s alert',
  );
});

t.test('the late-risk alert, then the overdue mark attributed to the step and unit holding the dossier', async (t) => {
  const h = await testApp(t);
  const dossier = await receive(h, '2.001023'); // 15 working days, due Monday 10/12/2018 09:00
  t.equal(dossier.dueAt, local('2018-12-10T09:00:00'));
  let current = await complete(h, dossier.tasks[0]);
  current = await complete(h, current.tasks[0]); // now at the district: CapTheBHYT, 10 working days
  const { scheduler } = h.app.system;

  h.clock.set('2018-12-07T09:30:00+07:00'); // one working day (8 h) before the due time
  await scheduler.runDue();
  const risk = await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' });
  t.equal(risk.json().lateRisk, true, 'late risk raised one working day before');
  t.ok(
    (await alerts(h, 'lanhdao.badinh')).some((a) => a.kind === 'late-risk' && a.dossierCode === dossier.code),
    'to the leaders of the unit holding it',
  );

  h.clock.set('2018-12-10T09:01:00+07:00');
  await scheduler.runDue();
  const late = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' })).json();
  t.same(
    late.late,
    { at: local('2018-12-10T09:00:00'), activityId: 'CapTheBHYT', unitCode: '001' },
    'late at the district’s step',
  );
  t.ok((await alerts(h, 'lanhdao.badinh')).some((a) => a.kind === 'overdue'));
  t.equal(await scheduler.runDue(), 0);
  t.equal((await eventsOf(h, dossier.code, 'dossier.overdue')).length, 1, 'marked once');

  // It finishes late: on-time is judged against the legal due time.
  while (current.tasks.length) current = await complete(h, current.tasks[0], current.tasks[0].outcomes[0]);
  t.match(current, { statusCode: 10, onTime: false, late: { unitCode: '001' } });
  t.equal((await eventsOf(h, dossier.code, 'dossier.overdue')).length, 1, 'not marked again when it finishes');
});

t.test('a pause makes pending timers obsolete; resuming sets new ones', async (t) => {
  const h = await testApp(t);
  const dossier = await receive(h, '1.013236');
  const { scheduler, jobs } = h.app.system;
  const id = (await h.app.system.db.knex('dossiers').where({ code: dossier.code }).first('id')).id;
  t.equal(
    (await jobs.pending({ dossierId: id })).length,
    4,
    'late-risk and overdue for the dossier, reminder and escalation for its task',
  );

  h.clock.set('2018-11-20T09:00:00+07:00');
  await h.request({
    method: 'POST',
    url: `/api/dossiers/${dossier.code}/pause`,
    as: 'canbo.sxd',
    payload: { kind: 'stop', reason: 'Chờ ý kiến cơ quan quản lý quy hoạch' },
  });
  h.clock.set('2018-12-31T09:00:00+07:00'); // far beyond every original due time, still paused
  await scheduler.runDue();
  const paused = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.sxd' })).json();
  t.match(paused, { statusCode: 8, late: null, lateRisk: false }, 'a paused dossier is not late');
  t.same(await alerts(h, 'lanhdao.sxd'), [], 'and raises nothing');

  const resumed = (
    await h.request({ method: 'POST', url: `/api/dossiers/${dossier.code}/resume`, as: 'canbo.sxd', payload: {} })
  ).json();
  const pending = await jobs.pending({ dossierId: id });
  t.same(pending.map((j) => j.kind).sort(), [
    'dossier.late-risk',
    'dossier.overdue',
    'task.escalation',
    'task.reminder',
  ]);
  t.ok(
    pending.some((j) => j.kind === 'dossier.overdue' && j.runAt === resumed.dueAt),
    'the new overdue timer is at the moved due time',
  );
});
