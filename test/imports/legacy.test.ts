import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, type OpenTask } from '../helpers/drive.js';
import { CSV_BAD_ROWS, CSV_EXPORT, JSON_EXPORT, MAPPING } from '../helpers/legacy-export.js';

const importLegacy = (h: TestApp, body: object, as = 'admin') =>
  h.request({
    method: 'POST',
    url: '/api/imports/legacy',
    as,
    payload: { fileName: 'phucxa-2018.csv', content: CSV_EXPORT, mapping: MAPPING, unitCode: '00001', ...body },
  });

const get = async (h: TestApp, url: string, as = 'thanhtra') => (await h.request({ method: 'GET', url, as })).json();

async function counts(h: TestApp) {
  const { knex } = h.app.system.db;
  const n = async (table: string) => Number((await knex(table).count({ n: '*' }).first())!.n);
  return {
    dossiers: await n('dossiers'),
    events: await n('dossier_events'),
    tasks: await n('tasks'),
    imports: await n('legacy_imports'),
  };
}

const IMPORTED = ['PX-2018-0101', 'PX-2018-0102', 'PX-2018-0103', 'PX-2018-0104', 'PX-2018-0109', 'PX-2018-0110'];

t.test('a dry run lists what would be imported and every bad row with its reason, and changes nothing', async (t) => {
  const h = await testApp(t);
  const before = await counts(h);
  const res = await importLegacy(h, {});
  t.equal(res.statusCode, 200);
  const report = res.json();
  t.match(report, { dryRun: true, file: 'phucxa-2018.csv', unitCode: '00001', rows: 11, alreadyImported: [] });
  t.same(
    report.imported.map((d: { code: string }) => d.code),
    IMPORTED,
  );
  t.match(report.imported, [
    { row: 2, code: 'PX-2018-0101', procedureCode: '1.001193', statusCode: 10, activityId: null },
    { row: 3, code: 'PX-2018-0102', procedureCode: '1.001193', statusCode: 10 },
    { row: 4, code: 'PX-2018-0103', procedureCode: '2.000908', statusCode: 4, activityId: 'KyBanSao' },
    { row: 5, code: 'PX-2018-0104', statusCode: 4, activityId: 'KyDuyet' },
    { row: 10, code: 'PX-2018-0109', statusCode: 3 },
    { row: 11, code: 'PX-2018-0110', statusCode: 7 },
  ]);
  t.same(
    report.cannot.map((c: { row: number }) => c.row),
    Object.keys(CSV_BAD_ROWS).map(Number),
  );
  for (const bad of report.cannot) t.match(bad.reason, CSV_BAD_ROWS[bad.row]!, `row ${bad.row}: ${bad.reason}`);
  t.same(await counts(h), before, 'nothing was written');
});

t.test('the real run imports the good rows; running it again imports nothing new', async (t) => {
  const h = await testApp(t);
  const first = (await importLegacy(h, { dryRun: false })).json();
  t.same(
    first.imported.map((d: { code: string }) => d.code),
    IMPORTED,
  );
  t.equal(first.cannot.length, 5, 'a bad row does not stop the file');
  const after = await counts(h);
  t.equal(after.dossiers, 6);
  t.equal(after.imports, 6);

  const again = (await importLegacy(h, { dryRun: false })).json();
  t.same(again.imported, [], 'nothing new the second time');
  t.same(
    again.alreadyImported.map((d: { code: string }) => d.code),
    IMPORTED,
  );
  t.equal(again.cannot.length, 5);
  t.same(await counts(h), after, 'not one row, event or task more');

  const finished = await get(h, '/api/dossiers/PX-2018-0102', 'canbo.phucxa');
  t.match(
    finished,
    {
      code: 'PX-2018-0102',
      procedureCode: '1.001193',
      unitCode: '00001',
      statusCode: 10,
      tasks: [],
      receivedAt: '2018-11-13T02:00:00.000Z',
      dueAt: '2018-11-13T10:00:00.000Z',
    },
    'the original code, times and status are kept',
  );
});

t.test('an imported dossier in progress waits in the right inbox at the mapped step and runs to its end', async (t) => {
  const h = await testApp(t);
  await importLegacy(h, { dryRun: false });
  const copy = await get(h, '/api/dossiers/PX-2018-0103', 'canbo.phucxa');
  t.match(copy, {
    statusCode: 4,
    receivedAt: '2018-11-16T03:00:00.000Z',
    dueAt: '2018-11-19T03:00:00.000Z',
    tasks: [{ activityId: 'KyBanSao', role: 'leader', unitCode: '00001' }],
  });
  const inbox = await get(h, '/api/tasks', 'lanhdao.phucxa');
  t.ok(
    inbox.some(
      (task: OpenTask & { dossierCode: string }) =>
        task.dossierCode === 'PX-2018-0103' && task.activityId === 'KyBanSao',
    ),
    'the leader of Phúc Xá has it',
  );
  t.notOk(
    (await get(h, '/api/tasks', 'canbo.phucxa')).some((task: { activityId: string }) => task.activityId === 'KyBanSao'),
    'not the officer',
  );

  let dossier = copy;
  while (dossier.tasks.length) dossier = await complete(h, dossier.tasks[0], dossier.tasks[0].outcomes[0]);
  t.match(dossier, { code: 'PX-2018-0103', statusCode: 10, tasks: [] }, 'completed to the end');

  let birth = await get(h, '/api/dossiers/PX-2018-0104', 'lanhdao.phucxa');
  t.match(birth.tasks, [{ activityId: 'KyDuyet', outcomes: ['approve', 'return'] }]);
  while (birth.tasks.length) birth = await complete(h, birth.tasks[0], birth.tasks[0].outcomes[0]);
  t.equal(birth.statusCode, 10);

  for (const code of ['PX-2018-0103', 'PX-2018-0104']) {
    t.same(await get(h, `/api/dossiers/${code}/audit/verify`), {
      ok: true,
      events: (await h.app.system.db.knex('dossiers').where({ code }).first('version')).version,
    });
    const replay = await get(h, `/api/dossiers/${code}/replay`);
    t.match(replay, { ok: true, divergence: null }, `${code} replays`);
    t.equal(replay.steps[0].kind, 'imported', 'the first step re-drives the import');
  }
});

t.test('finished imported dossiers count in the on-time report', async (t) => {
  const h = await testApp(t);
  await importLegacy(h, { dryRun: false });
  const [row] = await get(
    h,
    '/api/reports/on-time?from=2018-11-01&to=2018-11-30&groupBy=unit&unitCode=00001',
    'lanhdao.phucxa',
  );
  t.match(row, {
    key: '00001',
    received: 5,
    resolved: 2,
    onTime: 1,
    late: 1,
    inProgress: 2,
    paused: 0,
    withdrawn: 1,
    refused: 1,
    onTimeRate: 0.5,
    lateAttributed: 1,
  });
});

t.test(
  'the audit log of an imported dossier starts with the import, verifies, replays, and reads in Vietnamese',
  async (t) => {
    const h = await testApp(t);
    await importLegacy(h, { dryRun: false });
    for (const code of IMPORTED) {
      t.match(await get(h, `/api/dossiers/${code}/audit/verify`), { ok: true }, `${code} verifies`);
      t.match(await get(h, `/api/dossiers/${code}/replay`), { ok: true }, `${code} replays`);
    }
    const history = await get(h, '/api/dossiers/PX-2018-0101/history', 'canbo.phucxa');
    t.match(history, [
      {
        seq: 1,
        type: 'dossier.imported',
        label:
          'Nhập từ hệ thống một cửa cũ (tệp phucxa-2018.csv, dòng 2): tiếp nhận 12/11/2018 08:30, hẹn trả 12/11/2018 17:00, trạng thái “Đã trả kết quả”',
        actor: { name: 'Quản trị hệ thống' },
      },
      { seq: 2, type: 'legacy.history', label: 'Hệ thống cũ, 12/11/2018 08:30, Nguyễn Thị Hoa: Tiếp nhận hồ sơ' },
      {
        seq: 3,
        type: 'legacy.history',
        label: 'Hệ thống cũ, 12/11/2018 15:00, Nguyễn Thị Hoa: Trả kết quả, người nộp đã ký nhận',
      },
    ]);
    t.equal(history.length, 3);
    const live = await get(h, '/api/dossiers/PX-2018-0103/history', 'canbo.phucxa');
    t.match(live[0], {
      type: 'dossier.imported',
      label: /dòng 4\): .*; tiếp tục xử lý tại bước “Lãnh đạo ký, đóng dấu bản sao”$/,
    });
    t.match(live[1], {
      type: 'legacy.history',
      label: 'Hệ thống cũ, 16/11/2018 11:00, Phạm Văn Dũng: Đã tra cứu sổ gốc: có thông tin',
    });
    t.ok(
      live.some((e: { type: string }) => e.type === 'task.created'),
      'then the task opened at import',
    );
  },
);

t.test('a JSON export imports the same way', async (t) => {
  const h = await testApp(t);
  const report = (await importLegacy(h, { fileName: 'phucxa.json', content: JSON_EXPORT, dryRun: false })).json();
  t.match(report.imported, [
    { row: 1, code: 'PXJ-0201', statusCode: 9, activityId: null },
    { row: 2, code: 'PXJ-0202', statusCode: 2, activityId: 'ThamDinh' },
  ]);
  t.match(report.cannot, [{ row: 3, code: 'PXJ-0203', reason: 'Dòng 3: thiếu tên người nộp (applicant_name)' }]);
  t.match(await get(h, '/api/dossiers/PXJ-0201', 'canbo.phucxa'), { statusCode: 9, tasks: [] });
  t.match(await get(h, '/api/dossiers/PXJ-0202', 'canbo.phucxa'), {
    statusCode: 4,
    tasks: [{ activityId: 'ThamDinh', role: 'officer' }],
  });
  const returned = await h.request({
    method: 'POST',
    url: '/api/dossiers/PXJ-0201/return',
    as: 'canbo.phucxa',
    payload: {},
  });
  t.match(returned.json(), { statusCode: 10 }, 'a processed dossier’s result can be handed over');
  const history = await get(h, '/api/dossiers/PXJ-0201/history', 'canbo.phucxa');
  t.match(history[1], { label: 'Hệ thống cũ, 15/11/2018 16:30, Phạm Văn Dũng: Đã ký bản sao, chờ trả kết quả' });
  t.match(await get(h, '/api/dossiers/PXJ-0201/audit/verify'), { ok: true });
  t.equal(
    (await importLegacy(h, { fileName: 'phucxa.json', content: JSON_EXPORT, dryRun: false })).json().alreadyImported
      .length,
    2,
  );
});

t.test('who may import, and files the importer refuses as a whole', async (t) => {
  const h = await testApp(t);
  t.equal((await importLegacy(h, {}, 'canbo.phucxa')).statusCode, 403, 'administrators only');
  t.equal((await importLegacy(h, {}, 'vpubnd')).statusCode, 403);
  t.match((await importLegacy(h, { unitCode: '99999' })).json(), { status: 422, code: 'unknown-unit' });
  t.match((await importLegacy(h, { mapping: { procedures: { X: 1 } } })).json(), {
    status: 400,
    code: 'invalid-mapping',
    errors: [
      { field: '/mapping/statuses', message: 'Thông tin bắt buộc, chưa được nhập.' },
      { field: '/mapping/procedures/X' },
    ],
  });
  t.match((await importLegacy(h, { content: CSV_EXPORT.replace('current_step', 'buoc_hien_tai') })).json(), {
    status: 400,
    code: 'legacy-columns-unknown',
    detail: /buoc_hien_tai/,
  });
  t.match((await importLegacy(h, { content: 'code,status\nX,1' })).json(), {
    status: 400,
    code: 'legacy-columns-missing',
  });
  t.match((await importLegacy(h, { content: '[{"code": 1', format: 'json' })).json(), {
    status: 400,
    code: 'legacy-file-unreadable',
  });
  t.match((await importLegacy(h, { content: `${CSV_EXPORT}\n"PX-9,unterminated`, format: 'csv' })).json(), {
    status: 400,
    code: 'legacy-file-unreadable',
  });
  t.equal((await counts(h)).dossiers, 0);
});

t.test('a unit retired by a reorganisation takes its closed history but no dossier still in progress', async (t) => {
  // An installation of 1 July 2025 starts on the map of that day: Phường Phúc Xá merged into Phường Hồng Hà.
  const h = await testApp(t, { start: '2025-07-01T09:00:00+07:00' });
  t.match(await h.request({ method: 'GET', url: '/api/units/00001', as: 'admin' }).then((r) => r.json()), {
    validTo: '2025-07-01',
  });
  const report = (await importLegacy(h, { dryRun: false })).json();
  t.same(
    report.imported.map((d: { code: string }) => d.code),
    ['PX-2018-0101', 'PX-2018-0102', 'PX-2018-0109', 'PX-2018-0110'],
  );
  t.match(
    report.cannot.find((c: { code: string }) => c.code === 'PX-2018-0103'),
    { reason: /Phường Phúc Xá đã thôi hoạt động: nhập vào đơn vị kế thừa/ },
  );
});

t.test(
  'a branch’s export of dossiers received for other units: each is handled, and counted, at its competent unit',
  async (t) => {
    const h = await testApp(t, { start: '2026-12-02T09:00:00+07:00' });
    const header =
      'code,procedure,applicant_name,received_at,due_at,status,finished_at,current_step,competent_unit,result_return';
    const content = [
      header,
      'CN1-0001,Đăng ký khai sinh,Nguyễn Văn An,01/12/2026 08:30,01/12/2026 17:00,Đã trả kết quả,01/12/2026 15:00,,00640,desk',
      'CN1-0002,Đăng ký khai sinh,Trần Thị Bích,02/12/2026 08:00,02/12/2026 17:00,Đang xử lý,,Thẩm định,00640,post',
      'CN1-0003,Đăng ký khai sinh,Lê Văn Cường,02/12/2026 08:00,02/12/2026 17:00,Đang xử lý,,Thẩm định,SXD,',
      'CN1-0004,Đăng ký khai sinh,Lê Văn Cường,02/12/2026 08:00,02/12/2026 17:00,Đang xử lý,,Thẩm định,KHONGCO,',
      'CN1-0005,Đăng ký khai sinh,Lê Văn Cường,02/12/2026 08:00,02/12/2026 17:00,Đang xử lý,,Thẩm định,00640,nha',
      'CN1-0006,Đăng ký khai sinh,Lê Văn Cường,02/12/2026 08:00,02/12/2026 17:00,Đang xử lý,,Thẩm định,00001,',
    ].join('\n');
    const res = await importLegacy(h, { content, unitCode: 'TTPVHCC-CN01', fileName: 'cn1.csv', dryRun: false });
    t.equal(res.statusCode, 200, res.body);
    const report = res.json();
    t.same(
      report.imported.map((d: { code: string }) => d.code),
      ['CN1-0001', 'CN1-0002'],
    );
    t.match(
      report.cannot.map((c: { reason: string }) => c.reason),
      [
        /không được giải quyết tại Sở Xây dựng/,
        /không có đơn vị mã “KHONGCO”/,
        /nơi trả kết quả “nha”/,
        /Phường Phúc Xá đã thôi hoạt động/,
      ],
    );

    t.match(await get(h, '/api/dossiers/CN1-0001', 'canbo.chinhanh1'), {
      unitCode: 'TTPVHCC-CN01',
      deskUnitCode: '00640',
      resultUnitCode: 'TTPVHCC-CN01',
    });
    const live = await get(h, '/api/dossiers/CN1-0002', 'canbo.thanhtri');
    t.match(live, {
      deskUnitCode: '00640',
      resultReturn: 'post',
      tasks: [{ activityId: 'ThamDinh', unitCode: '00640' }],
    });
    t.match(
      JSON.stringify(await get(h, '/api/dossiers/CN1-0002/history', 'canbo.thanhtri')),
      /đơn vị giải quyết: Xã Thanh Trì/,
      'the competent ward reads the history',
    );
    const rows = await get(h, '/api/reports/on-time?from=2026-12-01&to=2026-12-31&groupBy=unit', 'vpubnd');
    t.same(
      rows
        .filter((r: { key: string }) => ['00640', 'TTPVHCC-CN01'].includes(r.key))
        .map((r: { key: string; received: number; handled: number; resolved: number }) => [
          r.key,
          r.received,
          r.handled,
          r.resolved,
        ]),
      [
        ['00640', 0, 2, 1],
        ['TTPVHCC-CN01', 2, 0, 0],
      ],
      'received at the branch, handled and resolved at the ward',
    );

    const ward = await importLegacy(h, {
      content: [header, content.split('\n')[1]!.replace('CN1-0001', 'SXD-0001')].join('\n'),
      unitCode: 'SXD',
    });
    t.match(ward.json().cannot, [{ reason: /Sở Xây dựng không tiếp nhận hồ sơ thay đơn vị khác/ }]);
  },
);
