import { payloadOf, type StoredEvent } from '../audit/repository.js';
import { submission } from '../audit/timeline.js';
import { vietnameseDateTime } from '../calendar/index.js';
import type { UnitDirectory } from '../units/directory.js';
import { PROCESSED, RETURNED } from '../vocabulary/statuses.js';

/** One line of what the applicant is told about their dossier. */
export interface ApplicantLine {
  seq: number;
  at: string;
  label: string;
}

/** Where the applicant collects the result, in words (e.g. "mời nhận tại Phường Hoàn Kiếm"). */
export type ResultPlace = string;

const PAUSES: Record<string, string> = {
  supplement: 'Tạm dừng, cần bổ sung hồ sơ',
  obligation: 'Tạm dừng, chờ thực hiện nghĩa vụ tài chính',
  stop: 'Dừng giải quyết hồ sơ',
};

const list = (items: unknown) => (Array.isArray(items) ? items.map(String).join('; ') : '');
const due = (at: unknown) => (at ? `; hẹn trả kết quả ${vietnameseDateTime(String(at))}` : '');

/**
 * What the applicant needs to know, in plain Vietnamese: received where (and by whom handled), what is missing, which
 * unit is working on it now, paused or resumed, result ready (and where to collect it), returned. The officers' steps,
 * names, comments and the engine's own events stay inside.
 */
export function applicantTimeline(
  events: readonly StoredEvent[],
  units: UnitDirectory,
  resultPlace: ResultPlace,
): ApplicantLine[] {
  const unit = (code: unknown) => units.get(String(code))?.name ?? String(code);
  const lines: ApplicantLine[] = [];
  let workingAt: string | null = null;
  for (const event of events) {
    const data = payloadOf(event);
    let label: string | null = null;
    if (event.type === 'task.created') {
      if (data.unitCode !== workingAt) label = `Đang giải quyết tại ${unit(data.unitCode)}`;
      workingAt = String(data.unitCode);
    } else label = told(event.type, data, unit, resultPlace);
    if (label) lines.push({ seq: event.seq, at: event.at, label });
  }
  return lines;
}

function told(
  type: string,
  data: Record<string, unknown>,
  unit: (code: unknown) => string,
  resultPlace: ResultPlace,
): string | null {
  switch (type) {
    case 'dossier.submitted':
      return submission(data, unit(data.unitCode));
    case 'dossier.received':
      if (data.outcome === 'refuse') return `Hồ sơ không được tiếp nhận; lý do: ${String(data.reason)}`;
      if (data.outcome === 'supplement') return `Hồ sơ chưa đầy đủ, cần bổ sung: ${list(data.missingItems)}`;
      return (
        `Hồ sơ đã được tiếp nhận tại ${unit(data.unitCode)}` +
        (data.competentUnitCode ? `, chuyển ${unit(data.competentUnitCode)} giải quyết` : '') +
        due(data.dueAt)
      );
    case 'dossier.accepted':
      return `Hồ sơ đã đủ, được tiếp nhận giải quyết${due(data.dueAt)}`;
    case 'dossier.imported':
      return `Hồ sơ tiếp nhận ${vietnameseDateTime(String(data.receivedAt))} trên hệ thống một cửa trước đây${due(data.dueAt)}`;
    case 'dossier.paused':
      return `${PAUSES[String(data.kind)] ?? 'Tạm dừng'}${data.items ? `: ${list(data.items)}` : ''}; lý do: ${String(data.reason)}`;
    case 'dossier.resumed':
      return (
        `Tiếp tục giải quyết` + (data.due_at ? `; hạn giải quyết mới ${vietnameseDateTime(String(data.due_at))}` : '')
      );
    case 'dossier.apology':
      return `Xin lỗi vì chưa trả kết quả đúng hẹn; hẹn lại ${vietnameseDateTime(String(data.appointmentAt))}; lý do: ${String(data.reason)}`;
    case 'dossier.handedOver': {
      const desk = data.desk as { to: string } | null;
      return desk ? `Hồ sơ chuyển về ${unit(desk.to)} giải quyết do sắp xếp đơn vị hành chính` : null;
    }
    case 'status.changed':
      if (Number(data.to) === PROCESSED) return `Đã có kết quả, ${resultPlace}`;
      return Number(data.to) === RETURNED ? 'Đã trả kết quả' : null;
    case 'dossier.withdrawn':
      return `Đã rút hồ sơ theo yêu cầu; lý do: ${String(data.reason)}`;
    case 'dossier.rated':
      return (
        `Người nộp hồ sơ đánh giá mức độ hài lòng: ${String(data.score)}/5` +
        (data.comment ? ` – “${String(data.comment)}”` : '')
      );
    default:
      return null;
  }
}
