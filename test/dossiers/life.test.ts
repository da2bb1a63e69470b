import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, receive } from '../helpers/drive.js';
import { receiptBody } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';

const local = (s: string) => new Date(`${s}+07:00`).toISOString();

async function act(h: TestApp, code: string, action: string, payload: object, as = 'canbo.sxd') {
  return h.request({ method: 'POST', url: `/api/dossiers/${code}/${action}`, as, payload });
}

async function formText(h: TestApp, code: string, kind: string, as = 'canbo.sxd'): Promise<string> {
  const res = await h.request({ method: 'GET', url: `/api/dossiers/${code}/forms/${kind}.pdf`, as });
  if (res.statusCode !== 200) throw new Error(`${kind}: ${res.body}`);
  return pdfText(res.rawPayload);
}

t.test(
  'supplementation during processing stops the clock; the due times move by the pause, across a holiday',
  async (t) => {
    const h = await testApp(t, { start: '2018-12-26T09:00:00+07:00' }); // Wednesday; 31/12/2018 and 1/1/2019 are off
    let dossier = await receive(h, '1.013236'); // 20 working days at Sở Xây dựng
    const dueBefore = dossier.dueAt;
    const taskDueBefore = dossier.tasks[0].dueAt;

    h.clock.set('2018-12-27T10:00:00+07:00');
    const paused = await act(h, dossier.code, 'pause', {
      kind: 'supplement',
      reason: 'Thiếu bản vẽ thiết kế',
      items: ['Bản vẽ mặt bằng tổng thể', 'Giấy phép quy hoạch'],
    });
    t.equal(paused.statusCode, 200);
    t.match(paused.json(), {
      statusCode: 5,
      pausedAt: local('2018-12-27T10:00:00'),
      missingItems: ['Bản vẽ mặt bằng tổng thể', 'Giấy phép quy hoạch'],
      statusReason: 'Thiếu bản vẽ thiết kế',
    });

    const blocked = await h.request({
      method: 'POST',
      url: `/api/tasks/${dossier.tasks[0].id}/complete`,
      as: 'lanhdao.sxd',
      payload: {},
    });
    t.equal(blocked.statusCode, 409, 'no work on a paused dossier');
    t.equal(blocked.json().code, 'dossier-paused');
    t.equal((await act(h, dossier.code, 'pause', { kind: 'stop', reason: 'x' })).statusCode, 409, 'not paused twice');

    h.clock.set('2019-01-02T10:00:00+07:00'); // resumed the first working day after the New Year
    const resumed = await act(h, dossier.code, 'resume', { note: 'Chủ đầu tư đã bổ sung' });
    t.equal(resumed.statusCode, 200);
    dossier = resumed.json();
    // Paused: Thu 27/12 10–12 and 13–17 (6 h) + Fri 28/12 (8 h) + Wed 2/1 8–10 (2 h) = 16 working hours (weekend, 31/12 and 1/1 off).
    t.equal(dossier.pausedWorkingMinutes, 16 * 60);
    t.equal(dossier.statusCode, 4, 'back to processing');
    t.equal(
      dossier.dueAt,
      h.app.system.calendars.standard.add(new Date(dueBefore), 16 * 60).toISOString(),
      'the legal due time moved by 16 working hours',
    );
    t.equal(
      dossier.tasks[0].dueAt,
      h.app.system.calendars.standard.add(new Date(taskDueBefore), 16 * 60).toISOString(),
      'so did the open task’s',
    );
    t.equal(dossier.appointmentAt, dossier.dueAt);

    const text = await formText(h, dossier.code, 'supplement-request');
    t.ok(text.includes('Bản vẽ mặt bằng tổng thể') && text.includes('Lý do: Thiếu bản vẽ thiết kế'));
    const history = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.sxd' }))
      .json()
      .map((e: { label: string }) => e.label);
    t.ok(
      history.includes(
        'Tạm dừng, yêu cầu bổ sung hồ sơ: Bản vẽ mặt bằng tổng thể; Giấy phép quy hoạch; lý do: Thiếu bản vẽ thiết kế',
      ),
    );
    t.ok(history.some((l: string) => l.startsWith('Tiếp tục giải quyết sau 16 giờ làm việc tạm dừng')));
    t.ok(
      (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })).json().ok,
      'the history still replays',
    );
  },
);

t.test('financial obligation (6) and stop (8), each with its notice; withdrawal (7) closes', async (t) => {
  const h = await testApp(t);
  const a = await receive(h, '1.013236');
  t.match(
    (
      await act(h, a.code, 'pause', { kind: 'obligation', reason: 'Nộp lệ phí cấp giấy phép xây dựng 150.000 đồng' })
    ).json(),
    { statusCode: 6, statusLabel: 'Chờ thực hiện nghĩa vụ tài chính' },
  );
  t.ok((await formText(h, a.code, 'obligation-notice')).includes('Nộp lệ phí cấp giấy phép xây dựng 150.000 đồng'));
  t.match((await act(h, a.code, 'resume', {})).json(), { statusCode: 4 });

  const b = await receive(h, '1.013236');
  t.match(
    (
      await act(h, b.code, 'pause', { kind: 'stop', reason: 'Chờ kết quả giải quyết tranh chấp đất đai của Tòa án' })
    ).json(),
    { statusCode: 8, statusLabel: 'Dừng xử lý' },
  );
  t.ok((await formText(h, b.code, 'stop-notice')).includes('THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ'));
  const withdrawn = await act(h, b.code, 'withdraw', { reason: 'Chủ đầu tư xin rút hồ sơ' });
  t.match(withdrawn.json(), {
    statusCode: 7,
    status: 'withdrawn',
    tasks: [],
    statusReason: 'Chủ đầu tư xin rút hồ sơ',
  });
  t.same(
    (await h.request({ method: 'GET', url: '/api/tasks', as: 'lanhdao.sxd' }))
      .json()
      .map((task: { dossierCode: string }) => task.dossierCode),
    [a.code],
    'its tasks left the inbox',
  );
  t.equal((await act(h, b.code, 'resume', {})).statusCode, 409, 'nothing more happens to it');
  t.ok(
    (await h.request({ method: 'GET', url: `/api/dossiers/${b.code}/replay`, as: 'thanhtra' })).json().ok,
    'a withdrawn dossier still replays',
  );
  t.equal(
    (await act(h, a.code, 'withdraw', { reason: 'x' }, 'canbo.phucxa')).statusCode,
    404,
    'only the units handling it (another unit does not find it)',
  );
});

t.test('an apology gives a new appointment; the legal due time and lateness stand', async (t) => {
  const h = await testApp(t);
  const dossier = await receive(h, '1.013236');
  const bad = await act(
    h,
    dossier.code,
    'apology',
    { reason: 'x', appointmentAt: local('2018-11-18T09:00:00') },
    'lanhdao.sxd',
  );
  t.equal(bad.statusCode, 400, 'the new appointment must be later');
  const newDate = local('2019-01-10T16:00:00');
  const res = await act(
    h,
    dossier.code,
    'apology',
    { reason: 'Cần xin ý kiến Sở Quy hoạch - Kiến trúc', appointmentAt: newDate },
    'lanhdao.sxd',
  );
  t.equal(res.statusCode, 200);
  t.equal(res.json().appointmentAt, newDate);
  t.equal(res.json().dueAt, dossier.dueAt, 'the legal due time stands');
  const text = await formText(h, dossier.code, 'apology');
  t.ok(text.includes('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'));
  t.ok(text.includes('Cần xin ý kiến Sở Quy hoạch - Kiến trúc') && text.includes('10/01/2019 16:00'));
  const events = await h.app.system.db.knex('dossier_events').where({ type: 'dossier.apology' }).select('payload');
  t.match(JSON.parse(events[0].payload), { extension: 1, previousAppointmentAt: dossier.dueAt });
});

t.test(
  'a diagram without status marks: received → processing → processed, then the desk returns the result',
  async (t) => {
    const h = await testApp(t);
    const { knex } = h.app.system.db;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="Plain" isExecutable="true">
    <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="review" />
    <userTask id="review" name="Xem xét" /><sequenceFlow id="f2" sourceRef="review" targetRef="e" /><endEvent id="e" />
  </process>
</definitions>`;
    await knex.transaction((trx) =>
      h.app.system.catalogue.addPublished(
        trx,
        {
          code: '9.000001',
          name: 'Thủ tục thử',
          field: 'Thử',
          levels: ['xa'],
          departmentCode: null,
          ownerCode: null,
          agency: null,
          timeLimit: { hours: 16, text: '2 ngày' },
          fee: null,
          onlineLevel: null,
          documents: [],
          formSchema: null,
        },
        xml,
        h.clock.now(),
      ),
    );
    const dossier = (
      await h.request({
        method: 'POST',
        url: '/api/dossiers',
        as: 'canbo.phucxa',
        payload: { ...receiptBody('1.001193'), procedureCode: '9.000001', data: {} },
      })
    ).json();
    t.match(dossier, {
      statusCode: 4,
      tasks: [{ activityId: 'review', role: 'officer', unitCode: '00001', dueAt: null }],
    });
    t.equal((await act(h, dossier.code, 'return', {}, 'canbo.phucxa')).statusCode, 409, 'nothing to return yet');
    const done = await complete(h, dossier.tasks[0]);
    t.match(done, { statusCode: 9, status: 'processed', tasks: [], onTime: true });
    const returned = await act(h, dossier.code, 'return', {}, 'canbo.phucxa');
    t.match(returned.json(), { statusCode: 10, status: 'returned', returnedAt: String });
  },
);

t.test('liên thông: commune → district → commune, every handover on the control slip', async (t) => {
  const h = await testApp(t); // Monday 19/11/2018 09:00
  let dossier = await receive(h, '2.001023');
  const path: string[] = [];
  while (dossier.tasks.length) {
    const task = dossier.tasks[0];
    path.push(`${task.activityId}@${task.unitCode}`);
    h.clock.advanceHours(2);
    dossier = await complete(
      h,
      task,
      task.outcomes.length
        ? path.includes('CapTheBHYT@001') && path.filter((p) => p === 'CapTheBHYT@001').length > 1
          ? 'issued'
          : 'returned'
        : undefined,
    );
  }
  t.same(
    path,
    [
      'ThamDinhKhaiSinh@00001',
      'KyKhaiSinh@00001',
      'CapTheBHYT@001',
      'BoSungThongTin@00001',
      'CapTheBHYT@001',
      'KyTheBHYT@001',
      'TraKetQua@00001',
    ],
    'to the district and back, once returned for more information',
  );
  t.equal(dossier.statusCode, 10);

  const slip = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/control-slip`, as: 'canbo.phucxa' })
  ).json();
  t.same(
    slip.handovers.map(
      (x: { from: { unitCode: string }; to: { unitCode: string } }) => `${x.from.unitCode}→${x.to.unitCode}`,
    ),
    ['00001→00001', '00001→00001', '00001→001', '001→00001', '00001→001', '001→001', '001→00001', '00001→00001'],
  );
  t.match(
    slip.handovers[2],
    {
      from: {
        unitName: 'Phường Phúc Xá',
        officer: 'Trần Văn Minh',
        step: 'Chủ tịch UBND cấp xã ký Giấy khai sinh, chuyển hồ sơ BHYT lên cấp huyện',
      },
      to: { unitName: 'Quận Ba Đình', role: 'officer' },
      result: 'on-time',
    },
    'signed the day it was due',
  );
  t.match(
    slip.handovers[3],
    { from: { unitName: 'Quận Ba Đình' }, result: 'early' },
    'the district returned it days before its due day',
  );
  t.match(slip.handovers.at(-1), { to: { step: 'Trả kết quả' } });
  t.match(
    slip.units,
    [
      { unitCode: '00001', budgetHours: 4 + 4 + 16 + 8 },
      { unitCode: '001', budgetHours: 80 + 80 + 16 },
    ],
    'each unit’s share of the time',
  );
  const text = await formText(h, dossier.code, 'control-slip', 'canbo.phucxa');
  t.ok(
    text.includes('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ') &&
      text.includes('Quận Ba Đình') &&
      text.includes('Trước hạn'),
  );
  t.equal(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'lanhdao.badinh' })).statusCode,
    200,
    'the district sees the dossier it worked on',
  );
});
