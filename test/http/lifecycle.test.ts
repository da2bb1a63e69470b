import t from 'tap';
import { shippedProcedures } from '../../src/catalogue/shipped.js';
import { testApp } from '../helpers/app.js';
import { drive } from '../helpers/drive.js';
import { receiptBody } from '../helpers/fixtures.js';

t.test('every shipped procedure, every branch, to the end through the API', async (t) => {
  const h = await testApp(t);
  for (const { manifest } of shippedProcedures()) {
    // Enumerate decision sequences: at each branching task try each outcome not yet taken there in this dossier.
    const pending: string[][] = [[]];
    const paths = new Set<string>();
    while (pending.length) {
      const plan = pending.shift()!;
      let decision = 0;
      const { dossier, path, statuses } = await drive(h, manifest.code, (task, taken) => {
        const options = task.outcomes.filter((o) => !taken.includes(`${task.activityId}:${o}`));
        const index = decision++;
        if (index < plan.length) return plan[index]!;
        options.slice(1).forEach((alternative) => pending.push([...choicesIn(taken), alternative]));
        return options[0]!;
      });
      paths.add(path.join(' → '));
      t.equal(dossier.statusCode, 10, `${manifest.code} ${path.join(' → ')}: result returned`);
      t.equal(dossier.status, 'returned');
      t.equal(dossier.statusLabel, 'Đã trả kết quả');
      t.ok(dossier.finishedAt, 'finished');
      t.same(dossier.tasks, [], 'no open task left');
      t.same([statuses[0], statuses.at(-2), statuses.at(-1)], [4, 9, 10], 'processing → processed → returned');

      const replay = (
        await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })
      ).json();
      t.ok(replay.ok, `${manifest.code} ${path.join(' → ')}: replay reproduces the recorded path`);
      t.equal(replay.divergence, null);
      t.same(
        replay.steps.map((s: { activityId: string | null; outcome: string | null }) =>
          s.outcome ? `${s.activityId}:${s.outcome}` : s.activityId,
        ),
        [null, ...path],
      );
      t.same(replay.state.tokens, [], 'no token left');
      t.same(
        (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/audit/verify`, as: 'thanhtra' })).json(),
        { ok: true, events: dossier.version },
      );
    }
    t.ok(paths.size >= 2, `${manifest.code}: ${paths.size} distinct paths, every outcome taken`);
  }
});

/** The outcomes chosen so far, in order, from the path labels (`activity:outcome`). */
function choicesIn(taken: string[]): string[] {
  return taken.filter((label) => label.includes(':')).map((label) => label.split(':')[1]!);
}

t.test('a received dossier: code, status, legal and task deadlines, open task', async (t) => {
  const h = await testApp(t); // Monday 19/11/2018 09:00
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: receiptBody('1.001193'),
  });
  t.equal(res.statusCode, 201);
  const dossier = res.json();
  t.equal(res.headers.location, `/api/dossiers/${encodeURIComponent(dossier.code)}`);
  t.equal(dossier.code, 'H26.00001-181119-0001', 'first dossier of the day at Phường Phúc Xá');
  t.match(dossier, {
    procedureCode: '1.001193',
    unitCode: '00001',
    unitName: 'Phường Phúc Xá',
    channel: 'direct',
    statusCode: 4,
    status: 'processing',
    statusLabel: 'Đang xử lý',
  });
  t.equal(dossier.receivedAt, '2018-11-19T02:00:00.000Z');
  t.equal(dossier.dueAt, '2018-11-19T10:00:00.000Z', 'same-day procedure: due at 17:00 the same day');
  t.equal(dossier.appointmentAt, dossier.dueAt, 'the appointment given is the due time');
  t.equal(
    dossier.clockStartedAt,
    dossier.receivedAt,
    'received in working time before the cut-off: counting starts at once',
  );
  t.match(dossier.tasks, [
    {
      activityId: 'ThamDinh',
      role: 'officer',
      unitCode: '00001',
      status: 'open',
      outcomes: [],
      dueAt: '2018-11-19T05:00:00.000Z',
    },
  ]);

  const again = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: receiptBody('1.001193'),
  });
  t.equal(again.json().code, 'H26.00001-181119-0002', 'the sequence counts on');
  h.clock.set('2018-11-20T08:00:00+07:00');
  const nextDay = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: receiptBody('2.000908'),
  });
  t.equal(nextDay.json().code, 'H26.00001-181120-0001', 'a new day starts a new sequence');

  const read = await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'lanhdao.phucxa' });
  t.equal(read.statusCode, 200);
  t.same(read.json(), dossier, 'reads back as received');
});

t.test('tasks at a department follow the procedure to its unit, with working-day budgets', async (t) => {
  const h = await testApp(t, { start: '2018-11-23T16:00:00+07:00' }); // Friday afternoon
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.sxd',
    payload: receiptBody('1.013236'),
  });
  const dossier = res.json();
  t.equal(dossier.dueAt, new Date('2018-12-21T16:00:00+07:00').toISOString(), '20 working days later');
  t.match(dossier.tasks, [
    {
      activityId: 'PhanCong',
      role: 'leader',
      unitCode: 'SXD',
      dueAt: new Date('2018-11-26T11:00:00+07:00').toISOString(),
    },
  ]);
  const inbox = await h.request({ method: 'GET', url: '/api/tasks', as: 'lanhdao.sxd' });
  t.match(inbox.json(), [{ dossierCode: dossier.code, activityId: 'PhanCong' }]);
  const officerInbox = await h.request({ method: 'GET', url: '/api/tasks', as: 'canbo.sxd' });
  t.same(officerInbox.json(), [], 'the officer has nothing yet: the task is the leader’s');
});

t.test('the inbox lists the most urgent task first', async (t) => {
  const h = await testApp(t);
  const first = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('2.000908') })
  ).json();
  h.clock.advanceHours(-1);
  const earlier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const inbox = (await h.request({ method: 'GET', url: '/api/tasks', as: 'canbo.phucxa' })).json();
  t.same(
    inbox.map((task: { dossierCode: string }) => task.dossierCode),
    [earlier.code, first.code],
  );
  const page = (await h.request({ method: 'GET', url: '/api/tasks?limit=1&offset=1', as: 'canbo.phucxa' })).json();
  t.same(
    page.map((task: { dossierCode: string }) => task.dossierCode),
    [first.code],
    'pages with limit and offset',
  );
});

t.test('claiming: one officer at a time', async (t) => {
  const h = await testApp(t);
  await h.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { authorization: `Bearer ${await h.login('admin')}` },
    payload: {
      username: 'canbo2.phucxa',
      password: 'matkhau-2018',
      fullName: 'Phan Văn Đức',
      unitCode: '00001',
      roles: ['officer'],
    },
  });
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const taskId = dossier.tasks[0].id;
  const claim = await h.request({ method: 'POST', url: `/api/tasks/${taskId}/claim`, as: 'canbo.phucxa' });
  t.equal(claim.statusCode, 200);
  t.match(claim.json(), { status: 'claimed', claimedBy: Number, claimedByName: 'Nguyễn Thị Hoa' });
  t.equal(
    (await h.request({ method: 'POST', url: `/api/tasks/${taskId}/claim`, as: 'canbo.phucxa' })).statusCode,
    200,
    'claiming again is harmless',
  );
  const colleague = await h.login('canbo2.phucxa', 'matkhau-2018');
  const stolen = await h.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/claim`,
    headers: { authorization: `Bearer ${colleague}` },
  });
  t.equal(stolen.statusCode, 409);
  t.equal(stolen.json().code, 'task-claimed');
  const done = await h.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/complete`,
    headers: { authorization: `Bearer ${colleague}` },
    payload: {},
  });
  t.equal(done.statusCode, 409, 'a colleague cannot complete a claimed task');
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: `/api/tasks/${taskId}/complete`,
        as: 'canbo.phucxa',
        payload: { comment: 'Hồ sơ hợp lệ' },
      })
    ).statusCode,
    200,
  );
  const late = await h.request({ method: 'POST', url: `/api/tasks/${taskId}/claim`, as: 'canbo.phucxa' });
  t.equal(late.statusCode, 409);
  t.equal(late.json().code, 'task-completed');
});
