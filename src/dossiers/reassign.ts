import { authorize, type Actor } from '../auth/policy.js';
import { Conflict, Unprocessable } from '../errors.js';
import { TaskNotFound } from './errors.js';
import { changeDossier } from './command.js';
import type { DossierContext } from './context.js';
import { OPEN_STATUSES, type TaskRow } from './repository.js';
import { taskView, type TaskView } from './views.js';

/** A colleague who may take a task: an active user of its unit holding its role. */
export interface Assignee {
  id: number;
  username: string;
  fullName: string;
}

export interface AssignInput {
  /** The colleague's username, or null to put the task back in the unit's pool. */
  to: string | null;
  comment?: string | undefined;
}

/** The colleagues a task may be handed to (chuyển xử lý), for those who may hand it on. */
export async function assignees(ctx: DossierContext, actor: Actor, taskId: number): Promise<Assignee[]> {
  return colleagues(ctx, await openTask(ctx, actor, taskId));
}

/**
 * Hands an open task to a colleague (or back to the unit's pool), in one transaction with a `task.assigned` event that
 * names the giver and the taker; the control slip shows it as a handover. Only the task's holder, anyone who may do it
 * while nobody holds it, or a leader of its unit may do so.
 */
export async function assign(ctx: DossierContext, actor: Actor, taskId: number, input: AssignInput): Promise<TaskView> {
  const task = await openTask(ctx, actor, taskId);
  const taker = input.to === null ? null : (await colleagues(ctx, task)).find((c) => c.username === input.to);
  if (taker === undefined) {
    const message = `Người nhận “${input.to}” không phải cán bộ đang làm việc tại đơn vị có vai trò thực hiện bước “${task.name}”.`;
    throw new Unprocessable('invalid-assignee', message, { errors: [{ field: '/to', message }] });
  }
  const takerId = taker?.id ?? null;
  const dossier = (await ctx.repo.byId(task.dossier_id))!;
  await changeDossier(ctx, { id: dossier.id }, actor, async (trx, _fresh, at) => {
    const fresh = (await ctx.repo.taskById(taskId, trx))!;
    if (fresh.claimed_by === takerId && OPEN_STATUSES.includes(fresh.status)) return [];
    if (!(await ctx.repo.assignTask(trx, taskId, task.claimed_by, takerId, at.toISOString()))) {
      throw new Conflict(
        'task-changed',
        'Công việc vừa được người khác nhận, chuyển hoặc hoàn thành; hãy tải lại trang.',
      );
    }
    const payload = {
      taskId,
      activityId: task.activity_id,
      from: task.claimed_by,
      to: takerId,
      toName: taker?.fullName ?? null,
      comment: input.comment ?? null,
    };
    return [{ type: 'task.assigned', payload }];
  });
  return taskView((await ctx.repo.taskById(taskId))!, dossier.code);
}

/** The task, once the actor may hand it on, and while it is open. */
async function openTask(ctx: DossierContext, actor: Actor, taskId: number): Promise<TaskRow> {
  const task = await ctx.repo.taskById(taskId);
  if (!task) throw new TaskNotFound(taskId);
  authorize(actor, 'tasks:assign', { role: task.role, unitCode: task.unit_code, holderId: task.claimed_by });
  if (!OPEN_STATUSES.includes(task.status))
    throw new Conflict('task-closed', 'Công việc này đã kết thúc, không chuyển được nữa.');
  return task;
}

async function colleagues(ctx: DossierContext, task: TaskRow): Promise<Assignee[]> {
  const users = await ctx.repo.usersOf(task.unit_code);
  return users
    .filter((u) => (JSON.parse(u.roles) as string[]).includes(task.role))
    .map((u) => ({ id: Number(u.id), username: u.username, fullName: u.full_name }));
}
