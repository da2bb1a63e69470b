import type { Static } from 'typebox';
import { authorize, type Actor } from '../auth/policy.js';
import type { RegisterEntry as RegisterEntrySchema } from '../http/routes/units/schemas.js';
import type { Channel } from '../vocabulary/channels.js';
import { addDays, localDate, startOfLocalDay } from '../calendar/index.js';
import { Unprocessable } from '../errors.js';
import { UnknownUnit } from '../units/errors.js';
import { NEW, REFUSED, STOPPED, WITHDRAWN, statusLabel } from '../vocabulary/statuses.js';
import type { DossierContext } from './context.js';
import type { DossierRow } from './repository.js';
import { escapeLike } from './search.js';
import { foldText } from '../vocabulary/search-text.js';

/** The register's period and search: local days, both included; part of a code or of the applicant's name. */
export interface RegisterQuery {
  unitCode: string;
  from: string;
  to: string;
  q?: string | undefined;
  procedureCode?: string | undefined;
  limit: number;
  offset: number;
}

/** One line of the register (sổ theo dõi hồ sơ); the schema is the one declaration of its shape. */
export type RegisterEntry = Static<typeof RegisterEntrySchema>;

/** The longest period one register covers; a longer one is asked for in parts. */
const MAX_DAYS = 366;

/**
 * The unit's register over a period: every dossier received at its desk or for it (not one submitted online and not yet
 * received), in the order received. Staff of the unit and the oversight roles may read it.
 */
export async function register(
  ctx: DossierContext,
  actor: Actor,
  query: RegisterQuery,
): Promise<{ total: number; items: RegisterEntry[] }> {
  authorize(actor, 'register:read', { unitCode: query.unitCode });
  if (!ctx.units.get(query.unitCode)) throw new UnknownUnit(query.unitCode, 404);
  const from = startOfLocalDay(query.from);
  const to = startOfLocalDay(addDays(query.to, 1));
  if (from >= to || (Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS) {
    throw new Unprocessable(
      'period-invalid',
      `Khoảng thời gian phải từ 1 đến ${MAX_DAYS} ngày, ngày đầu trước ngày cuối.`,
    );
  }
  const q = ctx
    .knex('dossiers as d')
    .where((w) => w.where('d.unit_code', query.unitCode).orWhere('d.competent_unit_code', query.unitCode))
    .where('d.received_at', '>=', from)
    .where('d.received_at', '<', to)
    .whereNot('d.status_code', NEW);
  const text = query.q?.trim();
  if (text) {
    q.where((w) =>
      w
        .whereRaw("d.code like ? escape '\\'", [`%${escapeLike(text.toUpperCase())}%`])
        .orWhereRaw("d.applicant_search like ? escape '\\'", [`%${escapeLike(foldText(text))}%`])
        .orWhere('d.applicant_id_number', text),
    );
  }
  if (query.procedureCode) q.where('d.procedure_code', query.procedureCode);
  const [counted, rows] = await Promise.all([
    q.clone().count({ n: '*' }).first(),
    q
      .join('procedures as p', 'p.code', 'd.procedure_code')
      .orderBy([{ column: 'd.received_at' }, { column: 'd.id' }])
      .limit(query.limit)
      .offset(query.offset)
      .select(
        'd.*',
        'p.name as procedure_name',
        ctx.knex.raw(
          '(select min(t.created_at) from tasks t where t.dossier_id = d.id and t.unit_code <> d.unit_code) as transferred_at',
        ),
      ),
  ]);
  return { total: Number(counted?.n ?? 0), items: rows.map((row) => entry(ctx, row)) };
}

function entry(
  ctx: DossierContext,
  row: DossierRow & { procedure_name: string; transferred_at: string | null },
): RegisterEntry {
  const day = localDate(new Date(row.received_at));
  const competent = row.competent_unit_code ?? row.unit_code;
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    applicantName: row.applicant_name,
    applicantIdNumber: row.applicant_id_number,
    applicantPhone: row.applicant_phone,
    receivingUnitCode: row.unit_code,
    receivingUnitName: ctx.units.nameAt(row.unit_code, day) ?? row.unit_code,
    competentUnitName: ctx.units.nameAt(competent, day) ?? competent,
    channel: row.channel as Channel,
    receivedAt: row.received_at,
    appointmentAt: row.appointment_at,
    transferredAt: row.transferred_at,
    finishedAt: row.finished_at,
    returnedAt: row.returned_at,
    statusCode: row.status_code,
    statusLabel: statusLabel(row.status_code),
    note: noteOf(row),
  };
}

function noteOf(row: DossierRow): string | null {
  if (row.status_code === REFUSED) return `Từ chối tiếp nhận: ${row.status_reason ?? ''}`.trim();
  if (row.status_code === WITHDRAWN) return 'Người nộp rút hồ sơ';
  if (row.status_code === STOPPED) return `Dừng giải quyết: ${row.status_reason ?? ''}`.trim();
  if (row.finished_at && row.due_at && row.finished_at > row.due_at) return 'Giải quyết quá hạn';
  if (!row.finished_at && row.late_at) return 'Đã quá hạn, đang giải quyết';
  return null;
}
