import { once } from 'node:events';
import knex from 'knex';
import t from 'tap';
import { freshDatabase } from './helpers/database.js';
import { TODAY_WARD, todayReceiptBody } from './helpers/fixtures.js';
import { call, login, startServer, stopServer, type Server } from './helpers/server.js';

// Several nodes share one PostgreSQL database (README "Several nodes"); SQLite is a single-node store.
const database = freshDatabase();
if (database.dialect !== 'postgres') {
  t.pass('multi-node tests run on PostgreSQL: npm run test:postgres');
} else {
  t.teardown(() => database.drop());
  await main();
}

async function main() {
  // Nodes start one after the other: the first brings a new database up to date and seeds it.
  const a = await startServer({ DATABASE_URL: database.url });
  const b = await startServer({ DATABASE_URL: database.url });
  t.teardown(async () => {
    await stopServer(a);
    await stopServer(b);
  });
  const url = new URL(database.url);
  const schema = url.searchParams.get('schema')!;
  url.searchParams.delete('schema');
  const db = knex({ client: 'pg', connection: url.toString(), searchPath: [schema] });
  t.teardown(() => db.destroy());
  const officer = await login(a, TODAY_WARD.officer);
  const leader = await login(b, TODAY_WARD.leader);

  const receive = async (node: Server) => {
    const res = await call(node, officer, 'POST', '/dossiers', todayReceiptBody('1.001193'));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { code: string; tasks: { id: number }[] };
  };

  t.test('the same task completed on both nodes at once: exactly one succeeds', async (t) => {
    for (let round = 0; round < 5; round++) {
      const dossier = await receive(round % 2 ? a : b);
      const tries = Array.from({ length: 8 }, (_, i) =>
        call(i % 2 ? a : b, officer, 'POST', `/tasks/${dossier.tasks[0]!.id}/complete`, {}),
      );
      const statuses = (await Promise.all(tries)).map((r) => r.status).sort();
      t.same(statuses, [200, 409, 409, 409, 409, 409, 409, 409], `round ${round}`);
    }
    const both = await Promise.all(Array.from({ length: 16 }, (_, i) => receive(i % 2 ? a : b)));
    const all = both.map((d) => d.code);
    t.equal(new Set(all).size, all.length, 'dossier codes stay unique across nodes');
  });

  t.test('timers due while both nodes run fire once each', async (t) => {
    const dossiers = await Promise.all(Array.from({ length: 30 }, (_, i) => receive(i % 2 ? a : b)));
    const ids = (
      await db('dossiers')
        .whereIn(
          'code',
          dossiers.map((d) => d.code),
        )
        .select('id')
    ).map((r) => r.id);
    // Bring their late-risk timers forward to now: both nodes' schedulers (polling every second) race for them.
    await db('jobs')
      .whereIn('dossier_id', ids)
      .where({ kind: 'dossier.late-risk' })
      .update({ run_at: new Date(Date.now() - 1000).toISOString() });
    await waitFor(
      async () =>
        (await db('jobs')
          .whereIn('dossier_id', ids)
          .where({ kind: 'dossier.late-risk', status: 'done' })
          .count({ n: '*' })
          .first())!.n == 30,
    );
    const jobs = await db('jobs').whereIn('dossier_id', ids).where({ kind: 'dossier.late-risk' }).select('attempts');
    t.ok(
      jobs.every((j) => j.attempts === 1),
      'every job was claimed once',
    );
    const events = await db('dossier_events')
      .whereIn('dossier_id', ids)
      .where({ type: 'dossier.late-risk' })
      .count({ n: '*' })
      .first();
    t.equal(Number(events!.n), 30, 'one late-risk event per dossier');
  });

  t.test('killing one node under load loses no acknowledged completion', async (t) => {
    const queue = (await Promise.all(Array.from({ length: 30 }, () => receive(b)))).map((d) => ({
      code: d.code,
      taskId: d.tasks[0]!.id,
      role: 'officer',
      outcome: undefined as string | undefined,
      cut: false,
    }));
    const acked: { code: string; taskId: number; version: number }[] = [];
    let killed = false;
    const follow = (code: string, task?: { id: number; role: string; outcomes: string[] }) => {
      if (task) queue.push({ code, taskId: task.id, role: task.role, outcome: task.outcomes[0], cut: false });
    };
    const worker = async (node: Server) => {
      while (queue.length) {
        if (node === a && killed) return;
        const next = queue.shift()!;
        try {
          const res = await call(
            node,
            next.role === 'officer' ? officer : leader,
            'POST',
            `/tasks/${next.taskId}/complete`,
            next.outcome ? { outcome: next.outcome } : {},
          );
          if (res.status === 409 && next.cut) {
            // The killed node committed it but never answered: not acknowledged; carry on from what is stored.
            follow(next.code, (await call(b, officer, 'GET', `/dossiers/${next.code}`)).body.tasks[0]);
            continue;
          }
          if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
          acked.push({ code: next.code, taskId: next.taskId, version: res.body.dossier.version });
          follow(next.code, res.body.dossier.tasks[0]);
          if (node === a && acked.length >= 25 && !killed) {
            killed = true;
            a.child.kill('SIGKILL');
          }
        } catch (err) {
          if (node !== a || !killed) throw err;
          queue.push({ ...next, cut: true }); // cut by the kill: the surviving node takes it
        }
      }
    };
    await Promise.all([worker(a), worker(a), worker(a), worker(b), worker(b), worker(b)]);
    if (a.child.exitCode === null && a.child.signalCode === null) await once(a.child, 'exit');
    t.equal(a.child.signalCode, 'SIGKILL', 'node A was killed under load');
    for (const ack of acked) {
      const res = await call(b, officer, 'GET', `/dossiers/${ack.code}`);
      if (res.body.version < ack.version || res.body.tasks.some((task: { id: number }) => task.id === ack.taskId))
        t.fail(`completion of task ${ack.taskId} lost`);
    }
    t.pass(`all ${acked.length} acknowledged completions are there on node B`);
    const completions = (await db('dossier_events').where({ type: 'task.completed' }).select('payload')).map(
      (r) => JSON.parse(r.payload).taskId,
    );
    t.equal(new Set(completions).size, completions.length, 'no task completed twice');
  });
}

/** Polls until `done` (the nodes work on their own clocks: the test can only watch). */
async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
}
