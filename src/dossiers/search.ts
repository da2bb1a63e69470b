import type { Knex } from 'knex';
import type { Static } from 'typebox';
import type { DossierSummary as DossierSummarySchema } from '../http/routes/dossiers/schemas.js';
import { seesAllDossiers, type Actor } from '../auth/policy.js';
import { addDays, startOfLocalDay } from '../calendar/index.js';
import { BadRequest } from '../errors.js';
import { foldText } from '../vocabulary/search-text.js';
import { CLOSED, STATUSES, STOPPED, type StatusCode } from '../vocabulary/statuses.js';
import type { DossierContext } from './context.js';
import type { DossierRow } from './repository.js';
import { onTime, unitsOf } from './views.js';

export interface DossierFilters {
  /** The start of a dossier code, part of the applicant's name, or their ID number. */
  q?: string | undefined;
  /** Received on or after this local day, and on or before `to` (yyyy-mm-dd). */
  from?: string | undefined;
  to?: string | undefined;
  procedure?: string | undefined;
  statusCode?: number | undefined;
  /** Only dossiers still in hand whose late-risk alert was raised or that passed their due time, the earliest due first. */
  atRisk?: boolean | undefined;
  limit: number;
  offset: number;
}

/** One line of a list of dossiers (the schema is the one declaration of its shape). */
export type DossierSummary = Static<typeof DossierSummarySchema>;

/**
 * The dossiers an actor may see, newest first: all of them for oversight roles, otherwise those received at, handed
 * over to or holding a task at the actor's unit (the rule of `dossiers:read`).
 */
/** Ended without a result (refused, withdrawn, returned, stopped): no longer at risk of anything. */
const ENDED_UNFINISHED = [...CLOSED, STOPPED];

export async function searchDossiers(
  ctx: DossierContext,
  actor: Actor,
  filters: DossierFilters,
): Promise<{ total: number; items: DossierSummary[] }> {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new BadRequest('period-invalid', 'Ngày đầu của khoảng thời gian phải trước hoặc trùng ngày cuối.');
  }
  const query = ctx.knex('dossiers');
  if (!seesAllDossiers(actor)) visibleAt(query, actor.unitCode ?? '');
  const q = filters.q?.trim();
  if (q) {
    query.where((w) =>
      w
        .whereRaw("dossiers.code like ? escape '\\'", [`${escapeLike(q.toUpperCase())}%`])
        .orWhereRaw("dossiers.applicant_search like ? escape '\\'", [`%${escapeLike(foldText(q))}%`])
        .orWhere('dossiers.applicant_id_number', q),
    );
  }
  if (filters.from) query.where('dossiers.received_at', '>=', startOfLocalDay(filters.from));
  if (filters.to) query.where('dossiers.received_at', '<', startOfLocalDay(addDays(filters.to, 1)));
  if (filters.procedure) query.where('dossiers.procedure_code', filters.procedure);
  if (filters.statusCode) query.where('dossiers.status_code', filters.statusCode);
  if (filters.atRisk)
    query
      .whereNull('dossiers.finished_at')
      .whereNotIn('dossiers.status_code', ENDED_UNFINISHED)
      .where((w) => w.whereNotNull('dossiers.late_risk_at').orWhereNotNull('dossiers.late_at'));
  const [counted, rows] = await Promise.all([
    query.clone().count({ n: '*' }).first(),
    query
      .join('procedures', 'procedures.code', 'dossiers.procedure_code')
      .join('procedure_versions', 'procedure_versions.id', 'dossiers.version_id')
      .orderBy(
        filters.atRisk
          ? [{ column: 'dossiers.due_at' }, { column: 'dossiers.id' }]
          : [{ column: 'dossiers.id', order: 'desc' }],
      )
      .limit(filters.limit)
      .offset(filters.offset)
      .select('dossiers.*', 'procedures.name as procedure_name', 'procedure_versions.number as version_number'),
  ]);
  return { total: Number(counted?.n ?? 0), items: rows.map((row) => summary(ctx, row)) };
}

function visibleAt(query: Knex.QueryBuilder, unitCode: string): void {
  query.where((w) =>
    w
      .where('dossiers.unit_code', unitCode)
      .orWhere('dossiers.competent_unit_code', unitCode)
      .orWhere('dossiers.handling_unit_code', unitCode)
      .orWhereExists((sub) =>
        sub.select(1).from('tasks').whereRaw('tasks.dossier_id = dossiers.id').where('tasks.unit_code', unitCode),
      ),
  );
}

/** `text` as a literal inside a LIKE pattern escaped with a backslash. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function summary(
  ctx: DossierContext,
  row: DossierRow & { procedure_name: string; version_number: number },
): DossierSummary {
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    procedureVersion: Number(row.version_number),
    ...unitsOf(row, ctx.units),
    statusCode: row.status_code,
    statusLabel: STATUSES[row.status_code as StatusCode].label,
    applicantName: row.applicant_name,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
    onTime: onTime(row),
    lateRisk: row.late_risk_at !== null,
    late: row.late_at !== null,
  };
}
