import { vietnameseDateTime } from '../calendar/format.js';

/** What happened to a dossier that its applicant is told about. */
export type ApplicantNotice =
  | { kind: 'received'; appointmentAt: string | null }
  | { kind: 'supplement-requested'; items: string[] }
  | { kind: 'obligation-requested'; reason: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'stopped'; reason: string; final: boolean }
  | { kind: 'resumed'; appointmentAt: string | null }
  | { kind: 'withdrawn' }
  | { kind: 'apology'; reason: string; appointmentAt: string }
  | { kind: 'update'; text: string }
  | { kind: 'processed' }
  | { kind: 'returned' };

export interface Message {
  subject: string;
  body: string;
}

/** The Vietnamese text sent to the applicant, short enough for one SMS as its first line. */
export function applicantMessage(code: string, procedureName: string, notice: ApplicantNotice): Message {
  const when = (iso: string | null) => (iso ? vietnameseDateTime(iso) : 'khi có kết quả');
  const lines: Record<ApplicantNotice['kind'], () => [string, string]> = {
    received: () => [
      'Đã tiếp nhận hồ sơ',
      `Hồ sơ ${code} đã được tiếp nhận. Hẹn trả kết quả: ${when((notice as { appointmentAt: string | null }).appointmentAt)}.`,
    ],
    'supplement-requested': () => [
      'Yêu cầu bổ sung hồ sơ',
      `Hồ sơ ${code} cần bổ sung: ${(notice as { items: string[] }).items.join('; ')}.`,
    ],
    'obligation-requested': () => [
      'Yêu cầu thực hiện nghĩa vụ tài chính',
      `Hồ sơ ${code}: đề nghị thực hiện nghĩa vụ tài chính (${(notice as { reason: string }).reason}).`,
    ],
    refused: () => [
      'Từ chối tiếp nhận hồ sơ',
      `Hồ sơ ${code} không được tiếp nhận. Lý do: ${(notice as { reason: string }).reason}.`,
    ],
    stopped: () => {
      const { reason, final } = notice as { reason: string; final: boolean };
      return final
        ? ['Dừng giải quyết hồ sơ', `Hồ sơ ${code} dừng giải quyết, không tiếp tục giải quyết. Lý do: ${reason}.`]
        : ['Dừng xử lý hồ sơ', `Hồ sơ ${code} tạm dừng xử lý. Lý do: ${reason}.`];
    },
    resumed: () => [
      'Tiếp tục xử lý hồ sơ',
      `Hồ sơ ${code} được tiếp tục xử lý. Hẹn trả kết quả: ${when((notice as { appointmentAt: string | null }).appointmentAt)}.`,
    ],
    withdrawn: () => ['Đã rút hồ sơ', `Hồ sơ ${code} đã được rút theo yêu cầu của ông/bà.`],
    apology: () => [
      'Thư xin lỗi và hẹn lại ngày trả kết quả',
      `Hồ sơ ${code} chậm so với hẹn (${(notice as { reason: string }).reason}). Chúng tôi xin lỗi và hẹn trả kết quả: ${when((notice as { appointmentAt: string }).appointmentAt)}.`,
    ],
    update: () => ['Thông báo về hồ sơ', `Hồ sơ ${code}: ${(notice as { text: string }).text}.`],
    processed: () => [
      'Đã có kết quả',
      `Hồ sơ ${code} đã có kết quả, mời ông/bà đến nhận hoặc theo dõi trên Cổng dịch vụ công.`,
    ],
    returned: () => ['Đã trả kết quả', `Hồ sơ ${code} đã được trả kết quả. Cảm ơn ông/bà.`],
  };
  const [title, sms] = lines[notice.kind]();
  return {
    subject: `${title} – ${code}`,
    body: `${sms}\n\nThủ tục: ${procedureName}.\nĐây là tin nhắn tự động của hệ thống một cửa điện tử.`,
  };
}
