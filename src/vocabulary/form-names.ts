/** The forms a dossier's life issues (Thông tư 01/2018/TT-VPCP), by the key used in events and URLs. */
export const FORMS = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  'obligation-notice': 'Thông báo thực hiện nghĩa vụ tài chính',
  'stop-notice': 'Thông báo dừng xử lý hồ sơ',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  'control-slip': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
} as const;

export type FormKind = keyof typeof FORMS;
