import { readFileSync } from 'node:fs';
import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, receive, type OpenTask } from '../helpers/drive.js';
import { receiptBody } from '../helpers/fixtures.js';
import { HEADER, MAPPING } from '../helpers/legacy-export.js';

// The real 2025 reorganisation of Hà Nội (NQ 1656/NQ-UBTVQH15): 126 communes replace 584, districts are abolished.
const HANOI_2025 = {
  name: 'Sắp xếp đơn vị hành chính cấp xã, NQ 1656/NQ-UBTVQH15',
  effectiveDate: '2025-07-01',
  unitsCsv: readFileSync('src/units/data/units-2025.csv', 'utf8'),
  mergesCsv: readFileSync('src/units/data/units-2025-merges.csv', 'utf8'),
  abolishLevels: ['huyen'],
  complete: true,
};

interface Retiring {
  code: string;
  name: string;
  primary: string;
  rule: string;
}

/** Opens a birth-registration dossier at a commune, with its own officer and leader; the first ones advance a step. */
async function openAt(h: TestApp, code: string, advance: boolean): Promise<string> {
  await h.user(`cb${code}`, code, ['officer']);
  await h.user(`ld${code}`, code, ['leader']);
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: `cb${code}`,
    payload: { ...receiptBody('1.001193'), unitCode: code },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const dossier = res.json();
  if (advance)
    await h.request({
      method: 'POST',
      url: `/api/tasks/${dossier.tasks[0].id}/complete`,
      as: `cb${code}`,
      payload: {},
    });
  return dossier.code;
}

/** Completes tasks of a dossier as `users[role]` until it ends. */
async function finish(
  h: TestApp,
  code: string,
  users: Record<string, string>,
  choose: (task: OpenTask) => string | undefined = (task) => task.outcomes[0],
) {
  let dossier = (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'admin' })).json();
  for (let steps = 0; dossier.tasks.length && steps < 12; steps++) {
    const task: OpenTask = dossier.tasks[0];
    const outcome = task.outcomes.length ? choose(task) : undefined;
    const res = await h.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      as: users[task.role]!,
      payload: outcome ? { outcome } : {},
    });
    if (res.statusCode !== 200) throw new Error(`${task.activityId} at ${task.unitCode}: ${res.body}`);
    dossier = res.json().dossier;
  }
  return dossier;
}

t.test('the 2025 Hà Nội reorganisation, applied to dossiers spread over the 2018 communes', async (t) => {
  const h = await testApp(t);
  const post = (payload: object) => h.request({ method: 'POST', url: '/api/reorganisations', as: 'admin', payload });

  // Dry run first (the default): it changes nothing and says who succeeds whom, and why.
  const dry = await post(HANOI_2025);
  t.equal(dry.statusCode, 200, 'the dry run answers');
  const plan = dry.json();
  t.match(plan, { id: null, status: 'dry-run', created: 0 });
  t.equal(plan.continuing.length, 126, 'each of the 126 new communes keeps one old code');
  t.equal(plan.retiring.filter((u: Retiring) => u.code.length === 3).length, 30, 'every district retires');
  t.equal(plan.retiring.length, 584 - 126 + 30);
  t.match(
    plan.retiring.find((u: Retiring) => u.code === '00001'),
    { name: 'Phường Phúc Xá', primary: '00097', rule: 'only' },
  );
  t.match(
    plan.retiring.find((u: Retiring) => u.code === '001'),
    { primary: '00004', rule: 'same-name' },
    'Quận Ba Đình → Phường Ba Đình',
  );
  t.equal(
    plan.retiring.filter((u: Retiring) => u.rule === 'inferred-from-parent').length,
    58,
    'the 58 communes gone before 2025 follow their district',
  );
  t.equal(
    (await h.request({ method: 'GET', url: '/api/units/00004' })).json().name,
    'Phường Trúc Bạch',
    'the dry run changed nothing',
  );

  // Dossiers of 2018 at communes of every kind of succession, two of them advanced to the leader's step.
  const sample = ['only', 'whole-population', 'same-name', 'first-listed', 'inferred-from-parent'].flatMap((rule) =>
    plan.retiring
      .filter((u: Retiring) => u.rule === rule && u.code.length === 5)
      .slice(0, 3)
      .map((u: Retiring) => u.code),
  );
  const communes = [...sample.filter((c) => c !== '00001'), '00004', '09616'];
  const codes: string[] = [];
  for (const [i, code] of communes.entries()) codes.push(await openAt(h, code, i % 2 === 0));
  const atPhucXa = (await receive(h, '1.001193')).code;
  const lienThong = (await receive(h, '2.001023')).code;
  let lt = (await h.request({ method: 'GET', url: `/api/dossiers/${lienThong}`, as: 'admin' })).json();
  while (lt.tasks[0].unitCode !== '001') lt = await complete(h, lt.tasks[0], lt.tasks[0].outcomes[0]);
  const atDistrict = (await receive(h, '2.000528')).code;
  const finished = (await receive(h, '1.001193')).code;
  await finish(h, finished, { officer: 'canbo.phucxa', leader: 'lanhdao.phucxa' });
  const all = [...codes, atPhucXa, lienThong, atDistrict, finished];

  h.clock.set('2025-07-01T08:00:00+07:00');
  const applied = await post({ ...HANOI_2025, dryRun: false });
  t.equal(applied.statusCode, 200, 'the reorganisation is applied');
  t.match(applied.json(), { status: 'applied', dossiers: 0, staff: 0 });

  const units = new Map(
    (await h.request({ method: 'GET', url: '/api/units' }))
      .json()
      .map((u: { code: string; validTo: string | null }) => [u.code, u]),
  );
  const inForce = (code: string) => (units.get(code) as { validTo: string | null } | undefined)?.validTo === null;
  t.match(
    units.get('00004'),
    { name: 'Phường Ba Đình', parentCode: '01', validTo: null },
    'a continuing unit takes its new name, under the city',
  );
  t.ok(
    [...units.values()]
      .filter((u) => (u as { level: string }).level === 'huyen')
      .every((u) => (u as { validTo: string }).validTo === '2025-07-01'),
  );
  const communesOn = async (day: string) =>
    (await h.request({ method: 'GET', url: `/api/units?level=xa&inForceOn=${day}` })).json().length;
  t.same([await communesOn('2025-06-30'), await communesOn('2025-07-01')], [584, 126], 'the commune list of each day');

  for (const code of all) {
    const dossier = (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'admin' })).json();
    t.ok(
      dossier.tasks.every((task: OpenTask) => inForce(task.unitCode)),
      `${code}: no open task at a retired unit`,
    );
    t.ok(dossier.finishedAt || inForce(dossier.deskUnitCode), `${code}: its desk is a unit in force`);
    t.match(
      (await h.request({ method: 'GET', url: `/api/dossiers/${code}/audit/verify`, as: 'thanhtra' })).json(),
      { ok: true },
      `${code}: the chain verifies`,
    );
    t.match(
      (await h.request({ method: 'GET', url: `/api/dossiers/${code}/replay`, as: 'thanhtra' })).json(),
      { ok: true },
      `${code}: the replay matches`,
    );
  }

  const phucXa = (await h.request({ method: 'GET', url: `/api/dossiers/${atPhucXa}`, as: 'admin' })).json();
  t.match(
    phucXa,
    { unitCode: '00001', unitName: 'Phường Phúc Xá', deskUnitCode: '00097', deskUnitName: 'Phường Hồng Hà' },
    'the citizen sees the new unit beside the one that received it',
  );
  const history = (await h.request({ method: 'GET', url: `/api/dossiers/${atPhucXa}/history`, as: 'admin' })).json();
  t.match(
    history.at(-1).label,
    /^Bàn giao hồ sơ khi sắp xếp đơn vị hành chính \(Sắp xếp đơn vị hành chính cấp xã, NQ 1656\/NQ-UBTVQH15, hiệu lực 01\/07\/2025\): bộ phận một cửa: .*Phúc Xá → .*Hồng Hà/,
  );
  const slip = (await h.request({ method: 'GET', url: `/api/dossiers/${atPhucXa}/control-slip`, as: 'admin' })).json();
  t.match(
    slip.handovers.at(-1),
    { from: { unitCode: '00001' }, to: { unitCode: '00097' } },
    'the control slip records the handover',
  );
  t.match(
    (await h.request({ method: 'GET', url: '/api/users/me', as: 'canbo.phucxa' })).json(),
    { unitCode: '00097' },
    'the staff moved with their unit',
  );

  // The work goes on at the successors: the liên thông dossier's district step now sits at the commune's successor.
  const lienThongNow = (await h.request({ method: 'GET', url: `/api/dossiers/${lienThong}`, as: 'admin' })).json();
  t.match(lienThongNow.tasks[0], { activityId: 'CapTheBHYT', unitCode: '00097' });
  const staff = { officer: 'canbo.phucxa', leader: 'lanhdao.phucxa' };
  t.match(await finish(h, lienThong, staff), { statusCode: 10 }, 'a liên thông dossier finishes at the successor');
  t.match(
    await finish(h, atDistrict, { officer: 'canbo.badinh', leader: 'lanhdao.badinh' }),
    { statusCode: 10, deskUnitCode: '00004' },
    'a district dossier finishes at Phường Ba Đình',
  );

  // The old unit takes no more staff (nor dossiers: see the next test).
  const hire = await h.request({
    method: 'POST',
    url: '/api/users',
    as: 'admin',
    payload: {
      username: 'cb.cu',
      password: 'mat-khau-dai-du',
      fullName: 'Cán bộ',
      unitCode: '00001',
      roles: ['officer'],
    },
  });
  t.match(hire.json(), {
    status: 400,
    code: 'unit-not-in-force',
    detail: 'Đơn vị "Phường Phúc Xá" không còn hoạt động; hãy chọn đơn vị kế thừa.',
  });

  // Reports on 2018 still show the units of 2018; rolled up, they count under today's units.
  const report = (rollUp: boolean) =>
    h
      .request({
        method: 'GET',
        url: `/api/reports/on-time?from=2018-11-01&to=2018-11-30&groupBy=unit&rollUp=${rollUp}`,
        as: 'admin',
      })
      .then((r) => r.json());
  const then = await report(false);
  t.match(
    then.find((r: { key: string }) => r.key === '00004'),
    { label: 'Phường Trúc Bạch', received: 1 },
  );
  t.match(
    then.find((r: { key: string }) => r.key === '00001'),
    { label: 'Phường Phúc Xá', received: 3, resolved: 2 },
  );
  const now = await report(true);
  t.notOk(now.some((r: { key: string }) => r.key === '00001'));
  t.match(
    now.find((r: { key: string }) => r.key === '00097'),
    { label: 'Phường Hồng Hà', received: 3, resolved: 2 },
  );
  t.equal(
    now.reduce((n: number, r: { received: number }) => n + r.received, 0),
    then.reduce((n: number, r: { received: number }) => n + r.received, 0),
    'rolling up loses nothing',
  );

  // Loading it again changes nothing.
  const events = (await h.request({ method: 'GET', url: `/api/dossiers/${atPhucXa}/history`, as: 'admin' })).json()
    .length;
  t.match((await post({ ...HANOI_2025, dryRun: false })).json(), { id: applied.json().id, status: 'applied' });
  t.equal(
    (await h.request({ method: 'GET', url: `/api/dossiers/${atPhucXa}/history`, as: 'admin' })).json().length,
    events,
  );
  t.equal((await h.request({ method: 'GET', url: '/api/reorganisations', as: 'admin' })).json().length, 1);
});

t.test('a reorganisation loaded ahead takes effect on its date, through the scheduler', async (t) => {
  const h = await testApp(t);
  const loaded = await h.request({
    method: 'POST',
    url: '/api/reorganisations',
    as: 'admin',
    payload: { ...HANOI_2025, effectiveDate: '2018-12-03', dryRun: false },
  });
  t.match(loaded.json(), { status: 'scheduled', dossiers: 0, staff: 4 });
  t.equal((await receive(h, '1.001193')).unitCode, '00001', 'until the date, the old unit receives');
  const open = (await receive(h, '1.001193')).code;
  t.equal(
    (await h.request({ method: 'GET', url: '/api/units/00004' })).json().name,
    'Phường Trúc Bạch',
    'names change on the date, not before',
  );

  h.clock.set('2018-12-03T07:30:00+07:00');
  const refused = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: receiptBody('1.001193'),
  });
  t.equal(refused.statusCode, 422, 'from the date, the old unit stops receiving even before the handover runs');
  await h.app.system.scheduler.runDue();
  t.match((await h.request({ method: 'GET', url: '/api/reorganisations', as: 'admin' })).json(), [
    { status: 'applied' },
  ]);
  t.match((await h.request({ method: 'GET', url: `/api/dossiers/${open}`, as: 'canbo.phucxa' })).json(), {
    deskUnitCode: '00097',
    tasks: [{ unitCode: '00097' }],
  });
  t.equal((await h.request({ method: 'GET', url: '/api/units/00004' })).json().name, 'Phường Ba Đình');
});

t.test('only an admin reorganises; bad files get every problem listed', async (t) => {
  const h = await testApp(t);
  t.equal(
    (await h.request({ method: 'POST', url: '/api/reorganisations', as: 'vpubnd', payload: HANOI_2025 })).statusCode,
    403,
  );
  t.equal((await h.request({ method: 'GET', url: '/api/reorganisations' })).statusCode, 401);
  const bad = await h.request({
    method: 'POST',
    url: '/api/reorganisations',
    as: 'admin',
    payload: {
      ...HANOI_2025,
      mergesCsv: `${HANOI_2025.mergesCsv}99999,Phường Mới,phuong,00001,Phường Phúc Xá,phuong,001,Quận Ba Đình,full,Nhập toàn bộ,,yes\n`,
    },
  });
  t.equal(bad.statusCode, 422);
  t.match(bad.json(), {
    code: 'reorganisation-invalid',
    errors: [{ message: /dòng 797: đơn vị mới 99999 không có trong danh sách đơn vị mới/ }],
  });
  t.equal(
    (await h.request({ method: 'GET', url: '/api/reorganisations', as: 'admin' })).json().length,
    0,
    'nothing was loaded',
  );
});

t.test('a result ready but not yet returned moves with its desk', async (t) => {
  const h = await testApp(t);
  const row =
    'PX-2018-0201,Đăng ký khai sinh,Nguyễn Văn An,001090000201,,12/11/2018 08:30,12/11/2018 17:00,Đã giải quyết,12/11/2018 15:00,,';
  const imported = await h.request({
    method: 'POST',
    url: '/api/imports/legacy',
    as: 'admin',
    payload: {
      fileName: 'phucxa.csv',
      content: `${HEADER}\n${row}`,
      mapping: MAPPING,
      unitCode: '00001',
      dryRun: false,
    },
  });
  t.match(imported.json(), { imported: [{ code: 'PX-2018-0201', statusCode: 9 }] });
  h.clock.set('2025-07-01T08:00:00+07:00');
  const merge = { ...HANOI_2025, dryRun: false };
  t.match((await h.request({ method: 'POST', url: '/api/reorganisations', as: 'admin', payload: merge })).json(), {
    status: 'applied',
  });
  t.match((await h.request({ method: 'GET', url: '/api/dossiers/PX-2018-0201', as: 'admin' })).json(), {
    statusCode: 9,
    deskUnitCode: '00097',
  });
  const returned = await h.request({
    method: 'POST',
    url: '/api/dossiers/PX-2018-0201/return',
    as: 'canbo.phucxa',
    payload: {},
  });
  t.match(returned.json(), { statusCode: 10 }, 'the successor’s desk returns the result');
});
