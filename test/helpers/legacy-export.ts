/**
 * Exports of Phường Phúc Xá's former one-stop application (as its vendor would hand them over) and the mapping of its
 * words to ours, for the legacy import tests. Received before the shared system started; imported on 19/11/2018.
 */

/** Old procedure names and codes, statuses and step names → ours. */
export const MAPPING = {
  description: 'Phần mềm một cửa UBND phường Phúc Xá (2016–2018)',
  procedures: { 'Đăng ký khai sinh': '1.001193', 'KS-01': '1.001193', 'Cấp bản sao từ sổ gốc': '2.000908' },
  statuses: {
    'Đã tiếp nhận': 2,
    'Đang xử lý': 4,
    'Đã giải quyết': 9,
    'Đã trả kết quả': 10,
    'Từ chối': 3,
    'Rút hồ sơ': 7,
    'Chờ bổ sung': 5,
  },
  steps: {
    '1.001193': { 'Thẩm định': 'ThamDinh', 'Trình ký': 'KyDuyet' },
    '2.000908': { 'Tra cứu sổ gốc': 'TraCuuSoGoc', 'Ký bản sao': 'KyBanSao' },
  },
};

export const HEADER =
  'code,procedure,applicant_name,applicant_id_number,applicant_phone,received_at,due_at,status,finished_at,current_step,history';

/** The CSV export: six good rows (two finished, one late; two in progress; one refused, one withdrawn) and five bad. */
export const CSV_EXPORT = [
  HEADER,
  'PX-2018-0101,Đăng ký khai sinh,Nguyễn Văn An,001090000101,0912000101,12/11/2018 08:30,12/11/2018 17:00,Đã trả kết quả,12/11/2018 15:00,,"12/11/2018 08:30;Nguyễn Thị Hoa;Tiếp nhận hồ sơ|12/11/2018 15:00;Nguyễn Thị Hoa;Trả kết quả, người nộp đã ký nhận"',
  'PX-2018-0102,KS-01,Trần Thị Bích,001190000102,,13/11/2018 09:00,13/11/2018 17:00,Đã trả kết quả,14/11/2018 10:00,,',
  'PX-2018-0103,Cấp bản sao từ sổ gốc,Lê Văn Cường,001090000103,,16/11/2018 10:00,19/11/2018 10:00,Đang xử lý,,Ký bản sao,16/11/2018 11:00;Phạm Văn Dũng;Đã tra cứu sổ gốc: có thông tin',
  'PX-2018-0104,Đăng ký khai sinh,Phạm Thị Dung,001190000104,,16/11/2018 14:00,19/11/2018 14:00,đang xử lý,,Trình ký,',
  'PX-2018-0105,Chứng thực chữ ký,Hoàng Văn Em,001090000105,,16/11/2018 15:00,16/11/2018 17:00,Đã trả kết quả,16/11/2018 16:00,,',
  'PX-2018-0106,Đăng ký khai sinh,Vũ Thị Gấm,001190000106,,15/11/2018 08:00,15/11/2018 17:00,Treo,,,',
  'PX-2018-0107,Đăng ký khai sinh,Đỗ Văn Hùng,001090000107,,15/11/2018 09:00,16/11/2018 09:00,Đang xử lý,,Lưu trữ,',
  'PX-2018-0108,Đăng ký khai sinh,Ngô Thị Ích,001190000108,,31/02/2018 08:00,15/11/2018 17:00,Đã trả kết quả,15/11/2018 16:00,,',
  'PX-2018-0109,Đăng ký khai sinh,Bùi Văn Khoa,001090000109,,14/11/2018 10:00,,Từ chối,,,14/11/2018 10:05;Nguyễn Thị Hoa;Từ chối: không cư trú trên địa bàn',
  'PX-2018-0110,Cấp bản sao từ sổ gốc,Đinh Thị Lan,001190000110,,14/11/2018 11:00,15/11/2018 11:00,Rút hồ sơ,,,',
  'PX-2018-0111,Đăng ký khai sinh,Mai Văn Minh,001090000111,,16/11/2018 08:00,16/11/2018 17:00,Chờ bổ sung,,Thẩm định,',
].join('\n');

/** CSV lines (header = 1) of the rows that cannot be imported, and why. */
export const CSV_BAD_ROWS: Record<number, RegExp> = {
  6: /^Dòng 6: thủ tục “Chứng thực chữ ký” không có trong bảng ánh xạ$/,
  7: /^Dòng 7: trạng thái “Treo” không có trong bảng ánh xạ$/,
  8: /^Dòng 8: bước “Lưu trữ” của thủ tục 1\.001193 không có trong bảng ánh xạ$/,
  9: /^Dòng 9: thời điểm tiếp nhận “31\/02\/2018 08:00” không đọc được$/,
  12: /^Dòng 12: trạng thái “Chờ bổ sung” \(5 – Yêu cầu bổ sung giấy tờ\) chưa nhập được/,
};

/** The JSON export: history as objects, ISO times; one finished, one in progress, one without its applicant's name. */
export const JSON_EXPORT = JSON.stringify([
  {
    code: 'PXJ-0201',
    procedure: 'Cấp bản sao từ sổ gốc',
    applicant_name: 'Lương Thị Nga',
    applicant_id_number: '001190000201',
    received_at: '2018-11-15T08:00:00+07:00',
    due_at: '2018-11-16T08:00:00+07:00',
    status: 'Đã giải quyết',
    finished_at: '2018-11-15T16:30:00+07:00',
    history: [{ at: '2018-11-15T16:30:00+07:00', actor: 'Phạm Văn Dũng', text: 'Đã ký bản sao, chờ trả kết quả' }],
  },
  {
    code: 'PXJ-0202',
    procedure: 'KS-01',
    applicant_name: 'Tạ Văn Ổn',
    applicant_id_number: '001090000202',
    received_at: '2018-11-16 16:00',
    due_at: '2018-11-19 16:00',
    status: 'Đã tiếp nhận',
    current_step: 'Thẩm định',
  },
  {
    code: 'PXJ-0203',
    procedure: 'KS-01',
    applicant_name: '',
    received_at: '2018-11-16 16:30',
    due_at: '2018-11-19 16:30',
    status: 'Đã tiếp nhận',
    current_step: 'Thẩm định',
  },
]);

/** A CSV export of `count` dossiers of 2.000908 in progress at “Ký bản sao”, and of as many finished ones. */
export function largeExport(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return [
      `PXL-${n},Cấp bản sao từ sổ gốc,Người nộp ${n},0010900${n},,16/11/2018 10:00,19/11/2018 10:00,Đang xử lý,,Ký bản sao,16/11/2018 11:00;Phạm Văn Dũng;Đã tra cứu`,
      `PXF-${n},Đăng ký khai sinh,Người nộp ${n},0011900${n},,12/11/2018 08:30,12/11/2018 17:00,Đã trả kết quả,${i % 3 ? '12/11/2018 15:00' : '13/11/2018 09:00'},,`,
    ].join('\n');
  });
  return [HEADER, ...rows].join('\n');
}
