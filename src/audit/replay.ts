import type { Static } from 'typebox';
import type { WorkingCalendar } from '../calendar/index.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import type { ReplayCause, Replayer, Step } from '../engine/steps.js';
import type * as Schema from '../http/routes/dossiers/audit-schemas.js';
import { payloadOf, type StoredEvent } from './repository.js';

/** One step of a dossier's history as re-executed: what caused it, who, when, how long, and where the tokens went. */
export type ReplayStep = Static<typeof Schema.ReplayStep>;
export type EngineEventRef = Static<typeof Schema.EngineEventRef>;
/** Where replay and record first differ, as Temporal reports non-determinism. */
export type Divergence = Static<typeof Schema.Divergence>;

export interface Replay {
  steps: ReplayStep[];
  divergence: Divergence | null;
}

interface RecordedStep {
  cause: StoredEvent & { data: Record<string, unknown> };
  engine: (EngineEventRef & { seq: number })[];
  statusCode: number;
}

/**
 * Re-executes a dossier's process from its recorded receipt and task completions alone (on an engine thread, under
 * its time limit), and compares each step's path with the engine events recorded at the time. Stops at the first
 * divergence.
 */
export async function replayHistory(
  events: readonly StoredEvent[],
  definition: ProcessDefinition,
  definitionOfVersion: (versionId: number) => Promise<ProcessDefinition>,
  replayer: Replayer,
  calendarOf: (unitCode: string) => WorkingCalendar,
): Promise<Replay> {
  const recorded = recordedSteps(events);
  const opened = openedTasks(events);
  const steps: ReplayStep[] = [];
  const first = recorded[0];
  if (!first) return { steps, divergence: null }; // refused, or still waiting at receipt: the process never ran
  if (first.cause.type === 'task.completed') {
    return {
      steps,
      divergence: {
        seq: first.cause.seq,
        expected: null,
        actual: null,
        message: 'Nhật ký có bước hoàn thành công việc trước khi quy trình bắt đầu.',
      },
    };
  }

  const { causes, definitions } = await causesOf(recorded, definition, definitionOfVersion);
  const xmlByHash = Object.fromEntries(definitions.map((d) => [d.sha256, d.xml]));
  const run = await replayer.replay(xmlByHash, causes);
  for (const [index, record] of recorded.entries()) {
    const step = run.steps[index];
    if (!step) {
      const reason = run.failure?.message ?? 'không rõ lý do';
      return {
        steps,
        divergence: {
          seq: record.cause.seq,
          expected: null,
          actual: null,
          message: `Phát lại không thực hiện được bước này: ${reason}.`,
        },
      };
    }
    const divergence = compare(record, step);
    if (divergence) return { steps, divergence };
    steps.push(describe(record, step, opened, definitions[index]!, calendarOf));
  }
  // A withdrawn dossier's process was stopped from outside: the engine still waits where it was.
  const stopped = events.some((e) => e.type === 'dossier.withdrawn');
  return { steps, divergence: stopped ? null : finalDivergence(events, opened, run.steps.at(-1)!) };
}

/**
 * Each recorded cause as replay repeats it — start the version, complete a task, fire a timer, or start another
 * version and drive it along the recorded route (a migration, the import of a dossier in progress) — with the
 * definition the history runs on after it.
 */
async function causesOf(
  recorded: RecordedStep[],
  initial: ProcessDefinition,
  definitionOfVersion: (versionId: number) => Promise<ProcessDefinition>,
): Promise<{ causes: ReplayCause[]; definitions: ProcessDefinition[] }> {
  const causes: ReplayCause[] = [];
  const definitions: ProcessDefinition[] = [];
  let current = initial;
  for (const [index, { cause }] of recorded.entries()) {
    const { type, data } = cause;
    if (type === 'dossier.migrated' || type === 'dossier.imported') {
      current = await definitionOfVersion(Number(type === 'dossier.migrated' ? data.toVersionId : data.versionId));
      causes.push({
        kind: 'drive',
        sha256: current.sha256,
        path: (data.path as { activityId: string; outcome: string | null }[]) ?? [],
      });
    } else if (index === 0) {
      causes.push({ kind: 'start', sha256: current.sha256 });
    } else if (type === 'timer.fired') {
      causes.push({ kind: 'timer', activityId: String(data.activityId) });
    } else {
      causes.push({
        kind: 'signal',
        activityId: String(data.activityId),
        outcome: (data.outcome as string | null) ?? null,
      });
    }
    definitions.push(current);
  }
  return { causes, definitions };
}

/** Splits the log into steps, each a cause (receipt, completion) and the engine events recorded with it. */
function recordedSteps(events: readonly StoredEvent[]): RecordedStep[] {
  const steps: RecordedStep[] = [];
  let statusCode = 2;
  for (const event of events) {
    const data = payloadOf(event);
    if (event.type === 'dossier.imported') statusCode = Number(data.statusCode);
    const starts =
      (event.type === 'dossier.received' && (data.outcome ?? 'accept') === 'accept') ||
      event.type === 'dossier.accepted' ||
      (event.type === 'dossier.imported' && Array.isArray(data.path)); // an imported dossier still in progress
    if (starts || ['task.completed', 'timer.fired', 'dossier.migrated'].includes(event.type)) {
      steps.push({ cause: { ...event, data }, engine: [], statusCode });
    } else if (event.type.startsWith('engine.')) {
      steps.at(-1)?.engine.push({ seq: event.seq, type: event.type, elementId: String(data.elementId) });
    } else if (event.type === 'status.changed') {
      statusCode = Number(data.to);
      if (steps.at(-1)) steps.at(-1)!.statusCode = statusCode;
    }
  }
  return steps;
}

interface OpenedTask {
  activityId: string;
  unitCode: string;
  openedAt: string;
  dueAt: string | null;
  closed: boolean;
}

/** Tasks by id as the log opened and closed them. */
function openedTasks(events: readonly StoredEvent[]): Map<number, OpenedTask> {
  const tasks = new Map<number, OpenedTask>();
  for (const event of events) {
    const data = payloadOf(event) as { taskId?: number; activityId?: string; unitCode?: string; dueAt?: string | null };
    if (event.type === 'task.created') {
      tasks.set(Number(data.taskId), {
        activityId: String(data.activityId),
        unitCode: String(data.unitCode),
        openedAt: event.at,
        dueAt: data.dueAt ?? null,
        closed: false,
      });
    } else if ((event.type === 'task.completed' || event.type === 'task.cancelled') && tasks.has(Number(data.taskId))) {
      tasks.get(Number(data.taskId))!.closed = true;
    }
  }
  return tasks;
}

function compare(record: RecordedStep, step: Step): Divergence | null {
  const length = Math.max(record.engine.length, step.events.length);
  for (let i = 0; i < length; i++) {
    const expected = record.engine[i];
    const event = step.events[i];
    const actual = event ? { type: `engine.${event.type}`, elementId: event.elementId } : null;
    if (expected && actual && expected.type === actual.type && expected.elementId === actual.elementId) continue;
    const seq = expected?.seq ?? record.engine.at(-1)?.seq ?? record.cause.seq;
    const message = !actual
      ? `Phát lại dừng sớm: nhật ký ghi ${expected!.type} tại ${expected!.elementId}, quy trình không đi tới đó.`
      : !expected
        ? `Phát lại đi thêm ${actual.type} tại ${actual.elementId}, nhật ký không ghi bước này.`
        : `Nhật ký ghi ${expected.type} tại ${expected.elementId}, phát lại đi ${actual.type} tại ${actual.elementId}.`;
    return { seq, expected: expected ? { type: expected.type, elementId: expected.elementId } : null, actual, message };
  }
  return null;
}

const KINDS: Record<string, ReplayStep['kind']> = {
  'timer.fired': 'timer',
  'dossier.accepted': 'accepted',
  'dossier.migrated': 'migrated',
  'dossier.imported': 'imported',
};

function describe(
  record: RecordedStep,
  step: Step,
  opened: Map<number, OpenedTask>,
  definition: ProcessDefinition,
  calendarOf: (unitCode: string) => WorkingCalendar,
): ReplayStep {
  const { cause } = record;
  const completed = cause.type === 'task.completed';
  const task = completed ? opened.get(Number(cause.data.taskId)) : undefined;
  const activityId = completed || cause.type === 'timer.fired' ? String(cause.data.activityId) : null;
  return {
    seq: cause.seq,
    kind: completed ? 'completed' : (KINDS[cause.type] ?? 'received'),
    activityId,
    activityName: activityId ? (definition.elements.get(activityId)?.name ?? activityId) : null,
    outcome: completed ? ((cause.data.outcome as string | null) ?? null) : null,
    actor: { id: cause.actor_id === null ? null : Number(cause.actor_id), unitCode: cause.actor_unit },
    at: cause.at,
    taskOpenedAt: task?.openedAt ?? null,
    dueAt: task?.dueAt ?? null,
    timeSpentMinutes: task ? calendarOf(task.unitCode).between(new Date(task.openedAt), new Date(cause.at)) : null,
    onTime: task?.dueAt ? cause.at <= task.dueAt : null,
    path: step.events.filter((e) => e.type === 'activity.start' || e.type === 'flow.take').map((e) => e.elementId),
    tokens: step.waiting.map((w) => w.activityId),
    statusCode: record.statusCode,
  };
}

/** After the last recorded step, the replay must wait where the record says tasks are open. */
function finalDivergence(
  events: readonly StoredEvent[],
  opened: Map<number, OpenedTask>,
  step: Step,
): Divergence | null {
  const recordedOpen = [...opened.values()]
    .filter((t) => !t.closed)
    .map((t) => t.activityId)
    .sort();
  const replayedOpen = step.waiting.map((w) => w.activityId).sort();
  if (recordedOpen.join() === replayedOpen.join()) return null;
  return {
    seq: events.at(-1)?.seq ?? 0,
    expected: null,
    actual: null,
    message: `Trạng thái cuối khác nhau: nhật ký còn mở [${recordedOpen.join(', ')}], phát lại đang chờ tại [${replayedOpen.join(', ')}].`,
  };
}
