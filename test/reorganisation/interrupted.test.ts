import { spawn } from 'node:child_process';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { projectRoot } from '../../src/project.js';
import { DEMO_PASSWORD } from '../../src/seed.js';
import { ADMIN_PASSWORD, testApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';

const ARGS = [
  'reorganise',
  '--units',
  'src/units/data/units-2025.csv',
  '--merges',
  'src/units/data/units-2025-merges.csv',
  '--effective',
  '2025-07-01',
  '--abolish-level',
  'huyen',
  '--complete',
  '--name',
  'NQ 1656/NQ-UBTVQH15',
];

function reorganise(databaseUrl: string, extra: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...ARGS, ...extra], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exit = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout })),
  );
  return { child, exit };
}

t.test('a reorganisation killed midway and run again hands every dossier over exactly once', async (t) => {
  const h = await testApp(t);
  const codes: string[] = [];
  for (let i = 0; i < 120; i++) codes.push((await receive(h, '1.001193')).code);
  const { knex } = h.app.system.db;
  const handedOver = async () =>
    Number((await knex('dossier_events').where({ type: 'dossier.handedOver' }).count({ n: '*' }).first())!.n);

  const dry = await reorganise(h.databaseUrl, ['--dry-run']).exit;
  t.equal(dry.code, 0);
  t.match(dry.stdout, /chạy thử, chưa thay đổi gì[\s\S]*Sẽ bàn giao 120 hồ sơ đang xử lý và chuyển 4 cán bộ/);
  t.equal(await handedOver(), 0, 'the dry run changed nothing');

  const first = reorganise(h.databaseUrl);
  while ((await handedOver()) < 5 && first.child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
  first.child.kill('SIGKILL');
  await first.exit;
  t.comment(`killed after ${await handedOver()} of 120 hand-overs`);

  const second = await reorganise(h.databaseUrl).exit;
  t.equal(second.code, 0);
  t.match(second.stdout, /đã áp dụng/);
  t.equal(await handedOver(), 120, 'each dossier handed over once');

  // A node started afterwards sees the units of 2025 and every dossier at its successor.
  const app = await buildApp({ databaseUrl: h.databaseUrl, adminPassword: ADMIN_PASSWORD, clock: h.clock.now });
  t.teardown(() => app.close());
  const token = (
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'thanhtra', password: DEMO_PASSWORD },
    })
  ).json().token;
  const get = (url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  t.match(await get('/api/units/00097'), { name: 'Phường Hồng Hà', validTo: null });
  t.match(await get('/api/units/00001'), { validTo: '2025-07-01' });
  for (const code of codes) {
    const dossier = await get(`/api/dossiers/${code}`);
    if (
      dossier.deskUnitCode !== '00097' ||
      dossier.tasks.some((task: { unitCode: string }) => task.unitCode !== '00097')
    )
      t.fail(`${code} is not at Phường Hồng Hà`);
    if (!(await get(`/api/dossiers/${code}/audit/verify`)).ok) t.fail(`${code}: chain broken`);
  }
  t.pass('every dossier sits at the successor with its chain intact');
});
