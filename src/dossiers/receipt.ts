import type { Knex } from 'knex';
import { GENESIS_HASH } from '../audit/chain.js';
import { appendEvents, type NewEvent } from '../audit/log.js';
import { authorize, type Actor } from '../auth/policy.js';
import { clockStart, legalDue, localDate, parseTimeOfDay, type WorkingCalendar } from '../calendar/index.js';
import type { Procedure } from '../catalogue/catalogue.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import type { StepResult } from '../engine/runner.js';
import { BadRequest, Conflict, NotFound, Unprocessable } from '../errors.js';
import type { Unit } from '../units/directory.js';
import type { Channel } from '../vocabulary/channels.js';
import { RECEIVED, REFUSED, SUPPLEMENTING } from '../vocabulary/statuses.js';
import { changeDossier } from './change.js';
import { dayKey, dossierCode } from './codes.js';
import type { DossierContext } from './context.js';
import { engineFailure } from './failures.js';
import { NEW_DOSSIER_DEFAULTS, type DossierRow } from './repository.js';
import { persistStep } from './step.js';
import { watchDossier } from './timers.js';

/** The three legal outcomes of receipt. */
export const RECEIPT_OUTCOMES = ['accept', 'supplement', 'refuse'] as const;

export interface ReceiptInput {
  procedureCode: string;
  unitCode: string;
  channel: Channel;
  applicant: { fullName: string; idNumber: string; phone?: string | undefined; email?: string | undefined };
  data: Record<string, unknown>;
  /** Accept (the default), ask for every missing item at once, or refuse with a reason. */
  outcome?: (typeof RECEIPT_OUTCOMES)[number] | undefined;
  missingItems?: string[] | undefined;
  reason?: string | undefined;
}

const RECEIPT_FORMS = { accept: 'receipt', supplement: 'supplement-request', refuse: 'refusal' } as const;

/**
 * Receives a dossier at a unit's desk and allocates its code. Accepted, it starts its procedure's process and its
 * statutory clock; incomplete, it waits for the applicant with every missing item listed; refused, it closes.
 */
export async function receive(ctx: DossierContext, actor: Actor, input: ReceiptInput): Promise<string> {
  const outcome = input.outcome ?? 'accept';
  const at = ctx.clock();
  const procedure = await findProcedure(ctx, input.procedureCode);
  const unit = ctx.units.get(input.unitCode);
  if (!unit) throw new Unprocessable('unknown-unit', `Không có đơn vị mã "${input.unitCode}".`);
  authorize(actor, 'dossiers:receive', { unitCode: unit.code });
  assertReceivable(ctx, procedure, unit, at);
  if (outcome === 'supplement' && !input.missingItems?.length) {
    throw new BadRequest('missing-items-required', 'Yêu cầu bổ sung phải liệt kê đầy đủ các giấy tờ, nội dung còn thiếu (missingItems).');
  }
  if (outcome === 'refuse' && !input.reason?.trim()) throw new BadRequest('reason-required', 'Từ chối tiếp nhận phải nêu rõ lý do (reason).');
  if (outcome !== 'refuse') ctx.forms.assertValid(procedure, input.data);
  const version = await ctx.catalogue.versionInForce(procedure.code, at);
  const definition = await ctx.catalogue.definitionOf(version.id);
  const result = outcome === 'accept' ? await ctx.runner.start(definition).catch(engineFailure) : null;
  const calendar = ctx.calendars.forUnit(unit);
  const clock = result ? startClock(calendar, procedure, at) : null;

  return ctx.knex.transaction(async (trx) => {
    const seq = await ctx.repo.nextSequence(trx, unit.agencyId, dayKey(localDate(at)));
    const row: Omit<DossierRow, 'id'> = {
      ...NEW_DOSSIER_DEFAULTS,
      code: dossierCode(unit.agencyId, localDate(at), seq),
      procedure_code: procedure.code,
      version_id: version.id,
      unit_code: unit.code,
      channel: input.channel,
      applicant_name: input.applicant.fullName.trim(),
      applicant_id_number: input.applicant.idNumber,
      applicant_phone: input.applicant.phone ?? null,
      applicant_email: input.applicant.email ?? null,
      data: JSON.stringify(input.data),
      status_code: outcome === 'accept' ? RECEIVED : outcome === 'supplement' ? SUPPLEMENTING : REFUSED,
      received_by: actor.id,
      received_at: at.toISOString(),
      due_at: null,
      missing_items: outcome === 'supplement' ? JSON.stringify(input.missingItems) : null,
      status_reason: outcome === 'refuse' ? input.reason!.trim() : null,
      last_hash: GENESIS_HASH,
      updated_at: at.toISOString(),
    };
    const dossier: DossierRow = { ...row, id: await ctx.repo.insertDossier(trx, row) };
    const received: NewEvent = {
      type: 'dossier.received',
      payload: {
        code: row.code, procedureCode: procedure.code, versionId: version.id, unitCode: unit.code, channel: input.channel,
        applicant: input.applicant, data: input.data, outcome,
        ...(clock ? { clockStartedAt: clock.clock_started_at, dueAt: clock.due_at } : {}),
        ...(outcome === 'supplement' ? { missingItems: input.missingItems } : {}),
        ...(outcome === 'refuse' ? { reason: row.status_reason } : {}),
      },
    };
    const issued: NewEvent = { type: 'form.issued', payload: { form: RECEIPT_FORMS[outcome] } };
    if (result && clock) {
      await startProcess(ctx, trx, dossier, clock, procedure, definition, result, actor, at, [received, issued]);
    } else {
      await appendEvents(trx, { dossierId: dossier.id, version: 0, lastHash: GENESIS_HASH }, { actorId: actor.id, actorUnit: actor.unitCode, at: row.received_at, bpmnSha256: null }, [received, issued]);
      const notice = outcome === 'refuse' ? { kind: 'refused' as const, reason: row.status_reason! } : { kind: 'supplement-requested' as const, items: input.missingItems! };
      await ctx.outbox.notify(trx, { id: dossier.id, code: row.code, procedureName: procedure.name }, { phone: row.applicant_phone, email: row.applicant_email }, notice, at);
    }
    return row.code;
  });
}

/** Accepts a dossier that waited at receipt for missing items: its process and its clock start now. */
export async function acceptSupplemented(ctx: DossierContext, actor: Actor, code: string, note: string | undefined): Promise<void> {
  const pending = await ctx.repo.byCode(code);
  if (!pending) throw new NotFound('unknown-dossier', `Không tìm thấy hồ sơ mã "${code}".`);
  const procedure = await ctx.catalogue.get(pending.procedure_code);
  const definition = await ctx.catalogue.definitionOf(pending.version_id);
  const result = await ctx.runner.start(definition).catch(engineFailure);
  await changeDossier(ctx, code, actor, async (trx, dossier, at) => {
    if (dossier.status_code !== SUPPLEMENTING || dossier.clock_started_at) throw new Conflict('not-awaiting-receipt', 'Hồ sơ không còn chờ bổ sung để tiếp nhận.');
    await ctx.repo.updateDossier(trx, dossier.id, { status_code: RECEIVED, missing_items: null });
    const clock = startClock(ctx.calendars.forUnit(ctx.units.get(dossier.unit_code)), procedure, at);
    const accepted: NewEvent[] = [
      { type: 'dossier.accepted', payload: { note: note ?? null, suppliedItems: JSON.parse(dossier.missing_items ?? '[]'), clockStartedAt: clock.clock_started_at, dueAt: clock.due_at } },
      { type: 'status.changed', payload: { from: SUPPLEMENTING, to: RECEIVED } },
      { type: 'form.issued', payload: { form: 'receipt' } },
    ];
    await startProcess(ctx, trx, { ...dossier, status_code: RECEIVED }, clock, procedure, definition, result, actor, at, accepted);
    return []; // the step appended these events with the engine's own
  });
}

type Clock = ReturnType<typeof startClock>;

/** Starts the statutory clock and writes the process's first step. */
async function startProcess(
  ctx: DossierContext,
  trx: Knex.Transaction,
  dossier: DossierRow,
  clock: Clock,
  procedure: Procedure,
  definition: ProcessDefinition,
  result: StepResult,
  actor: Actor,
  at: Date,
  cause: NewEvent[],
) {
  await ctx.repo.updateDossier(trx, dossier.id, clock);
  const started = { ...dossier, ...clock };
  await watchDossier(ctx, trx, started, ctx.calendars.forUnit(ctx.units.get(dossier.unit_code)));
  await ctx.outbox.notify(trx, { id: dossier.id, code: dossier.code, procedureName: procedure.name }, { phone: dossier.applicant_phone, email: dossier.applicant_email }, { kind: 'received', appointmentAt: clock.appointment_at }, at);
  return persistStep(ctx, { trx, dossier: started, procedureName: procedure.name, departmentCode: procedure.departmentCode, definition, result, actor, at, cause });
}

/** When the statutory clock starts and when the dossier is due; the appointment given is the due time. */
function startClock(calendar: WorkingCalendar, procedure: Procedure, at: Date) {
  const start = clockStart(calendar, at, procedure.cutoffTime ? parseTimeOfDay(procedure.cutoffTime) : null);
  const due = legalDue(calendar, start, { hours: procedure.timeLimitHours, sameDay: procedure.sameDay, cutoffMinutes: null });
  const dueAt = due?.toISOString() ?? null;
  return { clock_started_at: start.toISOString(), due_at: dueAt, appointment_at: dueAt };
}

async function findProcedure(ctx: DossierContext, code: string): Promise<Procedure> {
  try {
    return await ctx.catalogue.get(code);
  } catch (err) {
    if (err instanceof NotFound) throw new Unprocessable('unknown-procedure', err.message);
    throw err;
  }
}

function assertReceivable(ctx: DossierContext, procedure: Procedure, unit: Unit, at: Date): void {
  if (procedure.status !== 'active') {
    throw new Conflict('procedure-abolished', `Thủ tục "${procedure.name}" đã bãi bỏ, không tiếp nhận hồ sơ mới.`);
  }
  if (!ctx.units.isInForce(unit, localDate(at))) {
    throw new Unprocessable('unit-not-in-force', `Đơn vị "${unit.name}" không còn tiếp nhận hồ sơ.`);
  }
  const handled = procedure.levels.includes(unit.level) && (!procedure.departmentCode || procedure.departmentCode === unit.code);
  if (!handled) throw new Unprocessable('procedure-not-handled-here', `Thủ tục "${procedure.name}" không được giải quyết tại ${unit.name}.`);
}
