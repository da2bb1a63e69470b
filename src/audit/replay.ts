import type { WorkingCalendar } from '../calendar/index.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import { EngineFailure, NotWaiting, type LiveRun, type ProcessRunner, type Step } from '../engine/runner.js';
import { payloadOf, type StoredEvent } from './repository.js';

/** One step of a dossier's history as re-executed: what caused it, who, when, how long, and where the tokens went. */
export interface ReplayStep {
  /** Sequence number of the event that caused the step (the receipt or a task completion). */
  seq: number;
  /**
   * The receipt or the later acceptance that started the process, a task completion, a BPMN timer, a move to another
   * version, the import of a dossier in progress from a unit's former one-stop application.
   */
  kind: 'received' | 'accepted' | 'completed' | 'timer' | 'migrated' | 'imported';
  activityId: string | null;
  activityName: string | null;
  outcome: string | null;
  actor: { id: number | null; unitCode: string | null };
  at: string;
  /** When the completed task was opened, its due time, the working time it took, and whether it was done by then. */
  taskOpenedAt: string | null;
  dueAt: string | null;
  timeSpentMinutes: number | null;
  onTime: boolean | null;
  /** Flow nodes and sequence flows the replay went through in this step, in order. */
  path: string[];
  /** Activities holding a token (waiting) after the step. */
  tokens: string[];
  /** National status code after the step, as recorded. */
  statusCode: number;
}

export interface EngineEventRef {
  type: string;
  elementId: string;
}

/** Where replay and record first differ, as Temporal reports non-determinism. */
export interface Divergence {
  seq: number;
  expected: EngineEventRef | null;
  actual: EngineEventRef | null;
  message: string;
}

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
 * Re-executes a dossier's process from its recorded receipt and task completions alone, and compares each step's
 * path with the engine events recorded at the time. Stops at the first divergence.
 */
export async function replayHistory(
  events: readonly StoredEvent[],
  definition: ProcessDefinition,
  definitionOfVersion: (versionId: number) => Promise<ProcessDefinition>,
  runner: ProcessRunner,
  calendarOf: (unitCode: string) => WorkingCalendar,
): Promise<Replay> {
  const recorded = recordedSteps(events);
  const opened = openedTasks(events);
  const steps: ReplayStep[] = [];
  const first = recorded[0];
  if (!first) return { steps, divergence: null }; // refused, or still waiting at receipt: the process never ran
  if (first.cause.type === 'task.completed') {
    return { steps, divergence: { seq: first.cause.seq, expected: null, actual: null, message: 'Nhật ký có bước hoàn thành công việc trước khi quy trình bắt đầu.' } };
  }

  let current = definition;
  let run: LiveRun | undefined;
  let step: Step | undefined;
  for (const record of recorded) {
    try {
      ({ run, step, definition: current } = await replayStep(record, run, current, definitionOfVersion, runner));
    } catch (err) {
      return { steps, divergence: failed(record.cause.seq, err) };
    }
    const divergence = compare(record, step);
    if (divergence) return { steps, divergence };
    steps.push(describe(record, step, opened, current, calendarOf));
  }
  // A withdrawn dossier's process was stopped from outside: the engine still waits where it was.
  const stopped = events.some((e) => e.type === 'dossier.withdrawn');
  return { steps, divergence: stopped ? null : finalDivergence(events, opened, step!) };
}

/** Repeats one recorded cause on the live run: start it, complete a task, fire a timer, or move to another version. */
async function replayStep(
  record: RecordedStep,
  run: LiveRun | undefined,
  definition: ProcessDefinition,
  definitionOfVersion: (versionId: number) => Promise<ProcessDefinition>,
  runner: ProcessRunner,
): Promise<{ run: LiveRun; step: Step; definition: ProcessDefinition }> {
  const { type, data } = record.cause;
  if (type === 'dossier.migrated' || type === 'dossier.imported') {
    // A move to another version, or an import of a dossier in progress: the version was started and driven along the
    // recorded route to the task it waited at; its events are one step.
    const next = await definitionOfVersion(Number(type === 'dossier.migrated' ? data.toVersionId : data.versionId));
    const driven = await runner.live(next);
    const events = [...driven.first.events];
    let last = driven.first;
    for (const hop of (data.path as { activityId: string; outcome: string | null }[]) ?? []) {
      last = driven.signal(hop.activityId, hop.outcome);
      events.push(...last.events);
    }
    return { run: driven, step: { ...last, events }, definition: next };
  }
  if (!run) {
    const started = await runner.live(definition);
    return { run: started, step: started.first, definition };
  }
  const activityId = String(data.activityId);
  const step = type === 'timer.fired' ? run.fireTimer(activityId) : run.signal(activityId, (data.outcome as string | null) ?? null);
  return { run, step, definition };
}

/** Splits the log into steps, each a cause (receipt, completion) and the engine events recorded with it. */
function recordedSteps(events: readonly StoredEvent[]): RecordedStep[] {
  const steps: RecordedStep[] = [];
  let statusCode = 2;
  for (const event of events) {
    const data = payloadOf(event);
    if (event.type === 'dossier.imported') statusCode = Number(data.statusCode);
    const starts = (event.type === 'dossier.received' && (data.outcome ?? 'accept') === 'accept') || event.type === 'dossier.accepted' ||
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
      tasks.set(Number(data.taskId), { activityId: String(data.activityId), unitCode: String(data.unitCode), openedAt: event.at, dueAt: data.dueAt ?? null, closed: false });
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

const KINDS: Record<string, ReplayStep['kind']> = { 'timer.fired': 'timer', 'dossier.accepted': 'accepted', 'dossier.migrated': 'migrated', 'dossier.imported': 'imported' };

function describe(record: RecordedStep, step: Step, opened: Map<number, OpenedTask>, definition: ProcessDefinition, calendarOf: (unitCode: string) => WorkingCalendar): ReplayStep {
  const { cause } = record;
  const completed = cause.type === 'task.completed';
  const task = completed ? opened.get(Number(cause.data.taskId)) : undefined;
  const activityId = completed || cause.type === 'timer.fired' ? String(cause.data.activityId) : null;
  return {
    seq: cause.seq,
    kind: completed ? 'completed' : KINDS[cause.type] ?? 'received',
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
function finalDivergence(events: readonly StoredEvent[], opened: Map<number, OpenedTask>, step: Step): Divergence | null {
  const recordedOpen = [...opened.values()].filter((t) => !t.closed).map((t) => t.activityId).sort();
  const replayedOpen = step.waiting.map((w) => w.activityId).sort();
  if (recordedOpen.join() === replayedOpen.join()) return null;
  return {
    seq: events.at(-1)?.seq ?? 0,
    expected: null,
    actual: null,
    message: `Trạng thái cuối khác nhau: nhật ký còn mở [${recordedOpen.join(', ')}], phát lại đang chờ tại [${replayedOpen.join(', ')}].`,
  };
}

function failed(seq: number, err: unknown): Divergence {
  if (err instanceof NotWaiting || err instanceof EngineFailure) {
    return { seq, expected: null, actual: null, message: `Phát lại không thực hiện được bước này: ${err.message}.` };
  }
  throw err;
}
