import type { Knex } from 'knex';

/** An event as stored. */
export interface StoredEvent {
  seq: number;
  type: string;
  actor_id: number | null;
  actor_unit: string | null;
  at: string;
  payload: string;
  bpmn_sha256: string | null;
  hash: string;
}

/** An event's payload as an object; an unreadable (tampered) payload reads as empty, verification reports it. */
export function payloadOf(event: { payload: string }): Record<string, unknown> {
  try {
    const value = JSON.parse(event.payload) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What the audit needs of a dossier: where its chain should end and which process version it runs. */
export interface AuditedDossier {
  id: number;
  code: string;
  procedure_code: string;
  version_id: number;
  version: number;
  last_hash: string;
}

/** Read-only queries of the audit room. */
export class AuditRepository {
  constructor(private readonly knex: Knex) {}

  dossier(code: string): Promise<AuditedDossier | undefined> {
    return this.knex('dossiers')
      .where({ code })
      .first('id', 'code', 'procedure_code', 'version_id', 'version', 'last_hash');
  }

  /** Every dossier id and code, in receipt order, a page at a time. */
  dossierPage(afterId: number, limit: number): Promise<{ id: number; code: string }[]> {
    return this.knex('dossiers').where('id', '>', afterId).orderBy('id').limit(limit).select('id', 'code');
  }

  async countDossiers(): Promise<number> {
    return Number((await this.knex('dossiers').count({ n: '*' }).first())!.n);
  }

  events(dossierId: number): Promise<StoredEvent[]> {
    return this.knex('dossier_events')
      .where({ dossier_id: dossierId })
      .orderBy([{ column: 'seq' }, { column: 'id' }])
      .select('seq', 'type', 'actor_id', 'actor_unit', 'at', 'payload', 'bpmn_sha256', 'hash');
  }

  /** The BPMN stored for a process version (read afresh: an audit must not trust a cache). */
  async versionXml(versionId: number): Promise<{ number: number; xml: string; sha256: string }> {
    const row = await this.knex('procedure_versions').where({ id: versionId }).first('number', 'bpmn_xml', 'sha256');
    return { number: row.number, xml: row.bpmn_xml, sha256: row.sha256 };
  }

  async versionByNumber(procedureCode: string, number: number): Promise<{ id: number; xml: string } | undefined> {
    const row = await this.knex('procedure_versions')
      .where({ procedure_code: procedureCode, number })
      .first('id', 'bpmn_xml');
    return row ? { id: row.id, xml: row.bpmn_xml } : undefined;
  }

  async userNames(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.knex('users')
      .whereIn('id', [...new Set(ids)])
      .select('id', 'full_name');
    return new Map(rows.map((r: { id: number; full_name: string }) => [Number(r.id), r.full_name]));
  }

  /** Human tasks of a version's dossiers, for the heatmap. */
  versionTasks(versionId: number): Promise<
    {
      activity_id: string;
      unit_code: string;
      status: string;
      created_at: string;
      completed_at: string | null;
      due_at: string | null;
    }[]
  > {
    return this.knex('tasks')
      .join('dossiers', 'dossiers.id', 'tasks.dossier_id')
      .where('dossiers.version_id', versionId)
      .whereNot('tasks.status', 'cancelled')
      .select(
        'tasks.activity_id',
        'tasks.unit_code',
        'tasks.status',
        'tasks.created_at',
        'tasks.completed_at',
        'tasks.due_at',
      );
  }

  /** Elements each dossier of a version has passed through (engine `activity.end` events). */
  versionPassages(versionId: number): Promise<{ dossier_id: number; payload: string }[]> {
    return this.knex('dossier_events')
      .join('dossiers', 'dossiers.id', 'dossier_events.dossier_id')
      .where('dossiers.version_id', versionId)
      .where('dossier_events.type', 'engine.activity.end')
      .select('dossier_events.dossier_id', 'dossier_events.payload');
  }
}
