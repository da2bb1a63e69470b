import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import t, { type Test } from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { motcua } from '../helpers/cli.js';
import { CSV_BAD_ROWS, CSV_EXPORT, largeExport, MAPPING } from '../helpers/legacy-export.js';

/** A folder with the export and the mapping file, removed after the test. */
function files(t: Test, exported: string, name = 'phucxa-2018.csv') {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-legacy-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, name), exported);
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(MAPPING, null, 2));
  return { file: join(dir, name), mapping: join(dir, 'mapping.json') };
}

const count = async (knex: Knex, table: string) => Number((await knex(table).count({ n: '*' }).first())!.n);

/** What an import leaves of each dossier: its row, its log's length and types, its open tasks. */
async function outcome(h: TestApp) {
  const { knex } = h.app.system.db;
  const dossiers = await knex('dossiers')
    .orderBy('code')
    .select('id', 'code', 'status_code', 'received_at', 'due_at', 'finished_at', 'late_at', 'version', 'version_id');
  return Promise.all(
    dossiers.map(async ({ id, ...dossier }) => ({
      ...dossier,
      events: (await knex('dossier_events').where({ dossier_id: id }).orderBy('seq').select('type'))
        .map((e) => e.type)
        .join(),
      tasks: (await knex('tasks').where({ dossier_id: id }).select('activity_id', 'status', 'unit_code', 'role'))
        .map((x) => Object.values(x).join(':'))
        .join(),
    })),
  );
}

t.test('import-legacy from the command line: dry run, real run, run again', async (t) => {
  const h = await testApp(t);
  const { file, mapping } = files(t, CSV_EXPORT);
  const { knex } = h.app.system.db;

  const dry = await motcua(h.databaseUrl, 'import-legacy', file, '--unit', '00001', '--mapping', mapping, '--dry-run')
    .done;
  t.equal(dry.code, 1, 'exit 1: some rows cannot be imported');
  t.match(dry.stdout, 'Sẽ nhập dòng 4: PX-2018-0103 — thủ tục 2.000908, Đang xử lý, chờ xử lý tại bước KyBanSao');
  for (const row of Object.keys(CSV_BAD_ROWS))
    t.match(dry.stdout, `Không nhập được — Dòng ${row}: `, `row ${row} is listed with its reason`);
  t.match(
    dry.stdout,
    'phucxa-2018.csv: 11 dòng; sẽ nhập 6 hồ sơ, 0 đã nhập từ trước, 5 dòng không nhập được (chạy thử',
  );
  t.equal(await count(knex, 'dossiers'), 0, 'a dry run changes nothing');

  const real = await motcua(h.databaseUrl, 'import-legacy', file, '--unit', '00001', '--mapping', mapping).done;
  t.equal(real.code, 1);
  t.match(real.stdout, 'Đã nhập dòng 2: PX-2018-0101 — thủ tục 1.001193, Đã trả kết quả');
  t.match(real.stdout, 'phucxa-2018.csv: 11 dòng; đã nhập 6 hồ sơ, 0 đã nhập từ trước, 5 dòng không nhập được.');
  t.match(real.stderr, /Nhập hồ sơ \|.*\| 11\/11 dòng/, 'a progress bar on stderr');
  t.equal(await count(knex, 'dossiers'), 6);

  const again = await motcua(h.databaseUrl, 'import-legacy', file, '--unit', '00001', '--mapping', mapping).done;
  t.match(again.stdout, 'đã nhập 0 hồ sơ, 6 đã nhập từ trước, 5 dòng không nhập được.');
  t.equal(await count(knex, 'dossiers'), 6, 'nothing new');
  t.equal((await motcua(h.databaseUrl, 'verify', '--all').done).code, 0, 'every audit chain is intact');
});

t.test('import-legacy: wrong usage and unreadable files', async (t) => {
  const h = await testApp(t);
  const { file, mapping } = files(t, CSV_EXPORT);
  const usage = await motcua(h.databaseUrl, 'import-legacy', file, '--unit', '00001').done;
  t.equal(usage.code, 2, 'the mapping is required');
  t.match(usage.stderr, 'import-legacy FILE --unit CODE --mapping MAP.json [--dry-run]');
  t.equal(
    (await motcua(h.databaseUrl, 'import-legacy', file, '--unit', '00001', '--mapping', mapping, '--force').done).code,
    2,
    'an unknown option',
  );
  const missing = await motcua(
    h.databaseUrl,
    'import-legacy',
    `${file}.missing`,
    '--unit',
    '00001',
    '--mapping',
    mapping,
  ).done;
  t.equal(missing.code, 1);
  t.match(missing.stderr, 'Không nhập được: không đọc được tệp');
  const unit = await motcua(h.databaseUrl, 'import-legacy', file, '--unit', '99999', '--mapping', mapping).done;
  t.match(unit, { code: 1, stderr: /Không nhập được: Không có đơn vị mã "99999"/ });
});

t.test('killed midway, the import run again gives the same result as one uninterrupted run', async (t) => {
  // Interrupted for real: the child is killed (SIGKILL, no chance to clean up) once some rows are in; then run again.
  const rows = 120;
  const exported = largeExport(rows);
  const h = await testApp(t);
  const { knex } = h.app.system.db;
  const { file, mapping } = files(t, exported);
  const first = motcua(h.databaseUrl, 'import-legacy', file, '--unit', '00001', '--mapping', mapping);
  while ((await count(knex, 'legacy_imports')) < 10) await new Promise((resolve) => setTimeout(resolve, 20));
  first.child.kill('SIGKILL');
  t.equal((await first.done).code, null, 'killed');
  const partial = await count(knex, 'legacy_imports');
  t.ok(partial < 2 * rows, `interrupted after ${partial} of ${2 * rows} rows`);
  t.equal(await count(knex, 'dossiers'), partial, 'each row all or nothing: no dossier without its import record');

  const rerun = await motcua(h.databaseUrl, 'import-legacy', file, '--unit', '00001', '--mapping', mapping).done;
  t.equal(rerun.code, 0, 'the re-run imports every row left');
  t.match(rerun.stdout, `đã nhập ${2 * rows - partial} hồ sơ, ${partial} đã nhập từ trước, 0 dòng không nhập được.`);

  const reference = await testApp(t);
  const once = (
    await reference.request({
      method: 'POST',
      url: '/api/imports/legacy',
      as: 'admin',
      payload: { fileName: 'phucxa-2018.csv', content: exported, mapping: MAPPING, unitCode: '00001', dryRun: false },
    })
  ).json();
  t.equal(once.imported.length, 2 * rows);
  t.same(await outcome(h), await outcome(reference), 'the same dossiers, logs and tasks');
  t.equal((await motcua(h.databaseUrl, 'verify', '--all').done).code, 0, 'every audit chain is intact');
});
