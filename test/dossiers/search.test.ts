import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';
import { migrateToLatest, migrationSource } from '../../src/db/migrate.js';

t.test(
  'dossier lists: oversight sees all, staff see their unit’s, filters by code, name, procedure and status',
  async (t) => {
    const h = await testApp(t);
    const birth = await receive(h, '1.001193');
    const building = await receive(h, '1.013236');
    const list = async (as: string, query = '') => {
      const res = await h.request({ method: 'GET', url: `/api/dossiers${query}`, as });
      t.equal(res.statusCode, 200, `${as} ${query}`);
      return res.json() as { total: number; items: { code: string }[] };
    };

    const all = await list('thanhtra');
    t.equal(all.total, 2);
    t.same(
      all.items.map((d) => d.code),
      [building.code, birth.code],
      'newest first',
    );
    t.match(all.items[1], {
      procedureCode: '1.001193',
      procedureName: birth.procedureName,
      procedureVersion: 1,
      unitCode: birth.unitCode,
      statusCode: birth.statusCode,
      statusLabel: birth.statusLabel,
      applicantName: birth.applicant.fullName,
      receivedAt: birth.receivedAt,
      onTime: null,
    });

    t.same(
      (await list('canbo.phucxa')).items.map((d) => d.code),
      [birth.code],
      'a commune officer sees the commune’s dossiers only',
    );
    t.same(
      (await list('canbo.sxd')).items.map((d) => d.code),
      [building.code],
    );
    t.same(
      (await list('thanhtra', `?q=${birth.code.slice(0, -2)}`)).items.map((d) => d.code),
      [birth.code],
      'by the start of the code',
    );
    const name = birth.applicant.fullName.split(' ').at(-1).toLowerCase();
    t.ok(
      (await list('thanhtra', `?q=${encodeURIComponent(name)}`)).items.some((d) => d.code === birth.code),
      'by part of the name',
    );
    t.equal((await list('thanhtra', '?q=%25')).total, 0, 'a % is a character, not a wildcard');
    for (const typed of ['BÌNH', 'nguyen van binh', 'Nguyễn  Văn'])
      t.equal((await list('thanhtra', `?q=${encodeURIComponent(typed)}`)).total, 2, `“${typed}” finds Nguyễn Văn Bình`);
    t.equal((await list('thanhtra', `?q=${birth.applicant.idNumber}`)).total, 2, 'by the applicant’s ID number');
    t.equal((await list('canbo.phucxa', `?q=${birth.applicant.idNumber}`)).total, 1, 'within the unit’s scope');
    t.equal((await list('thanhtra', '?from=2018-11-19&to=2018-11-19')).total, 2, 'received in the period');
    t.equal((await list('thanhtra', '?from=2018-11-20')).total, 0, 'none received later');
    t.equal((await list('thanhtra', '?to=2018-11-18')).total, 0, 'none earlier');
    const backwards = await h.request({
      method: 'GET',
      url: '/api/dossiers?from=2018-11-20&to=2018-11-19',
      as: 'thanhtra',
    });
    t.equal(backwards.statusCode, 400, 'a period that ends before it starts');
    t.same(
      (await list('thanhtra', '?procedure=1.013236')).items.map((d) => d.code),
      [building.code],
    );
    t.equal((await list('thanhtra', `?status=${birth.statusCode === 4 ? 10 : 4}&limit=1`)).items.length <= 1, true);
    t.equal((await list('thanhtra', '?limit=1&offset=1')).items[0]!.code, birth.code, 'paged');
    t.equal((await h.request({ method: 'GET', url: '/api/dossiers?limit=1000', as: 'thanhtra' })).statusCode, 400);
    t.equal((await h.request({ method: 'GET', url: '/api/dossiers', as: 'congdan' })).statusCode, 403);
  },
);

t.test('the dossiers at risk of lateness, the earliest due first', async (t) => {
  const h = await testApp(t);
  const slow = await receive(h, '2.001023'); // 15 working days
  const quick = await receive(h, '1.001193');
  const atRisk = async () =>
    (await h.request({ method: 'GET', url: '/api/dossiers?atRisk=true', as: 'vpubnd' })).json();
  t.same((await atRisk()).items, [], 'none yet');
  h.clock.set('2018-12-07T09:30:00+07:00'); // a working day before the slow one is due; the quick one is long overdue
  await h.app.system.scheduler.runDue();
  const found = await atRisk();
  t.same(
    found.items.map((d: { code: string }) => d.code),
    [quick.code, slow.code],
  );
  t.match(found.items, [{ late: true }, { lateRisk: true, late: false }]);
  const withdrawn = await h.request({
    method: 'POST',
    url: `/api/dossiers/${quick.code}/withdraw`,
    as: 'canbo.phucxa',
    payload: { reason: 'Người nộp rút hồ sơ' },
  });
  t.equal(withdrawn.statusCode, 200, withdrawn.body);
  t.same(
    (await atRisk()).items.map((d: { code: string }) => d.code),
    [slow.code],
    'a withdrawn dossier is at risk of nothing any more',
  );
});

t.test('a database upgraded with dossiers already in it finds their applicants without accents', async (t) => {
  const h = await testApp(t);
  const birth = await receive(h, '1.001193');
  const { knex } = h.app.system.db;
  await knex.migrate.down({ migrationSource, name: '20261203000700_applicant_search' });
  t.notOk(await knex.schema.hasColumn('dossiers', 'applicant_search'), 'as a release without the folded names');
  await migrateToLatest(knex);
  const found = await h.request({ method: 'GET', url: '/api/dossiers?q=nguyen%20van%20binh', as: 'thanhtra' });
  t.same(
    found.json().items.map((d: { code: string }) => d.code),
    [birth.code],
    'the upgrade folded the names already stored',
  );
});
