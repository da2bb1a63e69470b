import t from 'tap';
import { testApp } from '../helpers/app.js';
import { motcua } from '../helpers/cli.js';

t.test(
  'a database started in 2018 takes the shipped 2025 revisions of its procedures from the command line',
  async (t) => {
    const h = await testApp(t); // started on 19/11/2018: the 2018 versions only
    const versions = async (code: string) =>
      (await h.request({ method: 'GET', url: `/api/procedures/${code}/versions`, as: 'admin' })).json();
    t.equal((await versions('2.000528')).length, 1);

    const dry = await motcua(h.databaseUrl, 'publish-revisions', '--dry-run').done;
    t.equal(dry.code, 0, dry.stderr);
    t.match(
      dry.stdout,
      /^2\.000528: sẽ là phiên bản mới, hiệu lực từ \d\d\/\d\d\/20\d\d \d\d:\d\d \(sửa đổi ngày 01\/07\/2025\)$/m,
    );
    t.match(dry.stdout, 'Chạy thử: sẽ công bố 4 bản sửa đổi quy trình.');
    t.equal((await versions('2.000528')).length, 1, 'a dry run changes nothing');

    const before = new Date().toISOString();
    const real = await motcua(h.databaseUrl, 'publish-revisions').done;
    t.equal(real.code, 0, real.stderr);
    t.match(real.stdout, /^2\.001023: phiên bản 2, hiệu lực từ /m);
    t.match(real.stdout, 'Đã công bố 4 bản sửa đổi quy trình.');
    const [first, second] = await versions('2.000528');
    t.match(first, { number: 1, validFrom: null });
    t.equal(first.validTo, second.validFrom, 'the 2018 version ends when the revision starts');
    t.ok(
      second.validFrom >= before,
      'in force from now: the dossiers received since 1/7/2025 keep the version they ran on',
    );
    const procedure = (await h.request({ method: 'GET', url: '/api/procedures/2.000528' })).json();
    t.same(procedure.levels, ['xa'], 'the procedure’s fields are the revision’s');
    const events = await h.app.system.db
      .knex('catalogue_events')
      .where({ procedure_code: '2.000528', type: 'version.published' });
    t.match(events, [{ actor_id: null }], 'the catalogue’s history records the publication');
    t.match(JSON.parse(events[0].payload), { number: 2, shippedRevision: '2025-07-01' });

    const again = await motcua(h.databaseUrl, 'publish-revisions').done;
    t.match(again.stdout, 'Cơ sở dữ liệu đã có mọi bản sửa đổi quy trình đi kèm hệ thống.');
    t.equal((await versions('2.000528')).length, 2, 'nothing is published twice');
  },
);
