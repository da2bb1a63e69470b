import type { Knex } from 'knex';
import { GENESIS_HASH } from '../audit/chain.js';
import type { NewEvent } from '../audit/log.js';
import type { Actor } from '../auth/policy.js';
import {
  createDossier,
  NEW_DOSSIER_DEFAULTS,
  watchDossier,
  writeStep,
  type DossierContext,
  type DossierRow,
  type Logged,
} from '../dossiers/index.js';
import type { Unit } from '../units/directory.js';
import { REFUSED, RETURNED } from '../vocabulary/statuses.js';
import type { ImportPlan } from './plan.js';
import type { LegacyImportRepository } from './repository.js';

/** Where an import comes from and who runs it (null: the command line). */
export interface ImportSource {
  file: string;
  unit: Unit;
  actor: Actor | null;
}

/**
 * Writes one imported dossier in one transaction: its row, the record of the import, and a log that starts with
 * `dossier.imported` and the old history lines. A dossier in progress is also started and driven to its task along
 * the planned route, written as a step of the process (its task, timers and engine events, as at receipt).
 */
export async function writeImport(
  ctx: DossierContext,
  imports: LegacyImportRepository,
  plan: ImportPlan,
  source: ImportSource,
): Promise<void> {
  const at = ctx.clock();
  await createDossier(
    ctx,
    source.actor,
    at,
    async (trx) => {
      const row = dossierRow(plan, source.unit, at.toISOString());
      return { ...row, id: await ctx.repo.insertDossier(trx, row) };
    },
    async (trx, dossier) => {
      await imports.record(trx, {
        unit_code: source.unit.code,
        original_code: plan.code,
        dossier_id: dossier.id,
        source_file: source.file,
        source_row: plan.row,
        row_sha256: plan.rowSha256,
        imported_by: source.actor?.id ?? null,
        imported_at: at.toISOString(),
      });
      const cause = [
        importEvent(plan, source),
        ...plan.history.map((line): NewEvent => ({ type: 'legacy.history', payload: { ...line } })),
      ];
      return plan.route ? continueProcess(ctx, trx, dossier, plan, source, cause, at) : cause;
    },
  );
}

async function continueProcess(
  ctx: DossierContext,
  trx: Knex.Transaction,
  dossier: DossierRow,
  plan: ImportPlan,
  source: ImportSource,
  cause: NewEvent[],
  at: Date,
): Promise<Logged> {
  await watchDossier(ctx, trx, dossier, ctx.calendars.forUnit(source.unit));
  const step = {
    procedureName: plan.procedure.name,
    departmentCode: plan.procedure.departmentCode,
    definition: plan.definition,
    result: plan.route!.result,
    cause,
  };
  return writeStep(ctx, trx, dossier, step, at);
}

/** The first event of an imported dossier: the source, the old words, and for one in progress the route replay repeats. */
function importEvent(plan: ImportPlan, source: ImportSource): NewEvent {
  return {
    type: 'dossier.imported',
    payload: {
      file: source.file,
      row: plan.row,
      originalCode: plan.code,
      unitCode: source.unit.code,
      ...(plan.competentUnitCode ? { competentUnitCode: plan.competentUnitCode, resultReturn: plan.resultReturn } : {}),
      procedureCode: plan.procedure.code,
      versionId: plan.versionId,
      statusCode: plan.statusCode,
      receivedAt: plan.receivedAt,
      dueAt: plan.dueAt,
      finishedAt: plan.finishedAt,
      applicant: plan.applicant,
      legacy: plan.legacy,
      rowSha256: plan.rowSha256,
      ...(plan.route ? { activityId: plan.route.activityId, path: plan.route.path } : {}),
    },
  };
}

/** The dossier row: the original code, times and status; a result ready after the due time is late, at the unit that handled it. */
function dossierRow(plan: ImportPlan, unit: Unit, now: string): Omit<DossierRow, 'id'> {
  const late = plan.finishedAt !== null && plan.dueAt !== null && plan.finishedAt > plan.dueAt;
  return {
    ...NEW_DOSSIER_DEFAULTS,
    code: plan.code,
    procedure_code: plan.procedure.code,
    version_id: plan.versionId,
    unit_code: unit.code,
    competent_unit_code: plan.competentUnitCode,
    result_return: plan.resultReturn,
    channel: 'direct',
    applicant_name: plan.applicant.fullName,
    applicant_id_number: plan.applicant.idNumber,
    applicant_phone: plan.applicant.phone,
    applicant_email: null,
    data: '{}',
    status_code: plan.statusCode,
    received_by: null,
    received_at: plan.receivedAt,
    due_at: plan.dueAt,
    finished_at: plan.finishedAt,
    clock_started_at: plan.statusCode === REFUSED ? null : plan.receivedAt,
    appointment_at: plan.dueAt,
    returned_at: plan.statusCode === RETURNED ? plan.finishedAt : null,
    last_hash: GENESIS_HASH,
    updated_at: now,
    ...(late ? { late_at: plan.dueAt, late_unit_code: plan.competentUnitCode ?? unit.code } : {}),
  };
}
