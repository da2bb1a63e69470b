import type { Knex } from 'knex';
import type { NewEvent } from '../audit/log.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import type { StepResult } from '../engine/steps.js';
import type { ApplicantNotice } from '../notifications/messages.js';
import { isFinished, PROCESSED, PROCESSING, RECEIVED, RETURNED } from '../vocabulary/statuses.js';
import { localDate } from '../calendar/index.js';
import { assignTask, type DossierPlace } from './task-holder.js';
import { resultUnitOf } from './receiving.js';
import type { Logged } from './command.js';
import type { DossierContext } from './context.js';
import { notifyApplicant } from './handling.js';
import { deskOf, type DossierRow } from './repository.js';
import { TIMERS, watchTask } from './watch.js';

/** One engine step taken on a dossier, not yet written. */
export interface Step {
  procedureName: string;
  departmentCode: string | null;
  definition: ProcessDefinition;
  result: StepResult;
  /** What caused the step (the receipt, the task completion), recorded before the engine's own events. */
  cause: NewEvent[];
  /** The task the step completed, to which a late finish is attributed. */
  completedTask?: { activityId: string; unitCode: string } | undefined;
}

/** Takes an engine step on a dossier from its stored state, outside any transaction (the engine thread may take seconds). */
export async function takeStep(
  ctx: DossierContext,
  dossier: DossierRow,
  run: (definition: ProcessDefinition, state: string) => Promise<StepResult>,
  cause: NewEvent[],
  completedTask?: Step['completedTask'],
): Promise<Step> {
  const procedure = await ctx.catalogue.get(dossier.procedure_code);
  const definition = await ctx.catalogue.definitionOf(dossier.version_id);
  const result = await run(definition, await ctx.repo.stateOf(dossier.id));
  return {
    procedureName: procedure.name,
    departmentCode: procedure.departmentCode,
    definition,
    result,
    cause,
    completedTask,
  };
}

/**
 * Writes one engine step inside the caller's transaction: engine state, the tasks it opened (with their timers) and
 * cancelled, the dossier's status; returns an event for each of these, for the change to append to the chain.
 */
export async function writeStep(
  ctx: DossierContext,
  trx: Knex.Transaction,
  dossier: DossierRow,
  step: Step,
  at: Date,
): Promise<Logged> {
  const { definition, result } = step;
  const now = at.toISOString();
  const open = await ctx.repo.openTasks(dossier.id, trx);
  const waiting = new Set(result.waiting.map((w) => w.executionId));
  const cancelled = open.filter((t) => !waiting.has(t.execution_id));
  const known = new Set(open.map((t) => t.execution_id));
  const taskEvents: NewEvent[] = cancelled.map((t) => ({
    type: 'task.cancelled',
    payload: { taskId: t.id, activityId: t.activity_id },
  }));
  await ctx.repo.cancelTasks(
    trx,
    cancelled.map((t) => t.id),
    now,
  );

  const place = placeOf(ctx, dossier, step.departmentCode, at);
  for (const wait of result.waiting.filter((w) => !known.has(w.executionId))) {
    const spec = definition.tasks.get(wait.activityId)!;
    const unitOf = (code: string) => ctx.calendars.forUnit(ctx.units.get(code));
    const assignment = assignTask(
      spec,
      { ...place, returnsResult: definition.statuses.get(wait.activityId) === PROCESSED },
      ctx.units,
      unitOf,
      at,
    );
    const task = {
      dossier_id: dossier.id,
      activity_id: wait.activityId,
      execution_id: wait.executionId,
      name: spec.name,
      role: assignment.role,
      unit_code: assignment.unitCode,
      status: 'open' as const,
      outcomes: JSON.stringify(spec.outcomes),
      budget_hours: assignment.budgetHours,
      created_at: now,
      due_at: assignment.dueAt,
      claimed_by: null,
      claimed_at: null,
      completed_by: null,
      completed_at: null,
      outcome: null,
      comment: null,
      result_data: null,
    };
    const taskId = await ctx.repo.insertTask(trx, task);
    await watchTask(ctx, trx, { ...task, id: taskId }, unitOf(assignment.unitCode));
    taskEvents.push({ type: 'task.created', payload: { taskId, activityId: wait.activityId, ...assignment } });
  }

  for (const timer of result.timers) {
    // The engine measures the delay on the machine's clock, to the millisecond; timers are kept to the second.
    const runAt = new Date(at.getTime() + Math.round(timer.delayMs / 1000) * 1000).toISOString();
    await ctx.jobs.schedule(
      {
        kind: TIMERS.bpmn,
        dossierId: dossier.id,
        runAt,
        payload: { activityId: timer.activityId, executionId: timer.executionId },
      },
      trx,
      at,
    );
    taskEvents.push({
      type: 'timer.armed',
      payload: { activityId: timer.activityId, executionId: timer.executionId, dueAt: runAt },
    });
  }

  const status = nextStatus(dossier.status_code, step);
  const finishing = isFinished(status) && !dossier.finished_at;
  const late = finishing && dossier.due_at !== null && now > dossier.due_at && !dossier.late_at;
  const statusEvents: NewEvent[] =
    status === dossier.status_code
      ? []
      : [{ type: 'status.changed', payload: { from: dossier.status_code, to: status } }];
  const lateEvents: NewEvent[] = late
    ? [
        {
          type: 'dossier.overdue',
          payload: {
            dueAt: dossier.due_at,
            activityId: step.completedTask?.activityId ?? null,
            unitCode: step.completedTask?.unitCode ?? deskOf(dossier),
          },
        },
      ]
    : [];
  const engineEvents: NewEvent[] = result.events.map((e) => ({
    type: `engine.${e.type}`,
    payload: { elementId: e.elementId, elementType: e.elementType },
  }));

  await ctx.repo.saveState(trx, dossier.id, result.state);
  await ctx.repo.updateDossier(trx, dossier.id, {
    ...(status !== dossier.status_code ? { status_code: status } : {}),
    ...(finishing ? { finished_at: now } : {}),
    ...(status === RETURNED && !dossier.returned_at ? { returned_at: now } : {}),
    ...(late
      ? {
          late_at: dossier.due_at,
          late_activity_id: step.completedTask?.activityId ?? null,
          late_unit_code: step.completedTask?.unitCode ?? deskOf(dossier),
        }
      : {}),
  });
  // Service tasks asked for notices; status changes the applicant cares about are told too.
  const notices: ApplicantNotice[] = result.events
    .filter((e) => e.type === 'activity.end' && definition.services.get(e.elementId) === 'notifyApplicant')
    .map((e) => ({ kind: 'update', text: definition.elements.get(e.elementId)?.name ?? e.elementId }));
  const statusNotice = noticeFor(dossier.status_code, status);
  for (const notice of statusNotice ? [...notices, statusNotice] : notices) {
    await notifyApplicant(ctx, trx, dossier, notice, at, step.procedureName);
  }
  return {
    events: [...step.cause, ...engineEvents, ...taskEvents, ...statusEvents, ...lateEvents],
    bpmnSha256: definition.sha256,
  };
}

function noticeFor(from: number, to: number): ApplicantNotice | null {
  if (to === from) return null;
  if (to === PROCESSED) return { kind: 'processed' };
  if (to === RETURNED) return { kind: 'returned' };
  return null;
}

/**
 * The status after a step: the `mc:status` of the last flow node entered that has one; without such marks,
 * a received dossier with work under way is processing, and a process that ended is processed.
 */
function nextStatus(current: number, { definition, result }: Step): number {
  let status = current;
  for (const event of result.events) {
    if (event.type === 'activity.start') status = definition.statuses.get(event.elementId) ?? status;
  }
  if (status === current && current === RECEIVED && result.waiting.length) return PROCESSING;
  if (result.completed && !isFinished(status)) return PROCESSED;
  return status;
}

/** Where a dossier's new tasks go: its handling unit, and the desk that returns its result when that is another. */
function placeOf(ctx: DossierContext, dossier: DossierRow, departmentCode: string | null, at: Date): DossierPlace {
  const desk = deskOf(dossier);
  const resultUnit = resultUnitOf(dossier, ctx.units, localDate(at));
  return {
    unitCode: desk,
    departmentCode,
    handedOver: dossier.handling_unit_code !== null,
    ...(resultUnit !== desk ? { resultUnitCode: resultUnit } : {}),
  };
}
