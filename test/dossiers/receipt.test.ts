import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';

const APPLICANT = { fullName: 'Phạm Thị Lụa', idNumber: '001190054321', phone: '0987654321', email: 'lua@example.vn' };

async function form(h: TestApp, code: string, kind: string, as = 'canbo.phucxa') {
  const res = await h.request({ method: 'GET', url: `/api/dossiers/${code}/forms/${kind}.pdf`, as });
  return {
    status: res.statusCode,
    type: res.headers['content-type'],
    text: res.statusCode === 200 ? await pdfText(res.rawPayload) : res.json().detail,
  };
}

async function outbox(h: TestApp, code: string) {
  const id = (await h.app.system.db.knex('dossiers').where({ code }).first('id')).id;
  return h.app.system.outbox.ofDossier(id);
}

t.test('accepted at the desk: receipt slip with the appointment and a QR code of the tracking address', async (t) => {
  const h = await testApp(t); // Monday 19/11/2018 09:00
  const dossier = (
    await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: 'canbo.phucxa',
      payload: { ...receiptBody('1.001193'), applicant: APPLICANT },
    })
  ).json();
  t.match(dossier, {
    statusCode: 4,
    clockStartedAt: '2018-11-19T02:00:00.000Z',
    appointmentAt: '2018-11-19T10:00:00.000Z',
    missingItems: null,
    onTime: null,
    lateRisk: false,
    late: null,
  });

  const receipt = await form(h, dossier.code, 'receipt');
  t.equal(receipt.status, 200);
  t.equal(receipt.type, 'application/pdf');
  for (const text of [
    'ỦY BAN NHÂN DÂN PHƯỜNG PHÚC XÁ',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Mã hồ sơ: ${dossier.code}`,
    'Ông/bà Phạm Thị Lụa',
    'Thủ tục đăng ký khai sinh (mã 1.001193)',
    'Thời gian nhận hồ sơ: 19/11/2018 09:00',
    'Thời gian trả kết quả: 19/11/2018 17:00',
    `http://localhost:3000/tra-cuu/${dossier.code}`,
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Nguyễn Thị Hoa',
  ])
    t.ok(receipt.text.includes(text), `the receipt slip reads “${text}”`);

  t.match(
    await outbox(h, dossier.code),
    [
      {
        channel: 'sms',
        recipient: '0987654321',
        body: `Hồ sơ ${dossier.code} đã được tiếp nhận. Hẹn trả kết quả: 19/11/2018 17:00.`,
        status: 'pending',
      },
      { channel: 'email', recipient: 'lua@example.vn', subject: `Đã tiếp nhận hồ sơ – ${dossier.code}` },
    ],
    'the applicant is told by SMS and e-mail',
  );
  t.equal((await form(h, dossier.code, 'refusal')).status, 404, 'an accepted dossier has no refusal');
});

t.test(
  'incomplete at the desk: one request lists every missing item, the clock starts when they are supplied',
  async (t) => {
    const h = await testApp(t);
    const missing = ['Giấy chứng sinh (bản chính)', 'Tờ khai đăng ký khai sinh có chữ ký của người yêu cầu'];
    const res = await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: 'canbo.phucxa',
      payload: { ...receiptBody('1.001193'), applicant: APPLICANT, outcome: 'supplement', missingItems: missing },
    });
    t.equal(res.statusCode, 201);
    const dossier = res.json();
    t.match(dossier, {
      statusCode: 5,
      status: 'supplementing',
      statusLabel: 'Yêu cầu bổ sung giấy tờ',
      missingItems: missing,
      clockStartedAt: null,
      dueAt: null,
      tasks: [],
    });
    const request = await form(h, dossier.code, 'supplement-request');
    t.ok(request.text.includes('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'));
    for (const item of missing) t.ok(request.text.includes(item), `lists “${item}”`);
    t.match((await outbox(h, dossier.code))[0], { body: `Hồ sơ ${dossier.code} cần bổ sung: ${missing.join('; ')}.` });
    t.equal((await form(h, dossier.code, 'receipt')).status, 404, 'no receipt slip before acceptance');

    h.clock.set('2018-11-21T14:00:00+07:00'); // supplied on Wednesday afternoon
    const accepted = await h.request({
      method: 'POST',
      url: `/api/dossiers/${dossier.code}/resume`,
      as: 'canbo.phucxa',
      payload: { note: 'Đã nộp đủ giấy tờ' },
    });
    t.equal(accepted.statusCode, 200);
    t.match(accepted.json(), {
      statusCode: 4,
      missingItems: null,
      clockStartedAt: new Date('2018-11-21T14:00:00+07:00').toISOString(),
      dueAt: new Date('2018-11-21T17:00:00+07:00').toISOString(),
      tasks: [{ activityId: 'ThamDinh' }],
    });
    t.equal((await form(h, dossier.code, 'receipt')).status, 200, 'the receipt slip is issued on acceptance');
    const replay = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })
    ).json();
    t.ok(replay.ok, 'the history replays');
    t.equal(replay.steps[0].kind, 'accepted');
  },
);

t.test('refused at the desk, with the reason', async (t) => {
  const h = await testApp(t);
  const bad = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), outcome: 'refuse' },
  });
  t.equal(bad.statusCode, 400, 'a refusal needs a reason');
  t.equal(bad.json().code, 'reason-required');
  const reason = 'Trẻ không cư trú trên địa bàn phường, không thuộc thẩm quyền đăng ký';
  const dossier = (
    await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: 'canbo.phucxa',
      payload: { ...receiptBody('1.001193'), applicant: APPLICANT, outcome: 'refuse', reason, data: {} },
    })
  ).json();
  t.match(dossier, {
    statusCode: 3,
    status: 'refused',
    statusLabel: 'Không tiếp nhận',
    statusReason: reason,
    tasks: [],
    dueAt: null,
  });
  const refusal = await form(h, dossier.code, 'refusal');
  t.ok(refusal.text.includes('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'));
  t.ok(refusal.text.includes(reason));
  t.match((await outbox(h, dossier.code))[0], { subject: `Từ chối tiếp nhận hồ sơ – ${dossier.code}` });
  t.equal(
    (await h.request({ method: 'POST', url: `/api/dossiers/${dossier.code}/resume`, as: 'canbo.phucxa', payload: {} }))
      .statusCode,
    409,
    'a refused dossier cannot be resumed',
  );
  t.same(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/audit/verify`, as: 'thanhtra' })).json(),
    { ok: true, events: 2 },
  );
});

t.test('the cut-off: received after 15:00, counting starts the next working day', async (t) => {
  const h = await testApp(t, { start: '2018-11-23T15:30:00+07:00' }); // Friday 15:30
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  t.equal(dossier.receivedAt, new Date('2018-11-23T15:30:00+07:00').toISOString(), 'dated when received');
  t.equal(dossier.clockStartedAt, new Date('2018-11-26T08:00:00+07:00').toISOString(), 'counted from Monday');
  t.equal(dossier.dueAt, new Date('2018-11-26T17:00:00+07:00').toISOString(), 'due at the end of Monday');
});
