import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';

for (const [where, engineThreads] of [
  ['on the main thread', 0],
  ['on a thread', 1],
] as const) {
  t.test(
    `many parallel completions of one task, the engine ${where}: exactly one succeeds, the rest get 409`,
    async (t) => {
      const h = await testApp(t, { engineThreads });
      const dossier = (
        await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('2.000908') })
      ).json();
      const taskId = dossier.tasks[0].id;
      const token = await h.login('canbo.phucxa');
      const attempts = await Promise.all(
        Array.from({ length: 25 }, () =>
          h.app.inject({
            method: 'POST',
            url: `/api/tasks/${taskId}/complete`,
            headers: { authorization: `Bearer ${token}` },
            payload: { outcome: 'found' },
          }),
        ),
      );
      const statuses = attempts.map((r) => r.statusCode);
      t.equal(statuses.filter((s) => s === 200).length, 1, 'one 200');
      t.equal(statuses.filter((s) => s === 409).length, 24, 'twenty-four 409');
      for (const r of attempts.filter((r) => r.statusCode === 409)) t.equal(r.json().code, 'task-completed');

      const { knex } = h.app.system.db;
      const completions = await knex('dossier_events').where({ type: 'task.completed' }).count({ n: '*' }).first();
      t.equal(Number(completions!.n), 1, 'one completion recorded');
      const after = (
        await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' })
      ).json();
      t.match(after.tasks, [{ activityId: 'KyBanSao' }], 'the process moved on once');
      t.equal(after.tasks.length, 1);
    },
  );
}

t.test('parallel receipts at one desk get distinct, consecutive codes', async (t) => {
  const h = await testApp(t);
  const token = await h.login('canbo.phucxa');
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { authorization: `Bearer ${token}` },
        payload: receiptBody(i % 2 ? '1.001193' : '2.000908'),
      }),
    ),
  );
  t.same([...new Set(responses.map((r) => r.statusCode))], [201]);
  const codes = responses.map((r) => r.json().code as string).sort();
  t.same(
    codes,
    Array.from({ length: 30 }, (_, i) => `H26.00001-181119-${String(i + 1).padStart(4, '0')}`),
  );
});
