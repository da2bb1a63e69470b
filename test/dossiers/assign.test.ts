import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';

interface Task {
  id: number;
  status: string;
  claimedBy: number | null;
}

async function firstTask(h: TestApp, code: string): Promise<Task> {
  const res = await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'canbo.phucxa' });
  return (res.json() as { tasks: Task[] }).tasks[0]!;
}

const assign = (h: TestApp, taskId: number, as: string, payload: Record<string, unknown>) =>
  h.request({ method: 'POST', url: `/api/tasks/${taskId}/assign`, as, payload });

t.test(
  'a task is handed to a colleague, recorded on the timeline and the control slip, and only the taker may complete it',
  async (t) => {
    const h = await testApp(t);
    await h.user('canbo2.phucxa', '00001', ['officer']);
    await h.user('canbo.trucbach', '00004', ['officer']);
    const dossier = await receive(h, '1.001193');
    const task = await firstTask(h, dossier.code);

    const list = await h.request({ method: 'GET', url: `/api/tasks/${task.id}/assignees`, as: 'canbo.phucxa' });
    t.equal(list.statusCode, 200);
    const names = (list.json() as { username: string }[]).map((c) => c.username);
    t.ok(names.includes('canbo2.phucxa') && names.includes('canbo.phucxa'), 'the officers of the unit');
    t.notOk(
      names.includes('canbo.trucbach') || names.includes('lanhdao.phucxa'),
      'not another unit’s, nor another role’s',
    );

    const handed = await assign(h, task.id, 'canbo.phucxa', {
      to: 'canbo2.phucxa',
      comment: 'Chị Lan nắm hồ sơ khai sinh',
    });
    t.equal(handed.statusCode, 200, handed.body);
    t.match(handed.json(), { status: 'claimed', claimedByName: 'canbo2.phucxa' });
    const [inInbox] = (await h.request({ method: 'GET', url: '/api/tasks', as: 'canbo.phucxa' })).json();
    t.match(inInbox, { id: task.id, claimedByName: 'canbo2.phucxa' }, 'colleagues see who holds it');

    const byGiver = await h.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      as: 'canbo.phucxa',
      payload: {},
    });
    t.equal(byGiver.statusCode, 409, 'the giver no longer holds it');
    t.equal((await assign(h, task.id, 'canbo.phucxa', { to: 'canbo.phucxa' })).statusCode, 403, 'nor may take it back');

    const history = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.phucxa' })
    ).json() as { label: string }[];
    t.ok(
      history.some((e) =>
        /^Chuyển bước “.+” cho canbo2\.phucxa xử lý – ý kiến: “Chị Lan nắm hồ sơ khai sinh”$/.test(e.label),
      ),
      'the timeline says who took it',
    );
    const slip = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/control-slip`, as: 'canbo.phucxa' })
    ).json() as {
      handovers: { from: { officer: string | null }; to: { officer: string | null } }[];
    };
    t.ok(
      slip.handovers.some((l) => l.from.officer === 'Nguyễn Thị Hoa' && l.to.officer === 'canbo2.phucxa'),
      'the control slip shows the handover',
    );

    const done = await h.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      as: 'canbo2.phucxa',
      payload: {},
    });
    t.equal(done.statusCode, 200, done.body);
    t.equal(
      (await assign(h, task.id, 'lanhdao.phucxa', { to: 'canbo.phucxa' })).statusCode,
      409,
      'a completed task is not handed on',
    );
    const verify = await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/audit/verify`, as: 'admin' });
    t.match(verify.json(), { ok: true });
  },
);

t.test(
  'a leader reassigns a colleague’s task or puts it back in the pool; strangers and wrong takers are refused',
  async (t) => {
    const h = await testApp(t);
    await h.user('canbo2.phucxa', '00001', ['officer']);
    await h.user('canbo.trucbach', '00004', ['officer']);
    const dossier = await receive(h, '1.001193');
    const task = await firstTask(h, dossier.code);
    t.equal(
      (await h.request({ method: 'POST', url: `/api/tasks/${task.id}/claim`, as: 'canbo.phucxa' })).statusCode,
      200,
    );

    t.equal(
      (await assign(h, task.id, 'canbo2.phucxa', { to: 'canbo2.phucxa' })).statusCode,
      403,
      'an officer may not take a colleague’s task',
    );
    t.equal(
      (await assign(h, task.id, 'canbo.trucbach', { to: 'canbo.trucbach' })).statusCode,
      403,
      'nor an officer of another unit',
    );
    const wrong = await assign(h, task.id, 'lanhdao.phucxa', { to: 'canbo.trucbach' });
    t.equal(wrong.statusCode, 422);
    t.match(wrong.json(), { code: 'invalid-assignee', errors: [{ field: '/to' }] });
    t.match(wrong.json().detail ?? wrong.json().title, /không phải cán bộ/);
    t.equal(
      (await assign(h, task.id, 'lanhdao.phucxa', { to: 'lanhdao.phucxa' })).statusCode,
      422,
      'a leader does not hold an officer’s step',
    );
    t.equal((await assign(h, task.id, 'lanhdao.phucxa', { to: 'canbo.phucxa', extra: 1 })).statusCode, 400);
    t.equal((await firstTask(h, dossier.code)).status, 'claimed', 'refusals changed nothing');

    const pooled = await assign(h, task.id, 'lanhdao.phucxa', { to: null });
    t.equal(pooled.statusCode, 200, pooled.body);
    t.match(pooled.json(), { status: 'open', claimedBy: null, claimedByName: null });
    const reassigned = await assign(h, task.id, 'lanhdao.phucxa', { to: 'canbo2.phucxa' });
    t.equal(reassigned.statusCode, 200);
    t.equal(
      (await h.request({ method: 'GET', url: '/api/tasks?status=claimed', as: 'canbo2.phucxa' })).json()[0].id,
      task.id,
      'in the taker’s inbox as claimed',
    );
    t.equal(
      (await h.request({ method: 'GET', url: '/api/tasks/999999/assignees', as: 'lanhdao.phucxa' })).statusCode,
      404,
    );
  },
);
