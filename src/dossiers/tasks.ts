import type { Static } from 'typebox';
import { localDate } from '../calendar/index.js';
import type { InboxItem as InboxItemSchema } from '../http/routes/tasks/schemas.js';
import { authorize, TASK_ROLES, type Actor } from '../auth/policy.js';
import { BadRequest, Conflict } from '../errors.js';
import { TaskClaimed, TaskNotFound } from './errors.js';
import { VersionConflict } from './errors.js';
import { PAUSED, STATUSES, type StatusCode } from '../vocabulary/statuses.js';
import { changeDossier } from './command.js';
import type { DossierContext } from './context.js';
import { OPEN_STATUSES, type DossierRow, type InboxFilter, type TaskRow } from './repository.js';
import { takeStep, writeStep } from './step.js';
import { taskView, type TaskView } from './views.js';

export interface CompletionInput {
  outcome?: string | undefined;
  comment?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

/** The actor's inbox: open tasks of the roles they hold at their unit, the most urgent first. */
export async function inbox(ctx: DossierContext, actor: Actor, filter: InboxFilter): Promise<InboxItem[]> {
  const roles = actor.roles.filter((r) => TASK_ROLES.includes(r));
  if (!actor.unitCode || !roles.length) return [];
  const rows = await ctx.repo.inbox(actor.unitCode, roles, filter);
  return rows.map((row) => ({
    ...taskView(row, row.dossier_code),
    dossier: {
      procedureCode: row.procedure_code,
      procedureName: row.procedure_name,
      applicantName: row.applicant_name,
      statusCode: row.dossier_status_code,
      statusLabel: STATUSES[row.dossier_status_code as StatusCode].label,
      dueAt: row.dossier_due_at,
      unitCode: row.dossier_unit_code,
      unitName:
        ctx.units.nameAt(row.dossier_unit_code, localDate(new Date(row.dossier_received_at))) ?? row.dossier_unit_code,
    },
  }));
}

/** A task of the inbox with what the officer needs to see of its dossier (the schema is the one declaration of its shape). */
export type InboxItem = Static<typeof InboxItemSchema>;

/** Takes an open task so that colleagues see it is being handled. Claiming one's own task again is harmless. */
export async function claim(ctx: DossierContext, actor: Actor, taskId: number): Promise<TaskView> {
  const { dossier } = await loadTask(ctx, actor, taskId);
  await changeDossier(ctx, { id: dossier.id }, actor, async (trx, _fresh, at) => {
    const task = (await ctx.repo.taskById(taskId, trx))!;
    if (task.status === 'claimed' && task.claimed_by === actor.id) return [];
    if (task.status !== 'open') throw notOpen(task);
    await ctx.repo.claimTask(trx, task.id, actor.id, at.toISOString());
    return [{ type: 'task.claimed', payload: { taskId: task.id, activityId: task.activity_id } }];
  });
  return taskView((await ctx.repo.taskById(taskId))!, dossier.code);
}

/** Completes a task with its outcome: the process moves to its next wait, in one transaction. */
export async function complete(
  ctx: DossierContext,
  actor: Actor,
  taskId: number,
  input: CompletionInput,
): Promise<DossierRow> {
  const loaded = await loadTask(ctx, actor, taskId);
  let justRead: TaskRow | undefined = loaded.task;
  const { dossier } = await changeDossier(
    ctx,
    { id: loaded.dossier.id },
    actor,
    {
      prepare: async (current) => {
        // Read again on every later attempt: it reports 409 if it was this very task that someone else completed.
        const task = justRead ?? (await ctx.repo.taskById(taskId))!;
        justRead = undefined;
        assertActionable(task, current, actor);
        const outcome = checkOutcome(task, input.outcome);
        const signal = { executionId: task.execution_id, outcome };
        const completion = { taskId: task.id, activityId: task.activity_id, executionId: task.execution_id };
        const cause = [
          {
            type: 'task.completed',
            payload: {
              ...completion,
              outcome,
              comment: input.comment ?? null,
              data: input.data ?? null,
              dueAt: task.due_at,
            },
          },
        ];
        const step = await takeStep(
          ctx,
          current,
          (definition, state) => ctx.runner.signal(definition, state, signal),
          cause,
          { activityId: task.activity_id, unitCode: task.unit_code },
        );
        return { step, outcome };
      },
      apply: async (trx, current, at, { step, outcome }) => {
        const row = {
          at: at.toISOString(),
          outcome,
          comment: input.comment ?? null,
          data: input.data ? JSON.stringify(input.data) : null,
        };
        if (!(await ctx.repo.completeTask(trx, taskId, actor.id, row))) throw new VersionConflict(current.id);
        return writeStep(ctx, trx, current, step, at);
      },
    },
    loaded.dossier,
  );
  return dossier;
}

async function loadTask(
  ctx: DossierContext,
  actor: Actor,
  taskId: number,
): Promise<{ task: TaskRow; dossier: DossierRow }> {
  const task = await ctx.repo.taskById(taskId);
  if (!task) throw new TaskNotFound(taskId);
  authorize(actor, 'tasks:act', { role: task.role, unitCode: task.unit_code });
  return { task, dossier: (await ctx.repo.byId(task.dossier_id))! };
}

function assertActionable(task: TaskRow, dossier: DossierRow, actor: Actor): void {
  if (!OPEN_STATUSES.includes(task.status)) throw notOpen(task);
  if (task.status === 'claimed' && task.claimed_by !== actor.id) {
    throw new TaskClaimed();
  }
  if (PAUSED.includes(dossier.status_code)) {
    throw new Conflict(
      'dossier-paused',
      'Hồ sơ đang tạm dừng (chờ bổ sung, chờ nghĩa vụ tài chính hoặc dừng xử lý); hãy tiếp tục hồ sơ trước.',
    );
  }
}

function notOpen(task: TaskRow): Conflict {
  if (task.status === 'claimed') return new TaskClaimed();
  return task.status === 'completed'
    ? new Conflict('task-completed', 'Công việc này đã được hoàn thành.')
    : new Conflict('task-cancelled', 'Công việc này đã bị hủy do quy trình đã chuyển sang bước khác.');
}

function checkOutcome(task: TaskRow, outcome: string | undefined): string | null {
  const outcomes: string[] = JSON.parse(task.outcomes);
  if (outcome === undefined && !outcomes.length) return null;
  if (outcome !== undefined && outcomes.includes(outcome)) return outcome;
  const message = outcomes.length
    ? `Kết quả xử lý (outcome) phải là một trong: ${outcomes.join(', ')}.`
    : 'Bước này không rẽ nhánh, không nhận kết quả xử lý (outcome).';
  throw new BadRequest('invalid-outcome', message, { errors: [{ field: '/outcome', message }] });
}
