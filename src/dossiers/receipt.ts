import type { Knex } from 'knex';
import { GENESIS_HASH } from '../audit/chain.js';
import type { NewEvent } from '../audit/log.js';
import { authorize, type Actor } from '../auth/policy.js';
import { clockStart, legalDue, localDate, parseTimeOfDay, type WorkingCalendar } from '../calendar/index.js';
import type { Procedure } from '../catalogue/catalogue.js';
import { limitHoursOf } from '../catalogue/time-limit.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import type { StepResult } from '../engine/steps.js';
import { BadRequest, Conflict, DossierNotFound, NotFound, Unprocessable } from '../errors.js';
import type { Unit } from '../units/directory.js';
import type { Channel } from '../vocabulary/channels.js';
import { NEW, RECEIVED, REFUSED, SUPPLEMENTING } from '../vocabulary/statuses.js';
import { formIssued } from './paperwork.js';
import { changeDossier, createDossier, type Logged } from './command.js';
import { dayKey, dossierCode } from './codes.js';
import type { DossierContext } from './context.js';
import { notifyApplicant } from './handling.js';
import { assertVisible } from './visibility.js';
import { VersionBlocked } from '../incidents/held.js';
import { stepFailure } from './failures.js';
import { deskOf, NEW_DOSSIER_DEFAULTS, type DossierRow } from './repository.js';
import { writeStep } from './step.js';
import { watchDossier } from './watch.js';
import type { ReceiptOutcome } from '../vocabulary/receipt-outcomes.js';
import { UnknownUnit } from '../units/errors.js';
import type { ResultReturn } from '../vocabulary/result-returns.js';
import { competentUnitFor } from './receiving.js';
import { completedDocuments, receivedDocuments, type ReceivedDocumentInput } from './received-documents.js';

export { RECEIPT_OUTCOMES } from '../vocabulary/receipt-outcomes.js';

/** What the desk decides: accept (the default), ask for every missing item at once, or refuse with a reason. */
export interface ReceiptDecision {
  outcome?: ReceiptOutcome | undefined;
  missingItems?: string[] | undefined;
  reason?: string | undefined;
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export interface ReceiptInput extends ReceiptDecision {
  procedureCode: string;
  /** The receiving desk. */
  unitCode: string;
  /** The competent unit, for a procedure received regardless of administrative boundary; the desk when absent. */
  competentUnitCode?: string | undefined;
  /** Where the applicant collects the result (the desk when absent). */
  resultReturn?: ResultReturn | undefined;
  channel: Channel;
  applicant: Applicant;
  data: Record<string, unknown>;
  /** What the desk received (see received-documents.ts). */
  documents?: ReceivedDocumentInput[] | undefined;
}

const RECEIPT_FORMS = { accept: 'receipt', supplement: 'supplement-request', refuse: 'refusal' } as const;

/**
 * Receives a dossier at a unit's desk and allocates its code. Accepted, it starts its procedure's process and its
 * statutory clock; incomplete, it waits for the applicant with every missing item listed; refused, it closes.
 */
export async function receive(ctx: DossierContext, actor: Actor, input: ReceiptInput): Promise<DossierRow> {
  const at = ctx.clock();
  const procedure = await findProcedure(ctx, input.procedureCode);
  const unit = receivingUnit(ctx, input.unitCode);
  authorize(actor, 'dossiers:receive', { unitCode: unit.code });
  const competent = competentUnitFor(ctx.units, procedure, unit, input.competentUnitCode, at);
  const decision = decided(input);
  if (decision.outcome !== 'refuse') ctx.forms.assertValid(procedure, input.data);
  const documents =
    decision.outcome === 'accept' || (decision.outcome === 'supplement' && input.documents)
      ? JSON.stringify(receivedDocuments(procedure, input.documents))
      : null;
  const version = await versionForNewDossier(ctx, procedure, at);
  const subject = { procedureCode: procedure.code, versionId: version.id };
  const start =
    decision.outcome === 'accept'
      ? await startRun(ctx, version.id).catch((err) => stepFailure(ctx.incidents, subject, err))
      : null;

  const { outcome, ...columns } = decision;
  const { dossier } = await createDossier(
    ctx,
    actor,
    at,
    (trx) =>
      insertNewDossier(
        ctx,
        trx,
        { ...input, procedure, versionId: version.id, unit, at, statusCode: RECEIVED },
        {
          ...columns,
          received_by: actor.id,
          competent_unit_code: competent === unit ? null : competent.code,
          result_return: input.resultReturn ?? 'desk',
          received_documents: documents,
        },
      ),
    (trx, created) => recordReceipt(ctx, trx, { dossier: created, procedure, outcome, start, at, from: null }),
  );
  return dossier;
}

/**
 * The desk decides on a dossier submitted online (status 1), as on one brought to it: accepted, its process and clock
 * start; incomplete, it waits for every missing item; refused, it closes. Its procedure version is the one of submission.
 */
export async function receiveSubmitted(
  ctx: DossierContext,
  actor: Actor,
  code: string,
  input: ReceiptDecision,
): Promise<DossierRow> {
  const decision = decided(input);
  const pending = await ctx.repo.byCode(code);
  if (!pending) throw new DossierNotFound(code);
  await assertVisible(ctx, actor, pending);
  authorize(actor, 'dossiers:receive', { unitCode: deskOf(pending) });
  const procedure = await ctx.catalogue.get(pending.procedure_code);
  const { dossier } = await changeDossier(
    ctx,
    { id: pending.id },
    actor,
    {
      prepare: async (current) => (decision.outcome === 'accept' ? startRun(ctx, current.version_id) : null),
      apply: async (trx, current, at, start) => {
        if (current.status_code !== NEW) throw new Conflict('not-awaiting-receipt', 'Hồ sơ không còn chờ tiếp nhận.');
        const { outcome, ...columns } = decision;
        await ctx.repo.updateDossier(trx, current.id, { ...columns, received_by: actor.id });
        const received = { ...current, ...columns, received_by: actor.id };
        return recordReceipt(ctx, trx, { dossier: received, procedure, outcome, start, at, from: NEW });
      },
    },
    pending,
  );
  return dossier;
}

/** Accepts a dossier that waited at receipt for missing items: its process and its clock start now. */
export async function acceptSupplemented(
  ctx: DossierContext,
  actor: Actor,
  code: string,
  note: string | undefined,
): Promise<void> {
  const pending = await ctx.repo.byCode(code);
  if (!pending) throw new DossierNotFound(code);
  const procedure = await ctx.catalogue.get(pending.procedure_code);
  await changeDossier(
    ctx,
    { id: pending.id },
    actor,
    {
      prepare: (current) => startRun(ctx, current.version_id),
      apply: async (trx, dossier, at, start) => {
        if (dossier.status_code !== SUPPLEMENTING || dossier.clock_started_at)
          throw new Conflict('not-awaiting-receipt', 'Hồ sơ không còn chờ bổ sung để tiếp nhận.');
        const documents = JSON.stringify(completedDocuments(procedure, dossier.received_documents));
        await ctx.repo.updateDossier(trx, dossier.id, {
          status_code: RECEIVED,
          missing_items: null,
          received_documents: documents,
        });
        const calendar = ctx.calendars.forUnit(ctx.units.get(dossier.unit_code));
        const clock = startClock(calendar, procedure, JSON.parse(dossier.data), at);
        const accepted: NewEvent[] = [
          {
            type: 'dossier.accepted',
            payload: {
              note: note ?? null,
              suppliedItems: JSON.parse(dossier.missing_items ?? '[]'),
              documents: JSON.parse(documents),
              clockStartedAt: clock.clock_started_at,
              dueAt: clock.due_at,
            },
          },
          { type: 'status.changed', payload: { from: SUPPLEMENTING, to: RECEIVED } },
          formIssued('receipt', at),
        ];
        return startProcess(ctx, trx, { ...dossier, status_code: RECEIVED }, clock, procedure, start, at, accepted);
      },
    },
    pending,
  );
}

/** What a new dossier is, whatever the channel it came by. */
export interface NewDossier {
  procedure: Procedure;
  versionId: number;
  unit: Unit;
  channel: Channel;
  applicant: Applicant;
  data: Record<string, unknown>;
  statusCode: number;
  at: Date;
}

/**
 * Inserts a new dossier, its code allocated in `trx` from the agency's daily sequence (one sequence for every channel),
 * with the columns of how it came in.
 */
export async function insertNewDossier(
  ctx: DossierContext,
  trx: Knex.Transaction,
  d: NewDossier,
  /** What the channel sets: who received it, its status; the citizen's account for one submitted online. */
  columns: Partial<DossierRow> & { citizen_id?: number },
): Promise<DossierRow> {
  const row = { ...(await newDossierRow(ctx, trx, d)), ...columns };
  return { ...row, id: await ctx.repo.insertDossier(trx, row) };
}

async function newDossierRow(
  ctx: DossierContext,
  trx: Knex.Transaction,
  d: NewDossier,
): Promise<Omit<DossierRow, 'id'>> {
  const seq = await ctx.repo.nextSequence(trx, d.unit.agencyId, dayKey(localDate(d.at)));
  return {
    ...NEW_DOSSIER_DEFAULTS,
    code: dossierCode(d.unit.agencyId, localDate(d.at), seq),
    procedure_code: d.procedure.code,
    version_id: d.versionId,
    unit_code: d.unit.code,
    channel: d.channel,
    applicant_name: d.applicant.fullName.trim(),
    applicant_id_number: d.applicant.idNumber,
    applicant_phone: d.applicant.phone ?? null,
    applicant_email: d.applicant.email ?? null,
    data: JSON.stringify(d.data),
    status_code: d.statusCode,
    received_by: null,
    received_at: d.at.toISOString(),
    due_at: null,
    last_hash: GENESIS_HASH,
    updated_at: d.at.toISOString(),
  };
}

type Outcome = ReceiptOutcome;

/** A decision checked: a supplementation lists what is missing, a refusal says why; with the status and columns it sets. */
function decided(input: ReceiptDecision): {
  outcome: Outcome;
  status_code: number;
  missing_items: string | null;
  status_reason: string | null;
} {
  const outcome = input.outcome ?? 'accept';
  if (outcome === 'supplement' && !input.missingItems?.length) {
    throw new BadRequest(
      'missing-items-required',
      'Yêu cầu bổ sung phải liệt kê đầy đủ các giấy tờ, nội dung còn thiếu (missingItems).',
    );
  }
  if (outcome === 'refuse' && !input.reason?.trim())
    throw new BadRequest('reason-required', 'Từ chối tiếp nhận phải nêu rõ lý do (reason).');
  return {
    outcome,
    status_code: outcome === 'accept' ? RECEIVED : outcome === 'supplement' ? SUPPLEMENTING : REFUSED,
    missing_items: outcome === 'supplement' ? JSON.stringify(input.missingItems) : null,
    status_reason: outcome === 'refuse' ? input.reason!.trim() : null,
  };
}

interface Receipt {
  /** The dossier as `trx` holds it, with the status and columns of the decision. */
  dossier: DossierRow;
  procedure: Procedure;
  outcome: Outcome;
  /** The process's first run, for an accepted dossier. */
  start: Started | null;
  at: Date;
  /** The status the dossier waited in (an online submission), null for one received as it arrived. */
  from: number | null;
}

/** Records receipt: its events and form, then the process and the clock (accepted) or the notice to the applicant. */
async function recordReceipt(
  ctx: DossierContext,
  trx: Knex.Transaction,
  { dossier, procedure, outcome, start, at, from }: Receipt,
): Promise<NewEvent[] | Logged> {
  const calendar = ctx.calendars.forUnit(ctx.units.get(dossier.unit_code));
  const clock = start ? startClock(calendar, procedure, JSON.parse(dossier.data), at) : null;
  const missingItems = dossier.missing_items ? (JSON.parse(dossier.missing_items) as string[]) : null;
  const received: NewEvent = {
    type: 'dossier.received',
    payload: {
      code: dossier.code,
      procedureCode: dossier.procedure_code,
      versionId: dossier.version_id,
      unitCode: dossier.unit_code,
      ...(dossier.competent_unit_code
        ? { competentUnitCode: dossier.competent_unit_code, resultReturn: dossier.result_return }
        : {}),
      channel: dossier.channel,
      applicant: applicantOf(dossier),
      data: JSON.parse(dossier.data),
      outcome,
      ...(clock ? { clockStartedAt: clock.clock_started_at, dueAt: clock.due_at } : {}),
      ...(missingItems ? { missingItems } : {}),
      ...(dossier.received_documents ? { documents: JSON.parse(dossier.received_documents) } : {}),
      ...(outcome === 'refuse' ? { reason: dossier.status_reason } : {}),
    },
  };
  const events: NewEvent[] = [
    received,
    ...(from === null ? [] : [{ type: 'status.changed', payload: { from, to: dossier.status_code } }]),
    formIssued(RECEIPT_FORMS[outcome], at),
  ];
  if (start && clock) return startProcess(ctx, trx, dossier, clock, procedure, start, at, events);
  const notice =
    outcome === 'refuse'
      ? { kind: 'refused' as const, reason: dossier.status_reason! }
      : { kind: 'supplement-requested' as const, items: missingItems! };
  await notifyApplicant(ctx, trx, dossier, notice, at, procedure.name);
  return events;
}

/** The applicant as the dossier row holds them. */
function applicantOf(row: DossierRow): Applicant {
  return {
    fullName: row.applicant_name,
    idNumber: row.applicant_id_number,
    ...(row.applicant_phone ? { phone: row.applicant_phone } : {}),
    ...(row.applicant_email ? { email: row.applicant_email } : {}),
  };
}

interface Started {
  definition: ProcessDefinition;
  result: StepResult;
}

/** Runs a version's process to its first wait, outside any transaction. */
async function startRun(ctx: DossierContext, versionId: number): Promise<Started> {
  const definition = await ctx.catalogue.definitionOf(versionId);
  return { definition, result: await ctx.runner.start(definition) };
}

type Clock = ReturnType<typeof startClock>;

/** Starts the statutory clock and writes the process's first step. */
async function startProcess(
  ctx: DossierContext,
  trx: Knex.Transaction,
  dossier: DossierRow,
  clock: Clock,
  procedure: Procedure,
  { definition, result }: Started,
  at: Date,
  cause: NewEvent[],
): Promise<Logged> {
  await ctx.repo.updateDossier(trx, dossier.id, clock);
  const started = { ...dossier, ...clock };
  await watchDossier(ctx, trx, started, ctx.calendars.forUnit(ctx.units.get(dossier.unit_code)));
  await notifyApplicant(
    ctx,
    trx,
    dossier,
    { kind: 'received', appointmentAt: clock.appointment_at },
    at,
    procedure.name,
  );
  const step = { procedureName: procedure.name, departmentCode: procedure.departmentCode, definition, result, cause };
  return writeStep(ctx, trx, started, step, at);
}

/**
 * When the statutory clock starts and when the dossier is due (after the limit of the dossier's case, when the law sets
 * one per case); the appointment given is the due time.
 */
function startClock(calendar: WorkingCalendar, procedure: Procedure, data: Record<string, unknown>, at: Date) {
  const start = clockStart(calendar, at, procedure.cutoffTime ? parseTimeOfDay(procedure.cutoffTime) : null);
  const due = legalDue(calendar, start, {
    hours: limitHoursOf(procedure, data),
    sameDay: procedure.sameDay,
    cutoffMinutes: null,
  });
  const dueAt = due?.toISOString() ?? null;
  return { clock_started_at: start.toISOString(), due_at: dueAt, appointment_at: dueAt };
}

/** A procedure of the catalogue, named at receipt (an unknown one is 422). */
export async function findProcedure(ctx: DossierContext, code: string): Promise<Procedure> {
  try {
    return await ctx.catalogue.get(code);
  } catch (err) {
    if (err instanceof NotFound) throw new Unprocessable('unknown-procedure', err.message);
    throw err;
  }
}

/** A unit named at receipt (an unknown one is 422). */
export function receivingUnit(ctx: DossierContext, code: string): Unit {
  const unit = ctx.units.get(code);
  if (!unit) throw new UnknownUnit(code);
  return unit;
}

/** The version a dossier received now binds to; a blocked version takes none (409 version-blocked). */
export async function versionForNewDossier(ctx: DossierContext, procedure: Procedure, at: Date) {
  const version = await ctx.catalogue.versionInForce(procedure.code, at);
  if (ctx.incidents.isBlocked(version.sha256)) throw new VersionBlocked();
  return version;
}
