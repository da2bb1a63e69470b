import ExcelJS from 'exceljs';
import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { todayReceiptBody } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';

// The forms of Thông tư 03/2025/TT-VPCP for acts from 15/9/2025, those of Thông tư 01/2018 before, each read back with
// an independent PDF text extractor (pdfjs).
const TODAY = '2026-12-02T09:00:00+07:00'; // a Wednesday
const PERMIT = '1.013236'; // construction permit, 20 working days at Sở Xây dựng

async function post(h: TestApp, url: string, payload: object, as = 'canbo.sxd') {
  return h.request({ method: 'POST', url, as, payload });
}

async function receive(h: TestApp, extra: object = {}) {
  const res = await post(h, '/api/dossiers', { ...todayReceiptBody(PERMIT), ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

async function form(h: TestApp, code: string, kind: string, as = 'canbo.sxd'): Promise<string> {
  const res = await h.request({ method: 'GET', url: `/api/dossiers/${code}/forms/${kind}.pdf`, as });
  if (res.statusCode !== 200) throw new Error(`${kind}: ${res.body}`);
  return pdfText(res.rawPayload);
}

async function documentsOf(h: TestApp, code: string): Promise<string[]> {
  const res = await h.request({ method: 'GET', url: `/api/procedures/${code}` });
  return res.json().documents.map((d: { name: string }) => d.name);
}

t.test('each form of Circular 03/2025 prints from a real dossier, with its title, fields and dates', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const [first, second] = (await documentsOf(h, PERMIT)) as [string, string];
  const dossiers = async () => (await h.request({ method: 'GET', url: '/api/dossiers', as: 'canbo.sxd' })).json().total;

  const unknown = await post(h, '/api/dossiers', {
    ...todayReceiptBody(PERMIT),
    documents: [{ name: 'Giấy không có trong danh mục', originals: 1 }],
  });
  t.equal(unknown.statusCode, 422);
  t.match(unknown.json(), { code: 'unknown-document', detail: /không có trong thành phần hồ sơ/ });
  t.equal(await dossiers(), 0, 'a refused checklist stores nothing');

  // Mẫu 01: the documents actually received, original or copy, and how many.
  const dossier = await receive(h, {
    documents: [
      { name: first, originals: 1 },
      { name: second, copies: 2 },
    ],
  });
  t.same(
    dossier.receivedDocuments.map((d: { originals: number; copies: number }) => [d.originals, d.copies]),
    [
      [1, 0],
      [0, 2],
    ],
  );
  const receipt = await form(h, dossier.code, 'receipt');
  for (const text of [
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'SỞ XÂY DỰNG',
    `Số: ${dossier.code}`,
    'Hà Nội, ngày 02 tháng 12 năm 2026',
    'Bộ phận Một cửa – Sở Xây dựng tiếp nhận hồ sơ của:',
    'Thành phần hồ sơ đã nhận:',
    'Bản chính Bản sao',
    'Thời gian nhận hồ sơ: 02/12/2026 09:00',
    'Người nộp hồ sơ: Ông/bà Nguyễn Văn Bình',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
  ])
    t.ok(receipt.includes(text), `Mẫu 01: ${text}`);
  t.notOk(receipt.includes('Bộ phận tiếp nhận và trả kết quả'), 'the 2018 name of the desk is gone');
  t.ok(receipt.includes(`${second.slice(0, 30)}`) && /– 02 –/.test(receipt), 'two copies of the second document');

  // Mẫu 04 and the control slip (Mẫu 06): an extension signed by the department's leader.
  h.clock.advanceHours(1);
  const newAppointment = '2027-01-15T09:00:00.000Z';
  const apology = await post(
    h,
    `/api/dossiers/${dossier.code}/apology`,
    { reason: 'Cần lấy ý kiến Sở Quy hoạch - Kiến trúc', appointmentAt: newAppointment },
    'lanhdao.sxd',
  );
  t.equal(apology.statusCode, 200, apology.body);
  const letter = await form(h, dossier.code, 'apology');
  for (const text of [
    'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    'Kính gửi: Ông/bà Nguyễn Văn Bình',
    'Lý do: Cần lấy ý kiến Sở Quy hoạch - Kiến trúc',
    'hẹn trả kết quả vào lúc 15/01/2027 16:00 (gia hạn lần 1)',
    'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ',
  ])
    t.ok(letter.includes(text), `Mẫu 04: ${text}`);
  const slip = await form(h, dossier.code, 'control-slip');
  t.ok(slip.includes('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'), 'Mẫu 06');
  t.ok(slip.includes('Gia hạn lần 1 (02/12/2026 10:00): hẹn trả kết quả 15/01/2027 16:00'), 'with the extension');

  const issued = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/forms`, as: 'canbo.sxd' })
  ).json();
  t.same(
    issued.map((f: { kind: string; number: string; set: string }) => [f.kind, f.number, f.set]),
    [
      ['receipt', 'Mẫu số 01', 'tt03-2025'],
      ['control-slip', 'Mẫu số 06', 'tt03-2025'],
      ['apology', 'Mẫu số 04', 'tt03-2025'],
    ],
  );

  // Mẫu 02 and 03: supplementation at receipt, refusal.
  const waiting = await receive(h, { outcome: 'supplement', missingItems: ['Bản vẽ mặt bằng', 'Giấy tờ về đất'] });
  const request = await form(h, waiting.code, 'supplement-request');
  t.ok(request.includes('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'), 'Mẫu 02');
  t.ok(request.includes('1. Bản vẽ mặt bằng') && request.includes('2. Giấy tờ về đất'), 'every missing item');
  const refused = await receive(h, { outcome: 'refuse', reason: 'Công trình không thuộc thẩm quyền cấp phép của Sở' });
  const refusal = await form(h, refused.code, 'refusal');
  t.ok(refusal.includes('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'), 'Mẫu 03');
  t.ok(refusal.includes('Công trình không thuộc thẩm quyền cấp phép của Sở'), 'with the reason');

  // Mẫu 05: a stop notice with its ground.
  const stopped = await receive(h);
  const stop = await post(h, `/api/dossiers/${stopped.code}/pause`, {
    kind: 'stop',
    reason: 'Người nộp đề nghị dừng để điều chỉnh thiết kế',
    ground: 'đề nghị của chủ đầu tư ngày 02/12/2026',
  });
  t.equal(stop.statusCode, 200, stop.body);
  const notice = await form(h, stopped.code, 'stop-notice');
  for (const text of [
    'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    'Căn cứ đề nghị của chủ đầu tư ngày 02/12/2026;',
    'Lý do: Người nộp đề nghị dừng để điều chỉnh thiết kế.',
    'Hồ sơ không tiếp tục được giải quyết.',
  ])
    t.ok(notice.includes(text), `Mẫu 05: ${text}`);

  // Mẫu 07: the register of the month, as PDF and as a spreadsheet.
  const query = 'from=2026-12-01&to=2026-12-31';
  const pdf = await h.request({ method: 'GET', url: `/api/units/SXD/register.pdf?${query}`, as: 'canbo.sxd' });
  t.equal(pdf.statusCode, 200, pdf.body);
  const register = await pdfText(pdf.rawPayload);
  t.ok(register.includes('SỔ THEO DÕI HỒ SƠ') && register.includes('Mẫu số 07'), 'Mẫu 07');
  for (const d of [dossier, waiting, refused, stopped]) t.ok(register.includes(d.code), `lists ${d.code}`);
  t.ok(register.includes('Từ chối tiếp nhận: Công trình không thuộc thẩm quyền'), 'the refusal noted');
  t.ok(register.includes('Tổng số: 4 hồ sơ.'));

  const xlsx = await h.request({ method: 'GET', url: `/api/units/SXD/register.xlsx?${query}`, as: 'canbo.sxd' });
  t.equal(xlsx.statusCode, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows = sheet.getSheetValues().filter(Boolean) as unknown as unknown[][];
  const header = rows.find((r) => r.includes('Mã hồ sơ'))!;
  t.ok(header.includes('Cơ quan chủ trì giải quyết') && header.includes('Hẹn trả kết quả'), 'the columns');
  const codes = rows.map((r) => r[header.indexOf('Mã hồ sơ')]).filter((c) => typeof c === 'string' && c.includes('-'));
  t.same(codes, [dossier.code, waiting.code, refused.code, stopped.code], 'every dossier received, in order');
  const line = rows.find((r) => r.includes(dossier.code))!;
  t.equal(line[header.indexOf('Nhận hồ sơ (ngày, giờ)')], '02/12/2026 09:00', 'dates as people read them');

  const other = await h.request({ method: 'GET', url: `/api/units/SXD/register?${query}`, as: 'canbo.hoankiem' });
  t.equal(other.statusCode, 403, 'another unit’s staff may not read it');
  const long = await h.request({
    method: 'GET',
    url: `/api/units/SXD/register?from=2025-01-01&to=2026-12-31`,
    as: 'canbo.sxd',
  });
  t.equal(long.statusCode, 422, 'a period over a year is asked for in parts');
});

t.test('a dossier received on 10/9/2025 prints the 2018 set, one received on 16/9/2025 the 2025 set', async (t) => {
  const h = await testApp(t, { start: '2025-09-10T09:00:00+07:00' });
  const before = await receive(h);
  h.clock.set('2025-09-16T09:00:00+07:00');
  const after = await receive(h);

  const old = await form(h, before.code, 'receipt');
  t.ok(old.includes('Bộ phận tiếp nhận và trả kết quả'), 'the 2018 receipt names the desk as then');
  t.notOk(old.includes('Thành phần hồ sơ đã nhận'), 'and lists the procedure’s documents as it did');
  const today = await form(h, after.code, 'receipt');
  t.ok(today.includes('Bộ phận Một cửa') && today.includes('Thành phần hồ sơ đã nhận'), 'the 2025 receipt');
  t.ok(today.includes('Hà Nội, ngày 16 tháng 9 năm 2025'), 'with its place and date');

  const slip = async (code: string) =>
    (await h.request({ method: 'GET', url: `/api/dossiers/${code}/forms`, as: 'canbo.sxd' }))
      .json()
      .find((f: { kind: string }) => f.kind === 'control-slip');
  t.match(await slip(before.code), { number: 'Mẫu số 05', set: 'tt01-2018' }, 'the 2018 control slip was Mẫu 05');
  t.match(await slip(after.code), { number: 'Mẫu số 06', set: 'tt03-2025' });

  const history = (
    await h.request({ method: 'GET', url: `/api/dossiers/${before.code}/history`, as: 'canbo.sxd' })
  ).json();
  t.ok(
    history.some((e: { label: string }) => e.label === 'Phát hành Giấy tiếp nhận hồ sơ và hẹn trả kết quả'),
    'the history names the form issued',
  );
});
