import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex from 'knex';
import t from 'tap';
import { TODAY_WARD, todayReceiptBody } from './helpers/fixtures.js';
import { call, login, startServer, stopServer } from './helpers/server.js';

const OUTCOMES: Record<string, string> = { TraCuuSoGoc: 'found' };
const USERS: Record<string, string> = { officer: TODAY_WARD.officer, leader: TODAY_WARD.leader };

t.test('SIGKILL in the middle of a burst of completions loses no acknowledged step', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-durability-'));
  const databaseUrl = `sqlite:${join(dir, 'motcua.sqlite')}`;
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));

  let server = await startServer({ DATABASE_URL: databaseUrl });
  const tokens: Record<string, string> = {};
  for (const [role, username] of Object.entries(USERS)) tokens[role] = await login(server, username);

  type Open = { code: string; task: { id: number; activityId: string; role: string } };
  const queue: Open[] = [];
  for (let i = 0; i < 40; i++) {
    const res = await call(server, tokens.officer!, 'POST', '/dossiers', todayReceiptBody('2.000908'));
    t.equal(res.status, 201);
    queue.push({ code: res.body.code, task: res.body.tasks[0] });
  }

  // The burst: ten clients complete tasks as fast as they can; the server is killed after 60 acknowledgements.
  const acked: { code: string; taskId: number; version: number }[] = [];
  let killed = false;
  const worker = async () => {
    while (!killed) {
      const next = queue.shift();
      if (!next) return;
      const outcome = OUTCOMES[next.task.activityId];
      try {
        const res = await call(
          server,
          tokens[next.task.role]!,
          'POST',
          `/tasks/${next.task.id}/complete`,
          outcome ? { outcome } : {},
        );
        if (res.status !== 200) throw new Error(`unexpected ${res.status} ${JSON.stringify(res.body)}`);
        acked.push({ code: next.code, taskId: next.task.id, version: res.body.dossier.version });
        if (res.body.dossier.tasks[0]) queue.push({ code: next.code, task: res.body.dossier.tasks[0] });
        if (acked.length === 60 && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      } catch (err) {
        if (!killed) throw err; // a request cut by the kill has no acknowledged outcome
      }
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  if (server.child.exitCode === null && server.child.signalCode === null) await once(server.child, 'exit');
  t.equal(server.child.signalCode, 'SIGKILL', 'the server was killed mid-burst');
  t.ok(acked.length >= 60, `${acked.length} completions acknowledged before the kill`);

  server = await startServer({ DATABASE_URL: databaseUrl });
  t.teardown(() => stopServer(server));
  for (const ack of acked) {
    const res = await call(server, tokens.officer!, 'GET', `/dossiers/${ack.code}`);
    t.equal(res.status, 200);
    if (res.body.version < ack.version || res.body.tasks.some((task: { id: number }) => task.id === ack.taskId)) {
      t.fail(`acknowledged completion of task ${ack.taskId} (${ack.code}) was lost`);
    }
  }
  t.pass(`all ${acked.length} acknowledged completions survived`);

  const db = knex({
    client: 'sqlite3',
    connection: { filename: databaseUrl.slice('sqlite:'.length) },
    useNullAsDefault: true,
  });
  t.teardown(() => db.destroy());
  const completions = (await db('dossier_events').where({ type: 'task.completed' }).select('payload')).map(
    (r) => JSON.parse(r.payload).taskId as number,
  );
  t.equal(new Set(completions).size, completions.length, 'no task was completed twice');
  const completedRows = Number((await db('tasks').where({ status: 'completed' }).count({ n: '*' }).first())!.n);
  t.equal(completedRows, completions.length, 'every completed task has exactly one completion event');
  const gaps = await db('dossiers')
    .join('dossier_events', 'dossier_events.dossier_id', 'dossiers.id')
    .groupBy('dossiers.id', 'dossiers.version')
    .havingRaw('count(*) <> dossiers.version or max(dossier_events.seq) <> dossiers.version')
    .select('dossiers.code');
  t.same(gaps, [], 'every dossier’s history is complete and matches its version');

  // Every open dossier can still be advanced to its end.
  const codes = [...new Set([...queue.map((q) => q.code), ...acked.map((a) => a.code)])];
  for (const code of codes) {
    let dossier = (await call(server, tokens.officer!, 'GET', `/dossiers/${code}`)).body;
    while (dossier.tasks.length) {
      const task = dossier.tasks[0];
      const outcome = OUTCOMES[task.activityId];
      const res = await call(
        server,
        tokens[task.role]!,
        'POST',
        `/tasks/${task.id}/complete`,
        outcome ? { outcome } : {},
      );
      t.equal(res.status, 200, `${code}: ${task.activityId} completes after the restart`);
      dossier = res.body.dossier;
    }
    t.equal(dossier.statusCode, 10, `${code} reaches its end`);
  }
});
