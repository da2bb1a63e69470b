import { chainHash, GENESIS_HASH } from '../src/audit/chain.js';
import type { NewEvent } from '../src/audit/log.js';
import {
  clockStart,
  legalDue,
  parseTimeOfDay,
  vietnameseDateTime,
  type Calendars,
  type WorkingCalendar,
} from '../src/calendar/index.js';
import type { Procedure } from '../src/catalogue/catalogue.js';
import { limitHoursOf } from '../src/catalogue/time-limit.js';
import { assignTask } from '../src/dossiers/task-holder.js';
import { NEW_DOSSIER_DEFAULTS, type DossierRow, type TaskRow } from '../src/dossiers/repository.js';
import type { ExecutableDefinition as ProcessDefinition } from '../src/engine/definitions.js';
import { ProcessRunner } from '../src/engine/runner.js';
import type { StepResult } from '../src/engine/steps.js';
import { applicantMessage, type ApplicantNotice } from '../src/notifications/messages.js';
import type { Rules } from '../src/settings/settings.js';
import type { Unit, UnitDirectory } from '../src/units/directory.js';
import { isFinished, PAUSED, PROCESSED, PROCESSING, RECEIVED, REFUSED, RETURNED } from '../src/vocabulary/statuses.js';

/**
 * One generated dossier's whole life, written as the rows the real code would have left behind: the receipt and
 * each task completion are engine steps taken by src/engine's runner (memoised per path, so every recorded engine
 * event and stored state is the engine's own), persisted the way src/dossiers/step.ts persists a step; the durable
 * timers of src/dossiers/timers.ts fire at their due time when they still apply. Mirrors src/ — keep it in step.
 */

export interface Row {
  [column: string]: unknown;
}

export interface LifeRows {
  dossier: DossierRow;
  state: Row | null;
  tasks: TaskRow[];
  events: Row[];
  jobs: Row[];
  alerts: Row[];
  outbox: Row[];
}

/** A procedure as dossiers are received under it: its version in force and that version's parsed diagram. */
export interface ProcedureRun {
  procedure: Procedure;
  versionId: number;
  definition: ProcessDefinition;
  data: Record<string, unknown>;
}

export interface LifeContext {
  /** Nothing happens after this instant: later completions are still to come (the task stays open). */
  now: Date;
  units: UnitDirectory;
  calendars: Calendars;
  rules: Rules;
  /** Staff user ids by `role@unitCode`. */
  staff: Map<string, number>;
  steps: StepMemo;
  random: () => number;
  nextTaskId: () => number;
}

/** Engine steps by path, each taken once by the real runner: start, then signal by signal. */
export class StepMemo {
  private readonly memo = new Map<string, Promise<StepResult>>();
  private readonly runner = new ProcessRunner();

  start(definition: ProcessDefinition): { key: string; step: Promise<StepResult> } {
    return this.remember(definition.sha256, () => this.runner.start(definition));
  }

  signal(
    definition: ProcessDefinition,
    from: { key: string; step: StepResult },
    executionId: string,
    outcome: string | null,
  ) {
    return this.remember(`${from.key}/${executionId}:${outcome}`, () =>
      this.runner.signal(definition, from.step.state, { executionId, outcome }),
    );
  }

  private remember(key: string, run: () => Promise<StepResult>) {
    let step = this.memo.get(key);
    if (!step) this.memo.set(key, (step = run()));
    return { key, step };
  }
}

const APPLICANT_PHONE = '0912345678';
const REFUSED_SHARE = 0.01;
const MAX_STEPS = 30;

interface Timer {
  kind: 'dossier.late-risk' | 'dossier.overdue' | 'task.reminder' | 'task.escalation';
  runAt: string;
  order: number;
  taskId: number | null;
  dueAt: string;
}

/** Builds one dossier's rows; `receivedAt` is when the applicant stood at the desk. */
export async function liveDossier(
  ctx: LifeContext,
  run: ProcedureRun,
  unit: Unit,
  receivedAt: Date,
  id: number,
  code: string,
): Promise<LifeRows> {
  return new Life(ctx, run, unit.code, receivedAt, id, code).live();
}

class Life {
  private readonly rows: LifeRows;
  private readonly open: TaskRow[] = [];
  private readonly timers: Timer[] = [];
  private readonly completions = new Map<string, number>();

  constructor(
    private readonly ctx: LifeContext,
    private readonly run: ProcedureRun,
    unitCode: string,
    private readonly receivedAt: Date,
    id: number,
    code: string,
  ) {
    const at = receivedAt.toISOString();
    const dossier: DossierRow = {
      id,
      ...NEW_DOSSIER_DEFAULTS,
      code,
      procedure_code: run.procedure.code,
      version_id: run.versionId,
      unit_code: unitCode,
      channel: ctx.random() < 0.6 ? 'direct' : 'online',
      applicant_name: 'Nguyễn Văn Bình',
      applicant_id_number: `0010900${String(id % 100000).padStart(5, '0')}`,
      applicant_phone: APPLICANT_PHONE,
      applicant_email: null,
      data: JSON.stringify(run.data),
      status_code: RECEIVED,
      received_by: this.staff('officer', unitCode),
      received_at: at,
      due_at: null,
      last_hash: GENESIS_HASH,
      updated_at: at,
    };
    this.rows = { dossier, state: null, tasks: [], events: [], jobs: [], alerts: [], outbox: [] };
  }

  async live(): Promise<LifeRows> {
    const { ctx, rows } = this;
    if (ctx.random() < REFUSED_SHARE) return this.refuse();
    let current = await this.accept();
    // Officers and leaders complete the open tasks, each at its own pace, until the process ends or `now` comes.
    const pace = this.pace();
    for (let n = 0; !current.step.completed && n < MAX_STEPS; n++) {
      const task = this.open[0]!;
      const hours = (task.budget_hours ?? 4) * pace * (0.5 + ctx.random());
      if (hours === Number.POSITIVE_INFINITY) break;
      const doneAt = this.calendarOf(task.unit_code).addHours(new Date(task.created_at), hours).toISOString();
      if (doneAt > ctx.now.toISOString()) break;
      this.fireTimersBefore(doneAt);
      current = await this.complete(task, doneAt, current);
    }
    this.fireTimersBefore(ctx.now.toISOString());
    rows.state = { dossier_id: rows.dossier.id, state: current.step.state };
    // Timers due by now ran (and were done, whether or not they still applied); the others wait.
    const now = ctx.now.toISOString();
    for (const job of rows.jobs)
      Object.assign(job, (job.run_at as string) <= now ? { status: 'done', attempts: 1, done_at: job.run_at } : {});
    return rows;
  }

  /** src/dossiers/receipt.ts with `outcome: 'refuse'`: no process, no clock. */
  private refuse(): LifeRows {
    const d = this.rows.dossier;
    d.status_code = REFUSED;
    d.status_reason = 'Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị';
    this.append(
      [
        { type: 'dossier.received', payload: { ...this.receipt(), outcome: 'refuse', reason: d.status_reason } },
        { type: 'form.issued', payload: { form: 'refusal' } },
      ],
      this.desk(),
      d.received_at,
      null,
    );
    this.notify({ kind: 'refused', reason: d.status_reason }, d.received_at);
    return this.rows;
  }

  /** src/dossiers/receipt.ts, accepted: the clock starts, its timers are set, the process runs to its first wait. */
  private async accept(): Promise<{ key: string; step: StepResult }> {
    const { ctx, run } = this;
    const d = this.rows.dossier;
    const calendar = this.calendarOf(d.unit_code);
    const start = clockStart(
      calendar,
      this.receivedAt,
      run.procedure.cutoffTime ? parseTimeOfDay(run.procedure.cutoffTime) : null,
    );
    const due =
      legalDue(calendar, start, {
        hours: limitHoursOf(run.procedure, run.data),
        sameDay: run.procedure.sameDay,
        cutoffMinutes: null,
      })?.toISOString() ?? null;
    Object.assign(d, { clock_started_at: start.toISOString(), due_at: due, appointment_at: due });
    if (due) {
      this.schedule(
        'dossier.late-risk',
        warnAt(calendar, d.clock_started_at!, due, ctx.rules.lateRiskLeadHours),
        null,
        due,
        d.received_at,
      );
      this.schedule('dossier.overdue', due, null, due, d.received_at);
    }
    this.notify({ kind: 'received', appointmentAt: due }, d.received_at);
    const { key, step } = ctx.steps.start(run.definition);
    const cause: NewEvent[] = [
      {
        type: 'dossier.received',
        payload: { ...this.receipt(), outcome: 'accept', clockStartedAt: d.clock_started_at, dueAt: due },
      },
      { type: 'form.issued', payload: { form: 'receipt' } },
    ];
    this.persist(await step, cause, this.desk(), d.received_at, undefined);
    return { key, step: await step };
  }

  /** src/dossiers/tasks.ts `complete`: the task's holder completes it at `at`; the process moves to its next wait. */
  private async complete(
    task: TaskRow,
    at: string,
    from: { key: string; step: StepResult },
  ): Promise<{ key: string; step: StepResult }> {
    const outcome = this.chooseOutcome(task);
    const next = this.ctx.steps.signal(this.run.definition, from, task.execution_id, outcome);
    const actorId = this.staff(task.role, task.unit_code);
    Object.assign(task, {
      status: 'completed',
      claimed_by: actorId,
      claimed_at: at,
      completed_by: actorId,
      completed_at: at,
      outcome,
    });
    this.open.splice(this.open.indexOf(task), 1);
    const completed: NewEvent = {
      type: 'task.completed',
      payload: {
        taskId: task.id,
        activityId: task.activity_id,
        executionId: task.execution_id,
        outcome,
        comment: null,
        data: null,
        dueAt: task.due_at,
      },
    };
    this.persist(await next.step, [completed], { actorId, actorUnit: task.unit_code }, at, {
      activityId: task.activity_id,
      unitCode: task.unit_code,
    });
    return { key: next.key, step: await next.step };
  }

  /** The `dossier.received` payload, as the desk officer entered the receipt. */
  private receipt() {
    const d = this.rows.dossier;
    const applicant = { fullName: d.applicant_name, idNumber: d.applicant_id_number, phone: d.applicant_phone };
    return {
      code: d.code,
      procedureCode: this.run.procedure.code,
      versionId: this.run.versionId,
      unitCode: d.unit_code,
      channel: d.channel,
      applicant,
      data: this.run.data,
    };
  }

  private desk(): { actorId: number | null; actorUnit: string } {
    return { actorId: this.rows.dossier.received_by, actorUnit: this.rows.dossier.unit_code };
  }

  /** src/dossiers/step.ts `persistStep`: tasks opened and cancelled, their timers, status, lateness, events, notices. */
  private persist(
    step: StepResult,
    cause: NewEvent[],
    actor: { actorId: number | null; actorUnit: string },
    at: string,
    completedTask: { activityId: string; unitCode: string } | undefined,
  ): void {
    const { ctx, run } = this;
    const d = this.rows.dossier;
    const waiting = new Set(step.waiting.map((w) => w.executionId));
    const known = new Set(this.open.map((t) => t.execution_id));
    const taskEvents: NewEvent[] = [];
    for (const task of this.open.filter((t) => !waiting.has(t.execution_id))) {
      Object.assign(task, { status: 'cancelled', completed_at: at });
      this.open.splice(this.open.indexOf(task), 1);
      taskEvents.push({ type: 'task.cancelled', payload: { taskId: task.id, activityId: task.activity_id } });
    }
    for (const wait of step.waiting.filter((w) => !known.has(w.executionId))) {
      const spec = run.definition.tasks.get(wait.activityId)!;
      const assignment = assignTask(
        spec,
        { unitCode: d.unit_code, departmentCode: run.procedure.departmentCode },
        ctx.units,
        (code) => this.calendarOf(code),
        new Date(at),
      );
      const task: TaskRow = {
        id: ctx.nextTaskId(),
        dossier_id: d.id,
        activity_id: wait.activityId,
        execution_id: wait.executionId,
        name: spec.name,
        role: assignment.role,
        unit_code: assignment.unitCode,
        status: 'open',
        outcomes: JSON.stringify(spec.outcomes),
        budget_hours: assignment.budgetHours,
        created_at: at,
        due_at: assignment.dueAt,
        claimed_by: null,
        claimed_at: null,
        completed_by: null,
        completed_at: null,
        outcome: null,
        comment: null,
        result_data: null,
        reminded_at: null,
        escalated_at: null,
      };
      this.rows.tasks.push(task);
      this.open.push(task);
      if (task.due_at) {
        this.schedule(
          'task.reminder',
          warnAt(this.calendarOf(task.unit_code), at, task.due_at, ctx.rules.taskReminderLeadHours),
          task.id,
          task.due_at,
          at,
        );
        this.schedule('task.escalation', task.due_at, task.id, task.due_at, at);
      }
      taskEvents.push({
        type: 'task.created',
        payload: { taskId: task.id, activityId: wait.activityId, ...assignment },
      });
    }

    const status = nextStatus(d.status_code, step, run.definition);
    const finishing = isFinished(status) && !d.finished_at;
    const late = finishing && d.due_at !== null && at > d.due_at && !d.late_at;
    const statusEvents: NewEvent[] =
      status === d.status_code ? [] : [{ type: 'status.changed', payload: { from: d.status_code, to: status } }];
    const lateEvents: NewEvent[] = late
      ? [
          {
            type: 'dossier.overdue',
            payload: {
              dueAt: d.due_at,
              activityId: completedTask?.activityId ?? null,
              unitCode: completedTask?.unitCode ?? d.unit_code,
            },
          },
        ]
      : [];
    const engineEvents: NewEvent[] = step.events.map((e) => ({
      type: `engine.${e.type}`,
      payload: { elementId: e.elementId, elementType: e.elementType },
    }));
    this.append(
      [...cause, ...engineEvents, ...taskEvents, ...statusEvents, ...lateEvents],
      actor,
      at,
      run.definition.sha256,
    );

    const from = d.status_code;
    if (finishing) d.finished_at = at;
    if (status === RETURNED && !d.returned_at) d.returned_at = at;
    if (late)
      Object.assign(d, {
        late_at: d.due_at,
        late_activity_id: completedTask?.activityId ?? null,
        late_unit_code: completedTask?.unitCode ?? d.unit_code,
      });
    d.status_code = status;
    const notices: ApplicantNotice[] = step.events
      .filter((e) => e.type === 'activity.end' && run.definition.services.get(e.elementId) === 'notifyApplicant')
      .map((e) => ({ kind: 'update', text: run.definition.elements.get(e.elementId)?.name ?? e.elementId }));
    if (status !== from && status === PROCESSED) notices.push({ kind: 'processed' });
    if (status !== from && status === RETURNED) notices.push({ kind: 'returned' });
    for (const notice of notices) this.notify(notice, at);
  }

  /** The timers of src/dossiers/timers.ts due before `until`, in the order the job queue runs them. */
  private fireTimersBefore(until: string): void {
    this.timers.sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.order - b.order));
    while (this.timers[0] && this.timers[0].runAt < until) this.fire(this.timers.shift()!);
  }

  private fire(timer: Timer): void {
    const d = this.rows.dossier;
    const at = timer.runAt;
    const system = { actorId: null, actorUnit: null };
    if (timer.kind === 'dossier.late-risk' || timer.kind === 'dossier.overdue') {
      const watched =
        [RECEIVED, PROCESSING].includes(d.status_code as 2 | 4) && d.due_at === timer.dueAt && !d.finished_at;
      if (!watched) return;
      if (timer.kind === 'dossier.late-risk') {
        if (d.late_risk_at) return;
        d.late_risk_at = at;
        const message = `Hồ sơ ${d.code} sắp đến hạn giải quyết (${vietnameseDateTime(d.due_at!)}).`;
        const units = [...new Set(this.open.length ? this.open.map((t) => t.unit_code) : [d.unit_code])];
        this.alerts(
          [
            ...this.open.map((t) => ({ taskId: t.id, unit: t.unit_code, role: t.role })),
            ...units.map((unit) => ({ taskId: null, unit, role: 'leader' })),
          ],
          'late-risk',
          message,
          at,
        );
        this.append(
          [
            {
              type: 'dossier.late-risk',
              payload: { dueAt: d.due_at, activities: this.open.map((t) => t.activity_id) },
            },
          ],
          system,
          at,
          null,
        );
      } else {
        if (d.late_at) return;
        const [holder] = [...this.open].sort((a, b) => (a.due_at ?? '').localeCompare(b.due_at ?? ''));
        const unit = holder?.unit_code ?? d.unit_code;
        Object.assign(d, { late_at: d.due_at, late_activity_id: holder?.activity_id ?? null, late_unit_code: unit });
        const message = `Hồ sơ ${d.code} đã quá hạn giải quyết (hạn ${vietnameseDateTime(d.due_at!)})${holder ? ` tại bước “${holder.name}”` : ''}.`;
        this.alerts([{ taskId: holder?.id ?? null, unit, role: 'leader' }], 'overdue', message, at);
        this.append(
          [
            {
              type: 'dossier.overdue',
              payload: { dueAt: d.due_at, activityId: holder?.activity_id ?? null, unitCode: unit },
            },
          ],
          system,
          at,
          null,
        );
      }
      return;
    }
    const task = this.open.find((t) => t.id === timer.taskId);
    if (!task || task.due_at !== timer.dueAt || PAUSED.includes(d.status_code)) return;
    const when = vietnameseDateTime(task.due_at!);
    if (timer.kind === 'task.reminder') {
      if (task.reminded_at) return;
      task.reminded_at = at;
      this.alerts(
        [{ taskId: task.id, unit: task.unit_code, role: task.role }],
        'reminder',
        `Bước “${task.name}” của hồ sơ ${d.code} sắp đến hạn (${when}).`,
        at,
      );
      this.append(
        [{ type: 'task.reminded', payload: { taskId: task.id, activityId: task.activity_id, dueAt: task.due_at } }],
        system,
        at,
        null,
      );
    } else {
      if (task.escalated_at) return;
      task.escalated_at = at;
      this.alerts(
        [{ taskId: task.id, unit: task.unit_code, role: 'leader' }],
        'escalation',
        `Bước “${task.name}” của hồ sơ ${d.code} đã quá hạn (${when}), cần lãnh đạo đơn vị chỉ đạo.`,
        at,
      );
      this.append(
        [
          {
            type: 'task.escalated',
            payload: { taskId: task.id, activityId: task.activity_id, unitCode: task.unit_code, dueAt: task.due_at },
          },
        ],
        system,
        at,
        null,
      );
    }
  }

  /** src/audit/log.ts `chainEvents` and src/dossiers/repository.ts `moveHead`: the next links of the hash chain, and the dossier's head moves with them. */
  private append(
    events: NewEvent[],
    actor: { actorId: number | null; actorUnit: string | null },
    at: string,
    bpmnSha256: string | null,
  ): void {
    const d = this.rows.dossier;
    for (const event of events) {
      const record = { seq: ++d.version, type: event.type, ...actor, at, payload: event.payload, bpmnSha256 };
      d.last_hash = chainHash(d.last_hash, record);
      this.rows.events.push({
        dossier_id: d.id,
        seq: record.seq,
        type: record.type,
        actor_id: actor.actorId,
        actor_unit: actor.actorUnit,
        at,
        payload: JSON.stringify(event.payload),
        bpmn_sha256: bpmnSha256,
        hash: d.last_hash,
      });
    }
    d.updated_at = at;
  }

  /** src/scheduler/jobs.ts `schedule`, and the timer to fire when it is due. */
  private schedule(kind: Timer['kind'], runAt: string, taskId: number | null, dueAt: string, createdAt: string): void {
    const d = this.rows.dossier;
    this.rows.jobs.push({
      kind,
      dossier_id: d.id,
      task_id: taskId,
      run_at: runAt,
      payload: JSON.stringify({ dueAt }),
      status: 'pending',
      attempts: 0,
      locked_until: null,
      last_error: null,
      created_at: createdAt,
      done_at: null,
    });
    this.timers.push({ kind, runAt, order: this.rows.jobs.length, taskId, dueAt });
  }

  /** src/notifications/outbox.ts `notify` (SMS only: the applicants give a phone number), already delivered. */
  private notify(notice: ApplicantNotice, at: string): void {
    const d = this.rows.dossier;
    const { subject, body } = applicantMessage(d.code, this.run.procedure.name, notice);
    const sent = at <= this.ctx.now.toISOString();
    this.rows.outbox.push({
      dossier_id: d.id,
      channel: 'sms',
      recipient: d.applicant_phone,
      subject,
      body: body.split('\n')[0],
      status: sent ? 'sent' : 'pending',
      attempts: sent ? 1 : 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: sent ? at : null,
    });
  }

  private alerts(
    targets: { taskId: number | null; unit: string; role: string }[],
    kind: string,
    message: string,
    at: string,
  ): void {
    for (const t of targets)
      this.rows.alerts.push({
        dossier_id: this.rows.dossier.id,
        task_id: t.taskId,
        kind,
        unit_code: t.unit,
        role: t.role,
        message,
        raised_at: at,
      });
  }

  /**
   * How fast this dossier's staff work, as a share of each task's budget: mostly within it, some late, a few stalled for
   * weeks, and one in fifty forgotten (it stays open: the backlog that inboxes and reports carry).
   */
  private pace(): number {
    const r = this.ctx.random();
    if (r < 0.78) return 0.2 + 0.6 * this.ctx.random();
    if (r < 0.94) return 0.8 + 1.2 * this.ctx.random();
    return r < 0.98 ? 2 + 10 * this.ctx.random() : Number.POSITIVE_INFINITY;
  }

  /** Mostly the first outcome (the flow's main road); any other one sometimes, but no activity loops more than twice. */
  private chooseOutcome(task: TaskRow): string | null {
    const outcomes: string[] = JSON.parse(task.outcomes);
    if (!outcomes.length) return null;
    const seen = (this.completions.get(task.activity_id) ?? 0) + 1;
    this.completions.set(task.activity_id, seen);
    return seen > 1 || outcomes.length === 1 || this.ctx.random() < 0.85
      ? outcomes[0]!
      : outcomes[1 + Math.floor(this.ctx.random() * (outcomes.length - 1))]!;
  }

  private calendarOf(unitCode: string): WorkingCalendar {
    return this.ctx.calendars.forUnit(this.ctx.units.get(unitCode));
  }

  private staff(role: string, unitCode: string): number {
    const id = this.ctx.staff.get(`${role}@${unitCode}`);
    if (id === undefined) throw new Error(`no ${role} at ${unitCode}`);
    return id;
  }
}

/** src/dossiers/step.ts `nextStatus`. */
function nextStatus(current: number, step: StepResult, definition: ProcessDefinition): number {
  let status = current;
  for (const event of step.events)
    if (event.type === 'activity.start') status = definition.statuses.get(event.elementId) ?? status;
  if (status === current && current === RECEIVED && step.waiting.length) return PROCESSING;
  if (step.completed && !isFinished(status)) return PROCESSED;
  return status;
}

/** src/dossiers/timers.ts `warnAt`: the lead before the due time, but not before half the time allowed has run. */
function warnAt(calendar: WorkingCalendar, from: string, due: string, leadHours: number): string {
  const allowed = calendar.between(new Date(from), new Date(due));
  return calendar.add(new Date(from), Math.max(allowed - leadHours * 60, allowed / 2)).toISOString();
}
