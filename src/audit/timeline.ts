import { localDate, vietnameseDate, vietnameseDateTime } from '../calendar/index.js';
import { RESULT_RETURN_LABELS, type ResultReturn } from '../vocabulary/result-returns.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import type { UnitDirectory } from '../units/directory.js';
import { CHANNEL_LABELS } from '../vocabulary/channels.js';
import { isFormKind, issuedUnder } from '../vocabulary/form-names.js';
import { statusLabel } from '../vocabulary/statuses.js';
import { payloadOf, type StoredEvent } from './repository.js';

/** One line of a dossier's history as people read it. */
export interface TimelineEntry {
  seq: number;
  at: string;
  type: string;
  /** What happened, in Vietnamese. */
  label: string;
  actor: { id: number; name: string | null; unitCode: string | null; unitName: string | null } | null;
}

export interface TimelineContext {
  /** The diagrams the history ran on: the version it was received under, then any it was moved to. */
  definitions: ProcessDefinition[];
  units: UnitDirectory;
  userNames: Map<number, string>;
  /** Include the engine's own events (every node entered and flow taken). */
  detail: boolean;
  /** Include officers' comments on completed tasks (not in what the applicant sees). */
  comments?: boolean;
}

const ROLES: Record<string, string> = { officer: 'cán bộ', leader: 'lãnh đạo' };
const PAUSES: Record<string, string> = {
  supplement: 'Tạm dừng, yêu cầu bổ sung hồ sơ',
  obligation: 'Tạm dừng, chờ người nộp thực hiện nghĩa vụ tài chính',
  stop: 'Dừng xử lý hồ sơ',
};

const CANCELLED: Record<string, string> = {
  withdrawn: 'do người nộp rút hồ sơ',
  stopped: 'do hồ sơ dừng giải quyết',
};

const list = (items: unknown) => (Array.isArray(items) ? items.map(String).join('; ') : '');
const hours = (minutes: unknown) => (Number(minutes) / 60).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Files by the document they are: `“Biên bản thẩm định”: a.pdf, b.png; “Ảnh hiện trạng”: c.jpg`. */
function byDocument(files: unknown): string {
  const groups = new Map<string, string[]>();
  for (const f of Array.isArray(files) ? (files as { name: string; document: string }[]) : [])
    groups.set(f.document, [...(groups.get(f.document) ?? []), f.name]);
  return [...groups].map(([document, names]) => `“${document}”: ${names.join(', ')}`).join('; ');
}

const ENGINE_VERBS: Record<string, string> = {
  'engine.activity.start': 'Quy trình tới',
  'engine.activity.wait': 'Quy trình chờ xử lý tại',
  'engine.activity.end': 'Quy trình qua',
  'engine.flow.take': 'Quy trình đi theo nhánh',
};

/** An online submission, for staff and applicant alike: to which unit, with which files. */
export function submission(data: Record<string, unknown>, unitName: string): string {
  const files = Array.isArray(data.attachments) ? (data.attachments as { name: string }[]).map((f) => f.name) : [];
  return (
    `Nộp hồ sơ trực tuyến tới ${unitName}` + (files.length ? `, kèm ${files.length} tệp: ${files.join(', ')}` : '')
  );
}

/** The history of a dossier, one Vietnamese sentence per event. */
export function timeline(events: readonly StoredEvent[], context: TimelineContext): TimelineEntry[] {
  const taskActivity = new Map<number, string>();
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    if (!context.detail && event.type.startsWith('engine.')) continue;
    const data = payloadOf(event);
    if (event.type === 'task.created') taskActivity.set(Number(data.taskId), String(data.activityId));
    entries.push({
      seq: event.seq,
      at: event.at,
      type: event.type,
      label: describe(event, data, context, taskActivity),
      actor:
        event.actor_id === null
          ? null
          : {
              id: Number(event.actor_id),
              name: context.userNames.get(Number(event.actor_id)) ?? null,
              unitCode: event.actor_unit,
              unitName: event.actor_unit ? (context.units.get(event.actor_unit)?.name ?? null) : null,
            },
    });
  }
  return entries;
}

function describe(
  { type, at }: StoredEvent,
  data: Record<string, unknown>,
  context: TimelineContext,
  taskActivity: Map<number, string>,
): string {
  const name = (id: unknown) =>
    context.definitions.map((d) => d.elements.get(String(id))?.name).find(Boolean) ?? String(id);
  const unit = (code: unknown) => context.units.get(String(code))?.name ?? String(code);
  const taskName = () => name(data.activityId ?? taskActivity.get(Number(data.taskId)));
  switch (type) {
    case 'dossier.received': {
      const where =
        `hồ sơ ${CHANNEL_LABELS[data.channel as keyof typeof CHANNEL_LABELS] ?? ''} tại ${unit(data.unitCode)}`.replace(
          '  ',
          ' ',
        );
      if (data.outcome === 'refuse') return `Từ chối tiếp nhận ${where}; lý do: ${String(data.reason)}`;
      if (data.outcome === 'supplement')
        return `Nhận ${where}, hồ sơ chưa đầy đủ; yêu cầu bổ sung: ${list(data.missingItems)}`;
      const forUnit = data.competentUnitCode
        ? `, không phụ thuộc địa giới hành chính, chuyển ${unit(data.competentUnitCode)} giải quyết; trả kết quả ${RESULT_RETURN_LABELS[data.resultReturn as ResultReturn]?.toLowerCase() ?? ''}`
        : '';
      return (
        `Tiếp nhận ${where}${forUnit}` +
        (data.dueAt ? `; hẹn trả kết quả ${vietnameseDateTime(String(data.dueAt))}` : '')
      );
    }
    case 'dossier.submitted':
      return submission(data, unit(data.unitCode));
    case 'dossier.attachmentsAdded':
      return `Đính kèm tài liệu ${byDocument(data.files)}`;
    case 'document.digitised':
      return `Xác nhận số hóa “${String(data.name)}” (${Array.isArray(data.files) ? data.files.length : 0} tệp)`;
    case 'dossier.digitised':
      return 'Hồ sơ đã được số hóa đầy đủ thành phần đã nhận';
    case 'dossier.rated':
      return (
        `Người nộp hồ sơ đánh giá mức độ hài lòng: ${String(data.score)}/5` +
        (data.comment ? ` – “${String(data.comment)}”` : '')
      );
    case 'dossier.accepted':
      return (
        'Hồ sơ đã được bổ sung đầy đủ, tiếp nhận giải quyết' +
        (data.dueAt ? `; hẹn trả kết quả ${vietnameseDateTime(String(data.dueAt))}` : '')
      );
    case 'dossier.paused':
      if (data.final === true)
        return `Dừng giải quyết hồ sơ, không tiếp tục giải quyết; căn cứ: ${String(data.ground)}; lý do: ${String(data.reason)}`;
      return `${PAUSES[String(data.kind)] ?? 'Tạm dừng'}${data.items ? `: ${list(data.items)}` : ''}; lý do: ${String(data.reason)}`;
    case 'dossier.resumed':
      return (
        `Tiếp tục giải quyết sau ${hours(data.pausedWorkingMinutes)} giờ làm việc tạm dừng` +
        (data.due_at ? `; hạn mới ${vietnameseDateTime(String(data.due_at))}` : '')
      );
    case 'dossier.withdrawn':
      return `Người nộp rút hồ sơ; lý do: ${String(data.reason)}`;
    case 'dossier.returned':
      return 'Trả kết quả cho người nộp hồ sơ';
    case 'dossier.apology':
      return `Xin lỗi người nộp hồ sơ (${String(data.reason)}), hẹn lại ngày trả kết quả ${vietnameseDateTime(String(data.appointmentAt))}`;
    case 'dossier.late-risk':
      return `Cảnh báo: hồ sơ sắp đến hạn giải quyết (${vietnameseDateTime(String(data.dueAt))})`;
    case 'dossier.overdue':
      return (
        `Hồ sơ quá hạn giải quyết (hạn ${vietnameseDateTime(String(data.dueAt))})` +
        (data.activityId ? ` tại bước “${name(data.activityId)}” – ${unit(data.unitCode)}` : '')
      );
    case 'task.reminded':
      return `Nhắc việc: bước “${taskName()}” sắp đến hạn`;
    case 'task.escalated':
      return `Báo cáo lãnh đạo ${unit(data.unitCode)}: bước “${taskName()}” đã quá hạn`;
    case 'timer.armed':
      return `Hẹn giờ “${name(data.activityId)}” đến ${vietnameseDateTime(String(data.dueAt))}`;
    case 'timer.fired':
      return `Hết giờ hẹn “${name(data.activityId)}”`;
    case 'form.issued': {
      const names = issuedUnder(data.set, localDate(new Date(at))).names;
      return `Phát hành ${isFormKind(data.form) ? names[data.form].title : String(data.form)}`;
    }
    case 'task.created':
      return (
        `Chuyển bước “${taskName()}” đến ${ROLES[String(data.role)] ?? String(data.role)} – ${unit(data.unitCode)}` +
        (data.dueAt ? `, hạn xử lý ${vietnameseDateTime(String(data.dueAt))}` : '')
      );
    case 'task.claimed':
      return `Nhận xử lý bước “${taskName()}”`;
    case 'task.assigned':
      return (
        (data.toName
          ? `Chuyển bước “${taskName()}” cho ${String(data.toName)} xử lý`
          : `Trả bước “${taskName()}” về đơn vị, chưa giao cán bộ`) +
        (data.comment && context.comments !== false ? ` – ý kiến: “${String(data.comment)}”` : '')
      );
    case 'task.completed': {
      const labels = context.definitions.map(
        (d) => d.tasks.get(String(data.activityId))?.outcomeLabels[String(data.outcome)],
      );
      const outcome = data.outcome ? (labels.find(Boolean) ?? String(data.outcome)) : null;
      const comment = data.comment && context.comments !== false ? ` – ý kiến: “${String(data.comment)}”` : '';
      return `Hoàn thành bước “${taskName()}”` + (outcome ? ` – kết quả: ${outcome}` : '') + comment;
    }
    case 'task.cancelled':
      return `Hủy bước “${taskName()}” ${CANCELLED[String(data.reason)] ?? 'do quy trình đã chuyển hướng'}`;
    case 'dossier.imported':
      return (
        `Nhập từ hệ thống một cửa cũ (tệp ${String(data.file)}, dòng ${String(data.row)}): tiếp nhận ${vietnameseDateTime(String(data.receivedAt))}` +
        (data.dueAt ? `, hẹn trả ${vietnameseDateTime(String(data.dueAt))}` : '') +
        `, trạng thái “${statusLabel(Number(data.statusCode))}”` +
        (data.competentUnitCode ? `; đơn vị giải quyết: ${unit(data.competentUnitCode)}` : '') +
        (data.activityId ? `; tiếp tục xử lý tại bước “${name(data.activityId)}”` : '')
      );
    case 'legacy.history':
      return `Hệ thống cũ, ${vietnameseDateTime(String(data.at))}${data.actor ? `, ${String(data.actor)}` : ''}: ${String(data.text)}`;
    case 'dossier.handedOver': {
      const moves = [
        data.desk as { from: string; to: string } | null,
        ...(data.tasks as { from: string; to: string; name: string }[]),
      ].filter((m) => m !== null);
      const lines = moves.map(
        (m) => `${'name' in m ? `bước “${String(m.name)}”` : 'bộ phận một cửa'}: ${unit(m.from)} → ${unit(m.to)}`,
      );
      return `Bàn giao hồ sơ khi sắp xếp đơn vị hành chính (${String(data.name)}, hiệu lực ${vietnameseDate(String(data.effectiveDate))}): ${lines.join('; ')}`;
    }
    case 'dossier.migrated':
      return `Chuyển hồ sơ từ phiên bản ${String(data.fromVersion)} sang phiên bản ${String(data.toVersion)} của quy trình`;
    case 'status.changed':
      return `Trạng thái hồ sơ: ${statusLabel(Number(data.from))} → ${statusLabel(Number(data.to))}`;
    default:
      return ENGINE_VERBS[type] ? `${ENGINE_VERBS[type]} “${name(data.elementId)}”` : type;
  }
}
