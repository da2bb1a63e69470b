import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, type OpenTask } from '../helpers/drive.js';
import { RECEIPTS, receiptBody } from '../helpers/fixtures.js';
import { submitted } from '../helpers/portal.js';

type Fate = 'early' | 'on-time' | 'late' | 'open' | 'paused' | 'withdrawn' | 'refused' | 'incomplete';
const FATES: Fate[] = [
  'early',
  'early',
  'on-time',
  'late',
  'open',
  'paused',
  'withdrawn',
  'refused',
  'incomplete',
  'early',
];
const PROCEDURES = ['1.001193', '2.000908', '2.000528', '1.013236', '2.001023'];

/** A month of synthetic dossiers: each procedure at its units, received on the working days of November 2018, each with a fate. */
async function seedMonth(h: TestApp): Promise<number> {
  let n = 0;
  for (let day = 1; day <= 30; day++) {
    const date = `2018-11-${String(day).padStart(2, '0')}`;
    if (!h.app.system.calendars.standard.isWorkingDay(date)) continue;
    for (const [i, code] of PROCEDURES.entries()) {
      const fate = FATES[(day + i * 3) % FATES.length]!;
      h.clock.set(`${date}T${String(8 + i).padStart(2, '0')}:30:00+07:00`);
      await live(h, code, fate);
      n++;
    }
  }
  // Received half an hour after midnight on 1 December in Hà Nội (still 30 November in UTC): December's.
  h.clock.set('2018-12-01T00:30:00+07:00');
  await live(h, '1.001193', 'open');
  return n;
}

async function live(h: TestApp, code: string, fate: Fate): Promise<void> {
  const officer = RECEIPTS[code]!.officer;
  const outcome =
    fate === 'refused'
      ? { outcome: 'refuse', reason: 'Không thuộc thẩm quyền' }
      : fate === 'incomplete'
        ? { outcome: 'supplement', missingItems: ['Tờ khai'] }
        : {};
  let dossier = (
    await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: officer,
      payload: { ...receiptBody(code), ...outcome },
    })
  ).json();
  if (fate === 'refused' || fate === 'incomplete') return;
  if (fate === 'paused') {
    await h.request({
      method: 'POST',
      url: `/api/dossiers/${dossier.code}/pause`,
      as: officer,
      payload: { kind: 'obligation', reason: 'Nộp lệ phí' },
    });
    return;
  }
  if (fate === 'withdrawn') {
    await h.request({
      method: 'POST',
      url: `/api/dossiers/${dossier.code}/withdraw`,
      as: officer,
      payload: { reason: 'Xin rút' },
    });
    return;
  }
  if (fate === 'open') return;
  // All the work happens a minute before the due time (on time) or an hour after it (late), or at once (early).
  const due = new Date(dossier.dueAt).getTime();
  if (fate === 'late') h.clock.set(new Date(due + 3_600_000).toISOString());
  if (fate === 'on-time') h.clock.set(new Date(due - 60_000).toISOString());
  while (dossier.tasks.length) {
    const task: OpenTask = dossier.tasks[0];
    dossier = await complete(h, task, task.outcomes[0]);
  }
}

t.test('the on-time report over a month of dossiers reconciles with the rows, however it is grouped', async (t) => {
  const h = await testApp(t);
  const seeded = await seedMonth(h);
  const report = async (query: string, as = 'vpubnd') => {
    const res = await h.request({ method: 'GET', url: `/api/reports/on-time?${query}`, as });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json() as Record<string, number | string | null>[];
  };
  const sum = (rows: Record<string, number | string | null>[], key: string) =>
    rows.reduce((s, r) => s + Number(r[key]), 0);
  const KEYS = [
    'received',
    'handled',
    'resolved',
    'onTime',
    'early',
    'late',
    'inProgress',
    'paused',
    'withdrawn',
    'refused',
  ];

  // What the rows say, counted here independently of the report.
  const rows = await h.app.system.db
    .knex('dossiers')
    .where('received_at', '>=', '2018-10-31T17:00:00.000Z')
    .where('received_at', '<', '2018-11-30T17:00:00.000Z');
  t.equal(rows.length, seeded, 'every November dossier is in the period, the one of 1 December is not');
  const resolved = rows.filter((r) => r.finished_at);
  const localDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
  const expected = {
    received: rows.filter((r) => r.status_code !== 3).length,
    resolved: resolved.length,
    onTime: resolved.filter((r) => r.finished_at <= r.due_at).length,
    early: resolved.filter((r) => localDay(r.finished_at) < localDay(r.due_at)).length,
    late: resolved.filter((r) => r.finished_at > r.due_at).length,
    paused: rows.filter((r) => !r.finished_at && [5, 6, 8].includes(r.status_code)).length,
    withdrawn: rows.filter((r) => r.status_code === 7).length,
    refused: rows.filter((r) => r.status_code === 3).length,
  };
  t.ok(
    expected.late > 0 &&
      expected.early > 0 &&
      expected.onTime > expected.early &&
      expected.paused > 0 &&
      expected.withdrawn > 0 &&
      expected.refused > 0,
    `the month has every kind of dossier: ${JSON.stringify(expected)}`,
  );

  for (const groupBy of ['unit', 'level', 'procedure', 'month']) {
    const groups = await report(`from=2018-11-01&to=2018-11-30&groupBy=${groupBy}`);
    for (const [key, value] of Object.entries(expected)) t.equal(sum(groups, key), value, `by ${groupBy}: ${key}`);
    for (const g of groups) {
      t.equal(
        Number(g.handled),
        Number(g.resolved) + Number(g.inProgress) + Number(g.paused) + Number(g.withdrawn),
        `${groupBy} ${g.key}: handled = resolved + in progress + paused + withdrawn`,
      );
      t.equal(
        Number(g.handled),
        Number(g.received),
        `${groupBy} ${g.key}: every dossier received here is handled here`,
      );
      t.equal(Number(g.resolved), Number(g.onTime) + Number(g.late), `${groupBy} ${g.key}: resolved = on time + late`);
      t.ok(Number(g.early) <= Number(g.onTime), `${groupBy} ${g.key}: early is part of on time`);
      t.equal(
        g.onTimeRate,
        Number(g.resolved) ? Math.round((Number(g.onTime) / Number(g.resolved)) * 10000) / 10000 : null,
      );
    }
  }
  const byMonth = await report('from=2018-11-01&to=2018-12-31&groupBy=month');
  t.same(
    byMonth.map((g) => [g.key, g.label]),
    [
      ['2018-11', 'Tháng 11/2018'],
      ['2018-12', 'Tháng 12/2018'],
    ],
    'months in Hà Nội time',
  );
  t.equal(byMonth[1]!.received, 1);

  const byUnit = await report('from=2018-11-01&to=2018-11-30&groupBy=unit');
  t.same(
    byUnit.map((g) => g.key),
    ['00001', '001', 'SXD'],
  );
  t.equal(byUnit[0]!.label, 'Phường Phúc Xá');
  t.equal(
    sum(byUnit, 'lateAttributed'),
    rows.filter((r) => r.late_unit_code).length,
    'each late dossier is attributed to one unit',
  );
  const commune = await report('from=2018-11-01&to=2018-11-30&groupBy=procedure&level=xa');
  t.same(
    commune.map((g) => g.key),
    ['1.001193', '2.000908', '2.001023'],
    'filtered by the receiving unit’s level',
  );
  const one = await report('from=2018-11-01&to=2018-11-30&groupBy=unit&procedureCode=1.013236');
  t.same(
    one.map((g) => g.key),
    ['SXD'],
  );

  const csv = await h.request({
    method: 'GET',
    url: '/api/reports/on-time?from=2018-11-01&to=2018-11-30&groupBy=unit',
    as: 'vpubnd',
    headers: { accept: 'text/csv' },
  });
  t.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  t.equal(
    lines[0],
    'Mã,Tên,Tiếp nhận,Thuộc thẩm quyền,Đã giải quyết,Đúng hạn (gồm trước hạn),Trước hạn,Quá hạn,Đang giải quyết,Tạm dừng,Rút hồ sơ,Từ chối tiếp nhận,Tỷ lệ đúng hạn,Quá hạn do đơn vị',
  );
  t.same(
    lines.slice(1).map((l) => l.split(',').slice(2, 12).map(Number)),
    byUnit.map((g) => KEYS.map((k) => Number(g[k]))),
    'the CSV holds the same figures',
  );
  t.equal(
    (await h.request({ method: 'GET', url: '/api/reports/on-time?from=2018-11-01&to=2018-11-30', as: 'canbo.phucxa' }))
      .statusCode,
    403,
    'officers do not read reports',
  );
  t.equal(
    (await h.request({ method: 'GET', url: '/api/reports/on-time?from=2018-12-01&to=2018-11-01', as: 'vpubnd' }))
      .statusCode,
    400,
    'a period that ends before it starts',
  );
});

t.test('a dossier submitted online counts once the desk receives it, not before', async (t) => {
  const h = await testApp(t); // Monday 19/11/2018
  const received = async () => {
    const [commune] = (
      await h.request({
        method: 'GET',
        url: '/api/reports/on-time?from=2018-11-01&to=2018-11-30&groupBy=unit&unitCode=00001',
        as: 'vpubnd',
      })
    ).json();
    return commune ? [commune.received, commune.inProgress, commune.refused] : [];
  };
  const online = await submitted(h);
  t.same(await received(), [], 'waiting for receipt: neither received nor refused');
  const res = await h.request({
    method: 'POST',
    url: `/api/dossiers/${online.code}/receive`,
    as: 'canbo.phucxa',
    payload: { outcome: 'accept' },
  });
  t.equal(res.statusCode, 200, res.body);
  t.same(await received(), [1, 1, 0]);
});
