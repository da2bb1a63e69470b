import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, type OpenTask } from '../helpers/drive.js';
import { todayReceiptBody } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';

// Receipt regardless of administrative boundary (Hà Nội, from 18/11/2025): a branch of the service centre or any
// ward/commune desk receives a dossier for the competent unit, which handles it; the result comes back where the
// applicant chose.
const TODAY = '2026-12-02T09:00:00+07:00';
const BRANCH = 'TTPVHCC-CN01';
const THANH_TRI = '00640'; // the applicant lives in Xã Thanh Trì

const BIRTH = { ...todayReceiptBody('1.001193'), unitCode: BRANCH, competentUnitCode: THANH_TRI };

const post = (h: TestApp, as: string, payload: object) =>
  h.request({ method: 'POST', url: '/api/dossiers', as, payload });
const get = async (h: TestApp, url: string, as = 'vpubnd') => (await h.request({ method: 'GET', url, as })).json();
const total = async (h: TestApp) => (await get(h, '/api/dossiers?limit=1')).total as number;

t.test('a branch receives a commune procedure for the ward of the applicant, which handles it', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const res = await post(h, 'canbo.chinhanh1', BIRTH);
  t.equal(res.statusCode, 201, res.body);
  const received = res.json();
  t.match(received, {
    unitCode: BRANCH,
    unitName: /^Chi nhánh số 1/,
    deskUnitCode: THANH_TRI,
    deskUnitName: 'Xã Thanh Trì',
    resultReturn: 'desk',
    resultUnitCode: BRANCH,
  });
  t.ok(received.code.startsWith(`${(await get(h, `/api/units/${BRANCH}`)).agencyId}-`), 'coded by the receiving desk');

  const inbox = await get(h, '/api/tasks', 'canbo.thanhtri');
  t.same(
    inbox.map((task: { dossierCode: string }) => task.dossierCode),
    [received.code],
    'the first step is in the ward officer’s inbox',
  );
  t.match(inbox[0].dossier, { unitCode: BRANCH, unitName: /^Chi nhánh số 1/ }, 'which says where it was received');

  const receipt = await h.request({
    method: 'GET',
    url: `/api/dossiers/${received.code}/forms/receipt.pdf`,
    as: 'canbo.chinhanh1',
  });
  const text = (await pdfText(receipt.rawPayload)).replace(/\s+/g, ' ');
  t.match(text, 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HÀ NỘI', 'the receipt is the branch’s');
  t.match(text, 'Đơn vị có thẩm quyền giải quyết: Xã Thanh Trì');
  t.match(text, 'Nhận kết quả tại: Chi nhánh số 1 - Trung tâm Phục vụ hành chính công', 'a branch is named as itself');
  t.same(await get(h, '/api/tasks', 'canbo.chinhanh1'), [], 'not in the branch’s');

  let dossier = received;
  const holders: string[] = [];
  while (dossier.tasks.length) {
    const task: OpenTask = dossier.tasks[0];
    holders.push(`${task.activityId}@${task.unitCode}`);
    h.clock.advanceHours(1);
    dossier = await complete(h, task, task.outcomes[0]);
  }
  t.same(holders, ['ThamDinh@00640', 'KyDuyet@00640', `TraKetQua@${BRANCH}`], 'the result is returned at the branch');
  t.equal(dossier.statusCode, 10);

  const slip = await get(h, `/api/dossiers/${received.code}/control-slip`);
  const moves = slip.handovers.map((m: { from: { unitCode: string }; to: { unitCode: string } }) => [
    m.from.unitCode,
    m.to.unitCode,
  ]);
  t.same(moves[0], [BRANCH, THANH_TRI], 'the branch hands the dossier to the competent ward at receipt');
  t.same(moves.at(-2), [THANH_TRI, BRANCH], 'the ward hands the result back to the branch, which returns it');

  const tracked = await get(h, `/api/portal/track/${received.code}?idNumber=${BIRTH.applicant.idNumber}`);
  t.match(
    tracked.timeline.map((e: { label: string }) => e.label),
    [
      /^Hồ sơ đã được tiếp nhận tại Chi nhánh số 1.*, chuyển Xã Thanh Trì giải quyết; hẹn trả kết quả/,
      'Đang giải quyết tại Xã Thanh Trì',
      /^Đang giải quyết tại Chi nhánh số 1/,
      /^Đã có kết quả, mời nhận tại Chi nhánh số 1/,
      'Đã trả kết quả',
    ],
    'the applicant is told where it was received, who handles it and where to collect the result',
  );

  const history = await get(h, `/api/dossiers/${received.code}/history`);
  t.match(JSON.stringify(history), /không phụ thuộc địa giới hành chính, chuyển Xã Thanh Trì giải quyết/);

  // Receipt counts at the branch, the outcome at the ward, from the daily counts and from the dossier rows alike.
  const figures = (rows: { key: string; received: number; handled: number; resolved: number; inProgress: number }[]) =>
    rows
      .filter((r) => r.key === BRANCH || r.key === THANH_TRI)
      .map((r) => [r.key, r.received, r.handled, r.resolved, r.inProgress]);
  const expected = [
    ['00640', 0, 1, 1, 0],
    [BRANCH, 1, 0, 0, 0],
  ];
  const period = 'from=2026-12-01&to=2026-12-31&groupBy=unit';
  t.same(figures(await get(h, `/api/reports/on-time?${period}`)), expected, 'daily counts');
  t.same(figures(await get(h, `/api/reports/on-time?${period}&procedureCode=1.001193`)), expected, 'dossier rows');
  const csv = (await h.request({ method: 'GET', url: `/api/reports/on-time?${period}&format=csv`, as: 'vpubnd' })).body;
  t.match(csv, /Tiếp nhận,Thuộc thẩm quyền,Đã giải quyết/);
});

t.test('a ward receives for another ward, the result collected at the competent ward', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const res = await post(h, 'canbo.hoankiem', {
    ...BIRTH,
    unitCode: '00070',
    resultReturn: 'competent',
  });
  t.equal(res.statusCode, 201, res.body);
  let dossier = res.json();
  t.match(dossier, { unitCode: '00070', deskUnitCode: THANH_TRI, resultUnitCode: THANH_TRI });
  while (dossier.tasks.length) {
    const task: OpenTask = dossier.tasks[0];
    t.equal(task.unitCode, THANH_TRI, `${task.activityId} at the competent ward`);
    dossier = await complete(h, task, task.outcomes[0]);
  }
  t.equal(dossier.statusCode, 10);
});

t.test('what may not be received for another unit is refused, and nothing is stored', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const before = await total(h);
  const refused = async (as: string, payload: object, type: string, detail: RegExp) => {
    const res = await post(h, as, payload);
    t.equal(res.statusCode, 422, res.body);
    t.match(res.json(), { type: new RegExp(`${type}$`), detail });
  };
  await refused(
    'canbo.chinhanh1',
    { ...BIRTH, competentUnitCode: undefined },
    'procedure-not-handled-here',
    /không được giải quyết tại Chi nhánh số 1.*hồ sơ nộp tại UBND cấp xã.*hoặc bất kỳ chi nhánh/,
  );
  await refused('canbo.sxd', { ...BIRTH, unitCode: 'SXD' }, 'desk-not-boundary-free', /^Sở Xây dựng không tiếp nhận/);
  await refused('canbo.chinhanh1', { ...BIRTH, competentUnitCode: '00001' }, 'unit-not-in-force', /Phường Phúc Xá/);
  await refused('canbo.chinhanh1', { ...BIRTH, competentUnitCode: 'SXD' }, 'procedure-not-handled-here', /Sở Xây dựng/);
  t.equal((await post(h, 'canbo.chinhanh1', { ...BIRTH, competentUnitCode: 'KHONGCO' })).statusCode, 422);

  // VPUBND closes the procedure to boundary-free receipt: only the competent unit's own desk receives it again.
  const closed = await h.request({
    method: 'PATCH',
    url: '/api/procedures/1.001193',
    as: 'vpubnd',
    payload: { boundaryFreeFrom: null },
  });
  t.equal(closed.statusCode, 200, closed.body);
  t.equal(closed.json().boundaryFreeFrom, null);
  await refused('canbo.chinhanh1', BIRTH, 'boundary-not-open', /chưa được tiếp nhận không phụ thuộc địa giới/);
  await refused(
    'canbo.chinhanh1',
    { ...BIRTH, competentUnitCode: undefined },
    'procedure-not-handled-here',
    /hồ sơ nộp tại UBND cấp xã \(phường, xã, thị trấn\)\.$/,
  );
  t.equal(await total(h), before, 'no dossier was stored');
  t.equal(
    (await post(h, 'canbo.thanhtri', { ...BIRTH, unitCode: THANH_TRI })).statusCode,
    201,
    'the competent unit still receives it',
  );

  const bad = await h.request({
    method: 'PATCH',
    url: '/api/procedures/1.001193',
    as: 'vpubnd',
    payload: { boundaryFreeFrom: '18/11/2025' },
  });
  t.equal(bad.statusCode, 400, 'the day is YYYY-MM-DD');
});

t.test('the shipped procedures are open to boundary-free receipt from 18 November 2025, not before', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const procedures = await get(h, '/api/procedures');
  t.same([...new Set(procedures.map((p: { boundaryFreeFrom: string | null }) => p.boundaryFreeFrom))], ['2025-11-18']);
  h.clock.set('2025-11-17T09:00:00+07:00');
  const early = await post(h, 'canbo.chinhanh1', BIRTH);
  t.equal(early.statusCode, 422, 'the day before the pilot');
  t.match(early.json().type, /boundary-not-open$/);
});

t.test('what each desk receives today, and where the receipt names the competent unit', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const receivable = async (unit: string) =>
    new Map(
      ((await get(h, `/api/units/${unit}/receivable`)) as { procedureCode: string; namesCompetentUnit: boolean }[]).map(
        (r) => [r.procedureCode, r.namesCompetentUnit],
      ),
    );
  const branch = await receivable(BRANCH);
  t.equal(branch.get('1.001193'), true, 'a branch: a commune procedure, for the competent unit');
  t.equal(branch.get('1.013236'), true, 'and a department’s');
  t.ok([...branch.values()].every(Boolean), 'a branch receives nothing for itself');
  const ward = await receivable('00070');
  t.equal(ward.get('1.001193'), true, 'a ward: its own procedure, naming itself or another ward');
  const department = await receivable('SXD');
  t.same([...department.entries()], [['1.013236', false]], 'a department: its own procedure only');
  t.equal((await h.request({ method: 'GET', url: '/api/units/KHONGCO/receivable' })).statusCode, 404);

  await h.request({
    method: 'PATCH',
    url: '/api/procedures/1.001193',
    as: 'vpubnd',
    payload: { boundaryFreeFrom: null },
  });
  t.notOk((await receivable(BRANCH)).has('1.001193'), 'closed: the branch no longer receives it');
  t.equal((await receivable('00070')).get('1.001193'), false, 'the ward receives it for itself only');
});
