import t, { type Test } from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { todayReceipt } from '../helpers/fixtures.js';

// Who sees which units' figures: a leader their own unit (what it received and what it handles), in every grouping
// and in the CSV; VPUBND, auditors and administrators every unit.
const TODAY = '2026-12-02T09:00:00+07:00';
const PERIOD = 'from=2026-12-01&to=2026-12-31';

async function seeded(t: Test): Promise<TestApp> {
  const h = await testApp(t, { start: TODAY });
  for (const code of ['1.001193', '1.013236']) {
    const { officer, body } = todayReceipt(code);
    const res = await h.request({ method: 'POST', url: '/api/dossiers', as: officer, payload: body });
    t.equal(res.statusCode, 201, res.body);
  }
  const forWard = { ...todayReceipt('1.001193').body, unitCode: 'TTPVHCC-CN01', competentUnitCode: '00070' };
  const res = await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.chinhanh1', payload: forWard });
  t.equal(res.statusCode, 201, res.body);
  return h;
}

const report = (h: TestApp, as: string, query: string) =>
  h.request({ method: 'GET', url: `/api/reports/on-time?${PERIOD}&${query}`, as });

t.test('a leader’s reports hold their own unit only, in every grouping and export', async (t) => {
  const h = await seeded(t);
  for (const query of [
    'groupBy=unit',
    'groupBy=level',
    'groupBy=month',
    'groupBy=procedure',
    'groupBy=unit&rollUp=true',
  ]) {
    const res = await report(h, 'lanhdao.hoankiem', query);
    t.equal(res.statusCode, 200, `${query}: ${res.body}`);
    const rows = res.json() as { key: string; received: number; handled: number }[];
    const sum = (k: 'received' | 'handled') => rows.reduce((n, r) => n + r[k], 0);
    t.same([sum('received'), sum('handled')], [1, 2], `${query}: one received at the ward, two handled there`);
    if (query.startsWith('groupBy=unit'))
      t.same(
        rows.map((r) => r.key),
        ['00070'],
        `${query}: the ward’s row alone`,
      );
    const named = await report(h, 'lanhdao.hoankiem', `${query}&unitCode=00070`);
    t.same(named.json(), rows, `${query}: naming the own unit is the same`);
  }
  const csv = await report(h, 'lanhdao.hoankiem', 'groupBy=unit&format=csv');
  t.equal(csv.statusCode, 200);
  t.same(
    csv.body
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]),
    ['00070'],
    'the CSV holds the ward alone',
  );
  for (const other of ['SXD', 'TTPVHCC-CN01', '00640']) {
    for (const format of ['json', 'csv']) {
      const res = await report(h, 'lanhdao.hoankiem', `groupBy=unit&unitCode=${other}&format=${format}`);
      t.equal(res.statusCode, 403, `another unit (${other}, ${format}) is refused`);
      t.match(res.json(), { code: 'forbidden', detail: /chỉ gồm số liệu của đơn vị mình/ });
    }
  }
  t.equal((await report(h, 'lanhdao.sxd', 'groupBy=unit')).json().length, 1, 'a department’s leader: the department');
});

t.test(
  'VPUBND, auditors, administrators and the service centre’s leaders see every unit; officers no report',
  async (t) => {
    const h = await seeded(t);
    for (const as of ['vpubnd', 'thanhtra', 'admin']) {
      const rows = (await report(h, as, 'groupBy=unit')).json() as { key: string }[];
      t.same(rows.map((r) => r.key).sort(), ['00070', 'SXD', 'TTPVHCC-CN01'], `${as}: every unit with dossiers`);
      t.equal((await report(h, as, 'groupBy=unit&unitCode=SXD')).json().length, 1, `${as}: any unit by name`);
    }
    await h.user('lanhdao.ttpvhcc', 'TTPVHCC', ['leader']);
    const centre = (await report(h, 'lanhdao.ttpvhcc', 'groupBy=unit')).json() as { key: string }[];
    t.same(centre.map((r) => r.key).sort(), ['00070', 'SXD', 'TTPVHCC-CN01'], 'the service centre’s leaders: all');
    await h.user('lanhdao.chinhanh1', 'TTPVHCC-CN01', ['leader']);
    t.equal(
      (await report(h, 'lanhdao.chinhanh1', 'groupBy=unit&unitCode=SXD')).statusCode,
      403,
      'a branch’s leader: the branch only',
    );
    t.equal((await report(h, 'canbo.hoankiem', 'groupBy=unit')).statusCode, 403, 'an officer');
    t.equal((await report(h, 'canbo.chinhanh1', 'groupBy=unit')).statusCode, 403, 'a branch officer');
  },
);
