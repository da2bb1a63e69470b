import { localDate, timeliness, type Timeliness } from '../calendar/index.js';
import type { DossierContext } from './context.js';
import { resultUnitOf } from './receiving.js';
import type { DossierRow, TaskRow } from './repository.js';

/** One handover of the dossier: from whom, to which unit, when, and whether the giver kept its time. */
export interface Handover {
  from: { unitCode: string; unitName: string; officer: string | null; step: string | null };
  to: { unitCode: string | null; unitName: string; role: string | null; officer: string | null; step: string | null };
  at: string;
  /** Whether the giver finished its step in time; null for the receipt. */
  result: Timeliness | null;
}

/** A unit's share of the legal time: the budgets of its steps and the working time they took. */
export interface UnitShare {
  unitCode: string;
  unitName: string;
  budgetHours: number;
  spentHours: number;
  late: boolean;
}

export interface ControlSlip {
  handovers: Handover[];
  units: UnitShare[];
}

/**
 * The control slip (phiếu kiểm soát quá trình giải quyết hồ sơ) drawn from the dossier's history: the desk hands the
 * dossier to the first steps; each completed step hands it to the steps it opened, or back to the desk for the result.
 */
export async function controlSlip(ctx: DossierContext, dossier: DossierRow): Promise<ControlSlip> {
  const tasks = (await ctx.repo.tasksOf(dossier.id)).filter((t) => t.status !== 'cancelled');
  const people = await ctx.repo.userNames([dossier.received_by, ...tasks.map((t) => t.completed_by)]);
  const name = (id: number | null) => (id === null ? null : (people.get(id) ?? null));
  const unitName = (code: string) => ctx.units.get(code)?.name ?? code;
  const calendarOf = (code: string) => ctx.calendars.forUnit(ctx.units.get(code));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const to = (t: TaskRow) => ({
    unitCode: t.unit_code,
    unitName: unitName(t.unit_code),
    role: t.role,
    officer: null,
    step: t.name,
  });
  // The desk that received the dossier hands it to the first steps (at the competent unit, when it received it for
  // another); the last step hands it to the desk that returns the result.
  const receivingDesk = { unitCode: dossier.unit_code, unitName: unitName(dossier.unit_code) };
  const resultUnit = resultUnitOf(dossier, ctx.units, localDate(ctx.clock()));
  const resultDesk = { unitCode: resultUnit, unitName: unitName(resultUnit) };

  // Each step's cause (receipt, acceptance, completion) hands the dossier to the tasks that step opened.
  const steps: { from: Handover['from']; result: Timeliness | null; at: string; opened: TaskRow[] }[] = [];
  for (const event of await ctx.repo.eventsOfType(dossier.id, [
    'dossier.received',
    'dossier.accepted',
    'task.completed',
    'task.created',
  ])) {
    if (event.type === 'task.created') {
      const task = byId.get(Number(event.payload.taskId));
      if (task) steps.at(-1)?.opened.push(task);
    } else if (event.type === 'task.completed') {
      const task = byId.get(Number(event.payload.taskId))!;
      const result = task.due_at ? timeliness(new Date(task.completed_at!), new Date(task.due_at)) : null;
      steps.push({
        from: {
          unitCode: task.unit_code,
          unitName: unitName(task.unit_code),
          officer: name(task.completed_by),
          step: task.name,
        },
        result,
        at: event.at,
        opened: [],
      });
    } else if (
      event.type === 'dossier.accepted' ||
      event.payload.outcome === 'accept' ||
      event.payload.outcome === undefined
    ) {
      steps.push({
        from: { ...receivingDesk, officer: name(dossier.received_by), step: null },
        result: null,
        at: event.at,
        opened: [],
      });
    }
  }
  const handovers: Handover[] = steps.flatMap((step) => {
    const ended = step.result !== null && !step.opened.length;
    const targets = ended ? [{ ...resultDesk, role: null, officer: null, step: 'Trả kết quả' }] : step.opened.map(to);
    return targets.map((target) => ({ from: step.from, to: target, at: step.at, result: step.result }));
  });
  handovers.push(...(await reorganisationHandovers(ctx, dossier, unitName)));
  handovers.push(...(await assignmentHandovers(ctx, dossier, byId, unitName)));
  handovers.sort((a, b) => a.at.localeCompare(b.at));

  const byUnit = new Map<string, UnitShare>();
  const now = ctx.clock();
  for (const task of tasks) {
    const share = byUnit.get(task.unit_code) ?? {
      unitCode: task.unit_code,
      unitName: unitName(task.unit_code),
      budgetHours: 0,
      spentHours: 0,
      late: false,
    };
    const end = task.completed_at ? new Date(task.completed_at) : now;
    share.budgetHours += task.budget_hours ?? 0;
    share.spentHours += calendarOf(task.unit_code).between(new Date(task.created_at), end) / 60;
    share.late ||= task.due_at !== null && end.toISOString() > task.due_at;
    byUnit.set(task.unit_code, share);
  }
  return {
    handovers,
    units: [...byUnit.values()].map((u) => ({ ...u, spentHours: Math.round(u.spentHours * 100) / 100 })),
  };
}

/** Lines for the hand-overs a unit reorganisation made: the desk and each open step, from the old unit to its successor. */
async function reorganisationHandovers(
  ctx: DossierContext,
  dossier: DossierRow,
  unitName: (code: string) => string,
): Promise<Handover[]> {
  const events = await ctx.repo.eventsOfType(dossier.id, ['dossier.handedOver']);
  return events.flatMap(({ at, payload }) => {
    const desk = payload.desk as { from: string; to: string } | null;
    const tasks = payload.tasks as { name: string; from: string; to: string }[];
    const moves = [...(desk ? [{ name: 'Bộ phận tiếp nhận và trả kết quả', ...desk }] : []), ...tasks];
    return moves.map((m) => ({
      from: { unitCode: m.from, unitName: unitName(m.from), officer: null, step: m.name },
      to: {
        unitCode: m.to,
        unitName: unitName(m.to),
        role: null,
        officer: null,
        step: `${m.name} (bàn giao khi sắp xếp đơn vị: ${String(payload.name)})`,
      },
      at,
      result: null,
    }));
  });
}

/** Lines for the tasks handed from one officer to another within their unit (chuyển xử lý). */
async function assignmentHandovers(
  ctx: DossierContext,
  dossier: DossierRow,
  tasks: Map<number, TaskRow>,
  unitName: (code: string) => string,
): Promise<Handover[]> {
  const events = await ctx.repo.eventsOfType(dossier.id, ['task.assigned']);
  const people = await ctx.repo.userNames(events.map((e) => (e.payload.from as number | null) ?? e.actorId));
  return events.flatMap(({ at, payload, actorId }) => {
    const task = tasks.get(Number(payload.taskId));
    if (!task) return [];
    const unit = { unitCode: task.unit_code, unitName: unitName(task.unit_code) };
    const giver = (payload.from as number | null) ?? actorId;
    return [
      {
        from: { ...unit, officer: giver === null ? null : (people.get(giver) ?? null), step: task.name },
        to: {
          ...unit,
          role: task.role,
          officer: (payload.toName as string | null) ?? null,
          step: payload.toName ? task.name : `${task.name} (trả về đơn vị)`,
        },
        at,
        result: null,
      },
    ];
  });
}
