import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { receiptBody } from '../helpers/fixtures.js';
import { call, login, startServer, stopServer } from '../helpers/server.js';

t.test('a reminder due while the server was down fires once when it starts again', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-timers-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'motcua.sqlite')}`, BACKGROUND_INTERVAL_MS: '200' };

  // Monday 09:00: a birth registration; its review is due 12:00, its holder is reminded at 10:30.
  let server = await startServer({ ...env, CLOCK_START: '2018-11-19T09:00:00+07:00' });
  let officer = await login(server, 'canbo.phucxa');
  const dossier = (await call(server, officer, 'POST', '/dossiers', receiptBody('1.001193'))).body;
  t.same((await call(server, officer, 'GET', '/alerts')).body, [], 'no alert yet');
  await stopServer(server);

  // The server is down past 10:30 and comes back at 11:00.
  server = await startServer({ ...env, CLOCK_START: '2018-11-19T11:00:00+07:00' });
  t.teardown(() => stopServer(server));
  officer = await login(server, 'canbo.phucxa');
  let reminders: unknown[] = [];
  for (let i = 0; i < 50 && !reminders.length; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100)); // the background loop runs every 200 ms
    reminders = (await call(server, officer, 'GET', '/alerts')).body;
  }
  t.match(reminders, [{ kind: 'reminder', dossierCode: dossier.code }], 'the reminder fired on start');
  await stopServer(server);

  server = await startServer({ ...env, CLOCK_START: '2018-11-19T11:10:00+07:00' });
  officer = await login(server, 'canbo.phucxa');
  const history = (await call(server, await login(server, 'thanhtra'), 'GET', `/dossiers/${dossier.code}/history`))
    .body;
  t.equal(
    history.filter((e: { type: string }) => e.type === 'task.reminded').length,
    1,
    'and only once, after another restart',
  );
  t.equal((await call(server, officer, 'GET', '/alerts')).body.length, 1);
});
