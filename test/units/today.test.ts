import { readFileSync } from 'node:fs';
import t from 'tap';
import { fromRoot } from '../../src/project.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { MAPPING } from '../helpers/legacy-export.js';

// A new installation on Wednesday 2 December 2026: it starts on the map of that day.
const TODAY = '2026-12-02T09:00:00+07:00';

const get = async (h: TestApp, url: string, as = 'admin') => (await h.request({ method: 'GET', url, as })).json();

const BIRTH = {
  procedureCode: '1.001193',
  unitCode: '00070',
  channel: 'direct',
  applicant: { fullName: 'Nguyễn Văn Bình', idNumber: '001090012345' },
  data: {
    childFullName: 'Nguyễn Minh An',
    childBirthDate: '2026-11-25',
    childGender: 'Nam',
    birthPlace: 'Bệnh viện Phụ sản Hà Nội',
    motherFullName: 'Trần Thị Mai',
  },
};

t.test('a new installation starts in today’s Hà Nội: 126 wards and communes, no district', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const inForce = await get(h, '/api/units?inForceOn=2026-12-02');
  const communes = inForce.filter((u: { level: string }) => u.level === 'xa');
  t.equal(communes.length, 126, 'NQ 1656/NQ-UBTVQH15: 126 commune-level units');
  t.equal(communes.filter((u: { kind: string }) => u.kind === 'phuong').length, 51, '51 wards');
  t.equal(communes.filter((u: { kind: string }) => u.kind === 'xa').length, 75, '75 communes');
  t.equal(inForce.filter((u: { level: string }) => u.level === 'huyen').length, 0, 'no district-level unit in force');
  const expected = readFileSync(fromRoot('src/units/data/units-2025.csv'), 'utf8').trim().split('\n').slice(1);
  t.same(
    communes.map((u: { code: string; name: string }) => `${u.code},${u.name}`).sort(),
    expected.map((line) => line.split(',').slice(0, 2).join(',')).sort(),
    'exactly the units of the resolution, with their names',
  );
  t.match(
    inForce.filter((u: { code: string }) => ['TTPVHCC', 'TTPVHCC-CN01', 'BHXHTP', 'CATP', 'SXD'].includes(u.code)),
    [
      { code: 'BHXHTP', name: 'Bảo hiểm xã hội thành phố Hà Nội' },
      { code: 'CATP', name: 'Công an thành phố Hà Nội' },
      { code: 'SXD', name: 'Sở Xây dựng' },
      { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội' },
      { code: 'TTPVHCC-CN01', parentCode: 'TTPVHCC', validFrom: '2025-07-01' },
    ],
  );
  t.equal(inForce.filter((u: { kind: string }) => u.kind === 'chi_nhanh').length, 12, 'the centre’s 12 branches');

  // The 2018 map is history: present, with its validity and successors, as a reorganisation records it.
  t.match(await get(h, '/api/units/00001'), { name: 'Phường Phúc Xá', validTo: '2025-07-01' });
  t.match(await get(h, '/api/units/001'), { name: 'Quận Ba Đình', level: 'huyen', validTo: '2025-07-01' });
  t.match(await get(h, '/api/units/00004'), { name: 'Phường Ba Đình', validTo: null }, 'a continuing code, renamed');
  t.match(await get(h, '/api/reorganisations'), [
    { name: 'NQ 1656/NQ-UBTVQH15', effectiveDate: '2025-07-01', status: 'applied', created: 0 },
  ]);
  const { knex } = h.app.system.db;
  t.match(await knex('unit_history').where({ code: '00004' }).first(), { name: 'Phường Trúc Bạch' });
  t.match(await knex('unit_successions').where({ old_code: '00001', is_primary: true }).first(), { new_code: '00097' });

  // Every demo account sits at a unit in force today.
  const users: { username: string; unit_code: string | null }[] = await knex('users').select('username', 'unit_code');
  for (const user of users.filter((u) => u.unit_code)) {
    const unit = await get(h, `/api/units/${user.unit_code}`);
    t.equal(unit.validTo, null, `${user.username} works at ${unit.name}, in force`);
  }
  t.notOk(
    users.some((u) => u.username === 'canbo.phucxa'),
    'no demo officer at a ward abolished in 2025',
  );
});

t.test('a ward officer of today receives a birth registration and takes it to the end', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const received = await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.hoankiem', payload: BIRTH });
  t.equal(received.statusCode, 201, received.body);
  let dossier = received.json();
  t.match(dossier, { unitCode: '00070', unitName: 'Phường Hoàn Kiếm', statusCode: 4 });
  t.match(dossier.code, /^H26\.00070-261202-\d{4}$/);
  const holder: Record<string, string> = { officer: 'canbo.hoankiem', leader: 'lanhdao.hoankiem' };
  for (let steps = 0; dossier.tasks.length && steps < 10; steps++) {
    const [task] = dossier.tasks;
    t.equal(task.unitCode, '00070', `${task.activityId} is at the ward`);
    h.clock.advanceHours(1);
    const res = await h.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      as: holder[task.role],
      payload: task.outcomes.length ? { outcome: task.outcomes[0] } : {},
    });
    t.equal(res.statusCode, 200, res.body);
    dossier = res.json().dossier;
  }
  t.equal(dossier.statusCode, 10, 'result returned');
});

t.test('a unit abolished in 2025 receives nothing and takes no staff', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const atPhucXa = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.hoankiem',
    payload: { ...BIRTH, unitCode: '00001' },
  });
  t.equal(atPhucXa.statusCode, 403, 'nobody works at Phường Phúc Xá any more');
  const hire = await h.request({
    method: 'POST',
    url: '/api/users',
    as: 'admin',
    payload: {
      username: 'canbo.moi',
      password: 'mat-khau-rat-dai-2026',
      fullName: 'Cán bộ mới',
      unitCode: '00001',
      roles: ['officer'],
    },
  });
  t.match(hire.json(), {
    status: 400,
    code: 'unit-not-in-force',
    detail: 'Đơn vị "Phường Phúc Xá" không còn hoạt động; hãy chọn đơn vị kế thừa.',
  });
  t.equal(Number((await h.app.system.db.knex('dossiers').count({ n: '*' }).first())!.n), 0, 'nothing stored');

  // Nor can a later reorganisation retire it a second time.
  const again = await h.request({
    method: 'POST',
    url: '/api/reorganisations',
    as: 'admin',
    payload: {
      name: 'Nhập Phúc Xá vào Hồng Hà',
      effectiveDate: '2026-12-02',
      unitsCsv: 'code,name,kind\n00097,Phường Hồng Hà,phuong\n',
      mergesCsv: 'new_code,old_code,merge_type\n00097,00001,full\n',
      dryRun: false,
    },
  });
  t.match(again.json(), { status: 422, code: 'reorganisation-invalid' });
});

t.test('a 2018 dossier imported today keeps its 2018 unit and rolls up to its successor', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const content = [
    'code,procedure,applicant_name,applicant_id_number,applicant_phone,received_at,due_at,status,finished_at,current_step,history',
    'PX-2018-0101,Đăng ký khai sinh,Nguyễn Văn An,001090000101,,12/11/2018 08:30,12/11/2018 17:00,Đã trả kết quả,12/11/2018 15:00,,',
  ].join('\n');
  const res = await h.request({
    method: 'POST',
    url: '/api/imports/legacy',
    as: 'admin',
    payload: { fileName: 'phucxa-2018.csv', content, mapping: MAPPING, unitCode: '00001', dryRun: false },
  });
  t.equal(res.statusCode, 200, res.body);
  const [imported] = res.json().imported;
  t.match(await get(h, `/api/dossiers/${imported.code}`), { unitCode: '00001', unitName: 'Phường Phúc Xá' });
  const report = async (rollUp: boolean) =>
    get(h, `/api/reports/on-time?from=2018-11-01&to=2018-11-30&groupBy=unit&rollUp=${rollUp}`);
  t.match(
    (await report(false)).find((r: { key: string }) => r.key === '00001'),
    { label: 'Phường Phúc Xá', received: 1, resolved: 1 },
  );
  t.match(
    (await report(true)).find((r: { key: string }) => r.key === '00097'),
    { label: 'Phường Hồng Hà', received: 1, resolved: 1 },
  );
});

t.test(
  'an installation that starts on an earlier date starts on that date’s map (training on 2018 data)',
  async (t) => {
    const h = await testApp(t, { start: '2018-11-19T09:00:00+07:00' });
    const inForce = await get(h, '/api/units?inForceOn=2018-11-19');
    t.equal(inForce.filter((u: { level: string }) => u.level === 'xa').length, 584);
    t.equal(inForce.filter((u: { level: string }) => u.level === 'huyen').length, 30);
    t.same(
      await get(h, '/api/reorganisations'),
      [],
      'the 2025 reorganisation is for the admin to load when its day comes',
    );
    t.match(await get(h, '/api/units/00004'), { name: 'Phường Trúc Bạch' });
  },
);
