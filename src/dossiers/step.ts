import type { Knex } from 'knex';
import { appendEvents, type ChainHead, type NewEvent } from '../audit/log.js';
import type { Actor } from '../auth/policy.js';
import type { WorkingCalendar } from '../calendar/index.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import type { StepResult } from '../engine/runner.js';
import type { UnitDirectory } from '../units/directory.js';
import { assignTask } from './assignment.js';
import type { DossierRepository, DossierRow } from './repository.js';
import { isFinished, PROCESSED, PROCESSING, RECEIVED } from '../vocabulary/statuses.js';

export interface StepContext {
  trx: Knex.Transaction;
  dossier: DossierRow;
  departmentCode: string | null;
  definition: ProcessDefinition;
  result: StepResult;
  actor: Actor | null;
  at: Date;
  /** What caused the step (the receipt, the task completion), recorded before the engine's own events. */
  cause: NewEvent[];
}

export interface StepDeps {
  repo: DossierRepository;
  units: UnitDirectory;
  calendar: WorkingCalendar;
}

/**
 * Writes one engine step inside the caller's transaction: engine state, the tasks it opened and closed,
 * the dossier's status, and an event for each of these, appended to the hash chain under the version guard.
 */
export async function persistStep(deps: StepDeps, ctx: StepContext): Promise<ChainHead> {
  const { trx, dossier, definition, result, at } = ctx;
  const now = at.toISOString();
  const open = await deps.repo.openTasks(dossier.id, trx);
  const waiting = new Set(result.waiting.map((w) => w.executionId));
  const cancelled = open.filter((t) => !waiting.has(t.execution_id));
  const known = new Set(open.map((t) => t.execution_id));
  const taskEvents: NewEvent[] = cancelled.map((t) => ({ type: 'task.cancelled', payload: { taskId: t.id, activityId: t.activity_id } }));
  await deps.repo.cancelTasks(trx, cancelled.map((t) => t.id), now);

  for (const wait of result.waiting.filter((w) => !known.has(w.executionId))) {
    const spec = definition.tasks.get(wait.activityId)!;
    const assignment = assignTask(spec, { unitCode: dossier.unit_code, departmentCode: ctx.departmentCode }, deps.units, deps.calendar, at);
    const taskId = await deps.repo.insertTask(trx, {
      dossier_id: dossier.id,
      activity_id: wait.activityId,
      execution_id: wait.executionId,
      name: spec.name,
      role: assignment.role,
      unit_code: assignment.unitCode,
      status: 'open',
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
    });
    taskEvents.push({ type: 'task.created', payload: { taskId, activityId: wait.activityId, ...assignment } });
  }

  const status = nextStatus(dossier.status_code, ctx);
  const statusEvents: NewEvent[] =
    status === dossier.status_code ? [] : [{ type: 'status.changed', payload: { from: dossier.status_code, to: status } }];
  const engineEvents: NewEvent[] = result.events.map((e) => ({
    type: `engine.${e.type}`,
    payload: { elementId: e.elementId, elementType: e.elementType },
  }));

  const head = await appendEvents(
    trx,
    { dossierId: dossier.id, version: dossier.version, lastHash: dossier.last_hash },
    { actorId: ctx.actor?.id ?? null, actorUnit: ctx.actor?.unitCode ?? null, at: now, bpmnSha256: definition.sha256 },
    [...ctx.cause, ...engineEvents, ...taskEvents, ...statusEvents],
  );
  await deps.repo.saveState(trx, dossier.id, result.state);
  await deps.repo.updateDossier(trx, dossier.id, {
    ...(status !== dossier.status_code ? { status_code: status } : {}),
    ...(isFinished(status) && !dossier.finished_at ? { finished_at: now } : {}),
  });
  return head;
}

/**
 * The status after a step: the `mc:status` of the last flow node entered that has one; without such marks,
 * a received dossier with work under way is processing, and a process that ended is processed.
 */
function nextStatus(current: number, { definition, result }: StepContext): number {
  let status = current;
  for (const event of result.events) {
    if (event.type === 'activity.start') status = definition.statuses.get(event.elementId) ?? status;
  }
  if (status === current && current === RECEIVED && result.waiting.length) return PROCESSING;
  if (result.completed && !isFinished(status)) return PROCESSED;
  return status;
}
