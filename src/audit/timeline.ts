import { vietnameseDateTime } from '../calendar/index.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import type { UnitDirectory } from '../units/directory.js';
import { CHANNEL_LABELS } from '../vocabulary/channels.js';
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
  definition: ProcessDefinition;
  units: UnitDirectory;
  userNames: Map<number, string>;
  /** Include the engine's own events (every node entered and flow taken). */
  detail: boolean;
}

const ROLES: Record<string, string> = { officer: 'cán bộ', leader: 'lãnh đạo' };
const ENGINE_VERBS: Record<string, string> = {
  'engine.activity.start': 'Quy trình tới',
  'engine.activity.wait': 'Quy trình chờ xử lý tại',
  'engine.activity.end': 'Quy trình qua',
  'engine.flow.take': 'Quy trình đi theo nhánh',
};

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
      label: describe(event.type, data, context, taskActivity),
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

function describe(type: string, data: Record<string, unknown>, context: TimelineContext, taskActivity: Map<number, string>): string {
  const name = (id: unknown) => context.definition.elements.get(String(id))?.name ?? String(id);
  const unit = (code: unknown) => context.units.get(String(code))?.name ?? String(code);
  const taskName = () => name(data.activityId ?? taskActivity.get(Number(data.taskId)));
  switch (type) {
    case 'dossier.received':
      return `Tiếp nhận hồ sơ ${CHANNEL_LABELS[data.channel as keyof typeof CHANNEL_LABELS] ?? ''} tại ${unit(data.unitCode)}`.replace('  ', ' ') +
        (data.dueAt ? `; hẹn trả kết quả ${vietnameseDateTime(String(data.dueAt))}` : '');
    case 'task.created':
      return `Chuyển bước “${taskName()}” đến ${ROLES[String(data.role)] ?? String(data.role)} – ${unit(data.unitCode)}` +
        (data.dueAt ? `, hạn xử lý ${vietnameseDateTime(String(data.dueAt))}` : '');
    case 'task.claimed':
      return `Nhận xử lý bước “${taskName()}”`;
    case 'task.completed': {
      const outcome = data.outcome ? context.definition.tasks.get(String(data.activityId))?.outcomeLabels[String(data.outcome)] ?? String(data.outcome) : null;
      return `Hoàn thành bước “${taskName()}”` + (outcome ? ` – kết quả: ${outcome}` : '') + (data.comment ? ` – ý kiến: “${String(data.comment)}”` : '');
    }
    case 'task.cancelled':
      return `Hủy bước “${taskName()}” do quy trình đã chuyển hướng`;
    case 'status.changed':
      return `Trạng thái hồ sơ: ${statusLabel(Number(data.from))} → ${statusLabel(Number(data.to))}`;
    default:
      return ENGINE_VERBS[type] ? `${ENGINE_VERBS[type]} “${name(data.elementId)}”` : type;
  }
}
