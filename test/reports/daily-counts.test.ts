import t from 'tap';
import { migrateToLatest, migrationSource } from '../../src/db/migrate.js';
import { testApp } from '../helpers/app.js';
import { complete, receive } from '../helpers/drive.js';

// The report by unit, level or month reads the daily counts the database keeps (migration 20261129000200); by
// procedure it reads the dossiers. Both must tell the same story, including for dossiers stored before the counts.

const COUNTS_MIGRATIONS = [
  '20261203000300_received_documents',
  '20261203000200_boundary_free_receipt',
  '20261129000200_report_counts',
]; // latest first

t.test(
  'a database upgraded with dossiers already in it counts them, and the counts follow each later step',
  async (t) => {
    const h = await testApp(t); // Monday 19/11/2018, 09:00
    const report = async (groupBy: string) => {
      const res = await h.request({
        method: 'GET',
        url: `/api/reports/on-time?from=2018-11-01&to=2018-11-30&groupBy=${groupBy}`,
        as: 'vpubnd',
      });
      t.equal(res.statusCode, 200, res.body);
      return res.json() as {
        key: string;
        received: number;
        resolved: number;
        inProgress: number;
        lateAttributed?: number;
      }[];
    };
    const first = await receive(h, '1.001193');
    await receive(h, '2.000528');
    await complete(h, first.tasks[0]);
    const before = await report('unit');
    t.same(
      before.map((g) => [g.key, g.received]),
      [
        ['00001', 1],
        ['001', 1],
      ],
    );

    // As if the database came from a release without the counts: undo that migration, then upgrade again.
    const { knex } = h.app.system.db;
    for (const name of COUNTS_MIGRATIONS) await knex.migrate.down({ migrationSource, name });
    t.notOk(await knex.schema.hasTable('report_counts'), 'the counts are gone with their migration');
    await migrateToLatest(knex);
    t.same(await report('unit'), before, 'the upgrade counted the dossiers already there');

    // Later steps move a dossier between counts: the birth registration is signed and returned, a new one is received.
    h.clock.set('2018-11-20T10:00:00+07:00');
    let dossier = (await h.request({ method: 'GET', url: `/api/dossiers/${first.code}`, as: 'canbo.phucxa' })).json();
    while (dossier.tasks.length) dossier = await complete(h, dossier.tasks[0], dossier.tasks[0].outcomes[0]);
    await receive(h, '1.001193');
    const byUnit = await report('unit');
    t.same(
      byUnit.map((g) => [g.key, g.received, g.resolved, g.inProgress]),
      [
        ['00001', 2, 1, 1],
        ['001', 1, 0, 1],
      ],
    );
    const byProcedure = await report('procedure');
    for (const key of ['received', 'resolved', 'inProgress'] as const) {
      t.equal(
        byUnit.reduce((s, g) => s + g[key], 0),
        byProcedure.reduce((s, g) => s + g[key], 0),
        `${key}: the counts and the dossiers agree`,
      );
    }
  },
);
