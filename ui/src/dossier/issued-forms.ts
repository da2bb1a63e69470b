import type { FormKind } from '../casework/pdf';
import type { Dossier, TimelineEntry } from '../casework/types';

/** The server's names of the forms (src/vocabulary/form-names.ts), as its timeline says "Phát hành <name>". */
const SERVER_NAMES: Record<Exclude<FormKind, 'control-slip'>, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  'obligation-notice': 'Thông báo thực hiện nghĩa vụ tài chính',
  'stop-notice': 'Thông báo dừng xử lý hồ sơ',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
};

/**
 * The forms the server will give for the dossier: those its history says were issued, and the control slip once the
 * clock has started (any other answers 404 "not issued").
 */
export function issuedForms(dossier: Dossier, history: TimelineEntry[]): FormKind[] {
  const issued = new Set<FormKind>();
  for (const entry of history) {
    if (entry.type !== 'form.issued') continue;
    for (const [kind, name] of Object.entries(SERVER_NAMES))
      if (entry.label.includes(name)) issued.add(kind as FormKind);
  }
  if (dossier.clockStartedAt) issued.add('control-slip');
  return [...issued];
}
