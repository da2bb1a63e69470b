import type { Knex } from 'knex';
import { foldText } from '../vocabulary/search-text.js';
import type { ChainHead } from '../audit/log.js';
import { VersionConflict } from './errors.js';

export interface DossierRow {
  id: number;
  code: string;
  procedure_code: string;
  version_id: number;
  unit_code: string;
  channel: string;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  data: string;
  status_code: number;
  received_by: number | null;
  received_at: string;
  due_at: string | null;
  finished_at: string | null;
  version: number;
  last_hash: string;
  updated_at: string;
  clock_started_at: string | null;
  appointment_at: string | null;
  paused_at: string | null;
  paused_minutes: number;
  missing_items: string | null;
  status_reason: string | null;
  returned_at: string | null;
  late_risk_at: string | null;
  late_at: string | null;
  late_activity_id: string | null;
  late_unit_code: string | null;
  /** The competent unit a desk received the dossier for (receipt regardless of administrative boundary), else null. */
  competent_unit_code: string | null;
  /** The successor a reorganisation handed the dossier's desk to, else null. */
  handling_unit_code: string | null;
  /** Where the applicant collects the result: `desk`, `competent` or `post` (see vocabulary/result-returns). */
  result_return: string;
  /** What the desk received, JSON `ReceivedDocument[]` (see received-documents.ts); null when not recorded. */
  received_documents: string | null;
  /** How many times the appointment was extended (Mẫu 04). */
  extension_count: number;
  /** When every document received had its scan attached and checked (at submission online); null until then. */
  digitised_at: string | null;
}

/** The unit at whose desk the dossier is handled: the receiving unit, or its successor after a reorganisation. */
export function deskOf(dossier: Pick<DossierRow, 'unit_code' | 'competent_unit_code' | 'handling_unit_code'>): string {
  return dossier.handling_unit_code ?? dossier.competent_unit_code ?? dossier.unit_code;
}

/** Columns a new dossier starts with besides those given at receipt. */
export const NEW_DOSSIER_DEFAULTS = {
  finished_at: null,
  version: 0,
  clock_started_at: null,
  appointment_at: null,
  paused_at: null,
  paused_minutes: 0,
  missing_items: null,
  status_reason: null,
  returned_at: null,
  late_risk_at: null,
  late_at: null,
  late_activity_id: null,
  late_unit_code: null,
  competent_unit_code: null,
  handling_unit_code: null,
  result_return: 'desk',
  received_documents: null,
  extension_count: 0,
  digitised_at: null,
} as const;

export interface PauseRow {
  id: number;
  dossier_id: number;
  status_code: number;
  status_before: number;
  reason: string;
  items: string | null;
  started_by: number | null;
  started_at: string;
  ended_by: number | null;
  ended_at: string | null;
  working_minutes: number | null;
}

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

export interface TaskRow {
  id: number;
  dossier_id: number;
  activity_id: string;
  execution_id: string;
  name: string;
  role: string;
  unit_code: string;
  status: TaskStatus;
  outcomes: string;
  budget_hours: number | null;
  created_at: string;
  due_at: string | null;
  claimed_by: number | null;
  /** The claimer's full name, read with the task (not a column). */
  claimed_by_name?: string | null;
  claimed_at: string | null;
  completed_by: number | null;
  completed_at: string | null;
  outcome: string | null;
  comment: string | null;
  result_data: string | null;
  reminded_at: string | null;
  escalated_at: string | null;
}

export interface InboxFilter {
  procedure?: string | undefined;
  status?: 'open' | 'claimed' | undefined;
  limit: number;
  offset: number;
}

export type InboxRow = TaskRow & {
  dossier_code: string;
  procedure_code: string;
  procedure_name: string;
  applicant_name: string;
  dossier_status_code: number;
  dossier_due_at: string | null;
  dossier_unit_code: string;
  dossier_received_at: string;
};

export const OPEN_STATUSES: readonly TaskStatus[] = ['open', 'claimed'];

/** The SQL of the dossiers room: dossier rows, engine state, tasks and code sequences. */
export class DossierRepository {
  private readonly versionNumbers = new Map<number, number>();

  /** `reads`: where reads outside a transaction go (see Database.reads); writes take the caller's transaction. */
  constructor(private readonly reads: Knex) {}

  /** Next number in an agency's daily sequence; allocated in the caller's transaction, never handed out twice. */
  async nextSequence(trx: Knex.Transaction, agencyId: string, day: string): Promise<number> {
    const [row] = await trx('dossier_sequences')
      .insert({ agency_id: agencyId, day, last_seq: 1 })
      .onConflict(['agency_id', 'day'])
      .merge({ last_seq: trx.raw('dossier_sequences.last_seq + 1') })
      .returning('last_seq');
    return Number((row as { last_seq: number }).last_seq);
  }

  async insertDossier(trx: Knex.Transaction, row: Omit<DossierRow, 'id'>): Promise<number> {
    const [inserted] = await trx('dossiers')
      .insert({ ...row, applicant_search: foldText(row.applicant_name) })
      .returning('id');
    return Number((inserted as { id: number }).id);
  }

  /** Stores the engine state of a dossier (the first store creates the row). */
  async saveState(trx: Knex.Transaction, dossierId: number, state: string): Promise<void> {
    await trx('dossier_states').insert({ dossier_id: dossierId, state }).onConflict('dossier_id').merge();
  }

  /**
   * Moves the dossier's head (its version, the number of events so far, and the last hash) from `from` to `to`, only
   * if nobody else moved it: this guard is what makes two concurrent changes of one dossier serialize.
   */
  async moveHead(trx: Knex.Transaction, from: ChainHead, to: ChainHead, at: string): Promise<void> {
    const moved = await trx('dossiers')
      .where({ id: from.dossierId, version: from.version })
      .update({ version: to.version, last_hash: to.lastHash, updated_at: at });
    if (moved !== 1) throw new VersionConflict(from.dossierId);
  }

  async updateDossier(trx: Knex.Transaction, id: number, changes: Partial<DossierRow>): Promise<void> {
    if (Object.keys(changes).length) await trx('dossiers').where({ id }).update(changes);
  }

  async byCode(code: string, db: Knex = this.reads): Promise<DossierRow | undefined> {
    return db('dossiers').where({ code }).first();
  }

  async byId(id: number, db: Knex = this.reads): Promise<DossierRow | undefined> {
    return db('dossiers').where({ id }).first();
  }

  async stateOf(dossierId: number): Promise<string> {
    const row = await this.reads('dossier_states').where({ dossier_id: dossierId }).first('state');
    return row.state;
  }

  async taskById(id: number, db: Knex = this.reads): Promise<TaskRow | undefined> {
    return withClaimer(db).where('tasks.id', id).first();
  }

  /** Dossiers of a procedure version whose result is not ready yet, in receipt order. */
  async unfinishedOfVersion(procedureCode: string, versionId: number): Promise<DossierRow[]> {
    return this.reads('dossiers')
      .where({ procedure_code: procedureCode, version_id: versionId })
      .whereNull('finished_at')
      .orderBy('id');
  }

  /** A version's number never changes once it exists: it is read once. */
  async versionNumber(versionId: number): Promise<number> {
    const known = this.versionNumbers.get(versionId);
    if (known !== undefined) return known;
    const number = Number((await this.reads('procedure_versions').where({ id: versionId }).first('number')).number);
    this.versionNumbers.set(versionId, number);
    return number;
  }

  async versionOf(procedureCode: string, number: number): Promise<{ id: number; status: string } | undefined> {
    return this.reads('procedure_versions').where({ procedure_code: procedureCode, number }).first('id', 'status');
  }

  /** Every task a dossier has had, in the order they were opened. */
  async tasksOf(dossierId: number): Promise<TaskRow[]> {
    return withClaimer(this.reads).where('tasks.dossier_id', dossierId).orderBy('tasks.id');
  }

  async userNames(ids: readonly (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const rows = wanted.length ? await this.reads('users').whereIn('id', wanted).select('id', 'full_name') : [];
    return new Map(rows.map((r: { id: number; full_name: string }) => [Number(r.id), r.full_name]));
  }

  /** A dossier's events of the given types, oldest first, payloads parsed. */
  async eventsOfType(
    dossierId: number,
    types: readonly string[],
  ): Promise<{ seq: number; type: string; at: string; actorId: number | null; payload: Record<string, unknown> }[]> {
    const rows = await this.reads('dossier_events')
      .where({ dossier_id: dossierId })
      .whereIn('type', types)
      .orderBy('seq')
      .select('seq', 'type', 'at', 'actor_id', 'payload');
    return rows.map((r: { seq: number; type: string; at: string; actor_id: number | null; payload: string }) => ({
      seq: r.seq,
      type: r.type,
      at: r.at,
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      payload: JSON.parse(r.payload),
    }));
  }

  async openTasks(dossierId: number, db: Knex = this.reads): Promise<TaskRow[]> {
    return withClaimer(db)
      .where('tasks.dossier_id', dossierId)
      .whereIn('tasks.status', OPEN_STATUSES)
      .orderBy('tasks.id');
  }

  async insertTask(trx: Knex.Transaction, row: Omit<TaskRow, 'id' | 'reminded_at' | 'escalated_at'>): Promise<number> {
    const [inserted] = await trx('tasks').insert(row).returning('id');
    return Number((inserted as { id: number }).id);
  }

  /** Marks a task completed unless someone else completed or claimed it first; false when they did. */
  async completeTask(
    trx: Knex.Transaction,
    id: number,
    actorId: number,
    result: { at: string; outcome: string | null; comment: string | null; data: string | null },
  ): Promise<boolean> {
    const changed = await trx('tasks')
      .where({ id })
      .whereIn('status', OPEN_STATUSES)
      .andWhere((q) => q.whereNull('claimed_by').orWhere('claimed_by', actorId))
      .update({
        status: 'completed',
        claimed_by: actorId,
        claimed_at: trx.raw('coalesce(claimed_at, ?)', [result.at]),
        completed_by: actorId,
        completed_at: result.at,
        outcome: result.outcome,
        comment: result.comment,
        result_data: result.data,
      });
    return changed === 1;
  }

  async cancelTasks(trx: Knex.Transaction, ids: readonly number[], at: string): Promise<void> {
    if (ids.length) await trx('tasks').whereIn('id', ids).update({ status: 'cancelled', completed_at: at });
  }

  async updateTask(trx: Knex.Transaction, id: number, changes: Partial<TaskRow>): Promise<void> {
    await trx('tasks').where({ id }).update(changes);
  }

  /** Sets a task's timestamp column once; false when it was already set (a job ran twice). */
  async markTaskOnce(
    trx: Knex.Transaction,
    id: number,
    column: 'reminded_at' | 'escalated_at',
    at: string,
  ): Promise<boolean> {
    return (
      (await trx('tasks')
        .where({ id })
        .whereNull(column)
        .update({ [column]: at })) === 1
    );
  }

  /** Sets a dossier's timestamp column once; false when it was already set. */
  async markDossierOnce(
    trx: Knex.Transaction,
    id: number,
    column: 'late_risk_at' | 'late_at',
    changes: Partial<DossierRow>,
  ): Promise<boolean> {
    return (await trx('dossiers').where({ id }).whereNull(column).update(changes)) === 1;
  }

  async insertPause(
    trx: Knex.Transaction,
    row: Omit<PauseRow, 'id' | 'ended_by' | 'ended_at' | 'working_minutes'>,
  ): Promise<void> {
    await trx('dossier_pauses').insert(row);
  }

  async currentPause(dossierId: number, db: Knex = this.reads): Promise<PauseRow | undefined> {
    return db('dossier_pauses').where({ dossier_id: dossierId }).whereNull('ended_at').orderBy('id', 'desc').first();
  }

  async endPause(
    trx: Knex.Transaction,
    id: number,
    actorId: number,
    at: string,
    workingMinutes: number,
  ): Promise<void> {
    await trx('dossier_pauses')
      .where({ id })
      .update({ ended_by: actorId, ended_at: at, working_minutes: workingMinutes });
  }

  async pauses(dossierId: number): Promise<PauseRow[]> {
    return this.reads('dossier_pauses').where({ dossier_id: dossierId }).orderBy('id');
  }

  async insertAlerts(
    trx: Knex.Transaction,
    rows: {
      dossier_id: number;
      task_id: number | null;
      kind: string;
      unit_code: string;
      role: string;
      message: string;
      raised_at: string;
    }[],
  ): Promise<void> {
    if (rows.length) await trx('alerts').insert(rows);
  }

  /** Claims an open task for the actor; false when it is no longer open. */
  async claimTask(trx: Knex.Transaction, id: number, actorId: number, at: string): Promise<boolean> {
    const changed = await trx('tasks')
      .where({ id, status: 'open' })
      .update({ status: 'claimed', claimed_by: actorId, claimed_at: at });
    return changed === 1;
  }

  /** Gives an open task to an officer (claimed by them), or back to the unit's pool (null); false when it changed meanwhile. */
  async assignTask(
    trx: Knex.Transaction,
    id: number,
    holderId: number | null,
    to: number | null,
    at: string,
  ): Promise<boolean> {
    const changed = await trx('tasks')
      .where({ id })
      .whereIn('status', OPEN_STATUSES)
      .andWhere((q) => (holderId === null ? q.whereNull('claimed_by') : q.where('claimed_by', holderId)))
      .update(
        to === null
          ? { status: 'open', claimed_by: null, claimed_at: null }
          : { status: 'claimed', claimed_by: to, claimed_at: at },
      );
    return changed === 1;
  }

  /** Active users of a unit, by name. */
  async usersOf(unitCode: string): Promise<{ id: number; username: string; full_name: string; roles: string }[]> {
    return this.reads('users')
      .where({ unit_code: unitCode, disabled: false })
      .orderBy('full_name')
      .select('id', 'username', 'full_name', 'roles');
  }

  /** Open tasks of the given roles at a unit, the most urgent first, with what the inbox shows of their dossier. */
  async inbox(unitCode: string, roles: readonly string[], filter: InboxFilter): Promise<InboxRow[]> {
    const query = withClaimer(this.reads)
      .join('dossiers', 'dossiers.id', 'tasks.dossier_id')
      .join('procedures', 'procedures.code', 'dossiers.procedure_code')
      .where('tasks.unit_code', unitCode)
      // Word for word the partial indexes `tasks_inbox` and, for one role, `tasks_inbox_role` (migrations 20261128000700
      // and 20261129000300), so that the page is read in order; test/dossiers/inbox-plan.test.ts checks it.
      .whereRaw("tasks.status IN ('open', 'claimed')")
      .whereIn('tasks.role', roles);
    if (filter.procedure) query.where('dossiers.procedure_code', filter.procedure);
    if (filter.status) query.where('tasks.status', filter.status);
    return query
      .orderByRaw("coalesce(tasks.due_at, '9999-12-31T23:59:59.999Z'), tasks.id")
      .limit(filter.limit)
      .offset(filter.offset)
      .select(
        'dossiers.code as dossier_code',
        'dossiers.procedure_code',
        'procedures.name as procedure_name',
        'dossiers.applicant_name',
        'dossiers.status_code as dossier_status_code',
        'dossiers.due_at as dossier_due_at',
        'dossiers.unit_code as dossier_unit_code',
        'dossiers.received_at as dossier_received_at',
      );
  }

  /** Units a dossier was received at or has had a task at. */
  async unitsInvolved(dossier: DossierRow, db: Knex = this.reads): Promise<string[]> {
    const rows = await db('tasks').where({ dossier_id: dossier.id }).distinct('unit_code');
    return [
      dossier.unit_code,
      ...(dossier.competent_unit_code ? [dossier.competent_unit_code] : []),
      ...(dossier.handling_unit_code ? [dossier.handling_unit_code] : []),
      ...rows.map((r: { unit_code: string }) => r.unit_code),
    ];
  }
}

/** Tasks with the full name of whoever claimed them (`claimed_by_name`); filters name their columns `tasks.…`. */
function withClaimer(db: Knex) {
  return db('tasks')
    .leftJoin('users as claimer', 'claimer.id', 'tasks.claimed_by')
    .select('tasks.*', 'claimer.full_name as claimed_by_name');
}
