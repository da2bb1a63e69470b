import type { Knex } from 'knex';
import { DefinitionCache, parseDefinition, sha256, type ProcessDefinition } from '../engine/definitions.js';
import { Conflict, NotFound } from '../errors.js';
import type { ProcedureManifest } from './shipped.js';

export interface Procedure {
  code: string;
  name: string;
  field: string;
  levels: string[];
  departmentCode: string | null;
  agency: string | null;
  timeLimitHours: number | null;
  /** Due at the end of the working day on which counting starts ("ngay trong ngày"). */
  sameDay: boolean;
  /** Received at or after this local time (HH:MM), counting starts the next working day. */
  cutoffTime: string | null;
  timeLimitText: string | null;
  fee: string | null;
  onlineLevel: string | null;
  documents: { name: string; quantity?: string }[];
  formSchema: Record<string, unknown> | null;
  status: 'active' | 'abolished';
}

export interface ProcedureVersion {
  id: number;
  procedureCode: string;
  number: number;
  status: string;
  sha256: string;
  processId: string;
  validFrom: string | null;
  validTo: string | null;
  publishedAt: string | null;
}

/** Procedures, their BPMN versions, and the parsed definition of each version. */
export class Catalogue {
  private readonly xmlByVersion = new Map<number, Promise<{ xml: string; sha256: string }>>();

  constructor(
    private readonly knex: Knex,
    private readonly definitions = new DefinitionCache(),
  ) {}

  async list(): Promise<Procedure[]> {
    return (await this.knex('procedures').select('*').orderBy('code')).map(toProcedure);
  }

  /** A procedure; pass the transaction when inside one (SQLite has a single connection). */
  async get(code: string, db: Knex = this.knex): Promise<Procedure> {
    const row = await db('procedures').where({ code }).first();
    if (!row) throw new NotFound('unknown-procedure', `Không có thủ tục hành chính mã "${code}".`);
    return toProcedure(row);
  }

  /** The published version in force at an instant (a dossier binds to it at receipt). */
  async versionInForce(code: string, at: Date): Promise<ProcedureVersion> {
    const instant = at.toISOString();
    const row = await this.knex('procedure_versions')
      .where({ procedure_code: code, status: 'published' })
      .andWhere((q) => q.whereNull('valid_from').orWhere('valid_from', '<=', instant))
      .andWhere((q) => q.whereNull('valid_to').orWhere('valid_to', '>', instant))
      .orderByRaw('valid_from is null, valid_from desc')
      .first();
    if (!row) throw new Conflict('no-version-in-force', `Thủ tục "${code}" chưa có quy trình được công bố có hiệu lực.`);
    return toVersion(row);
  }

  /** The parsed definition of a version; each version is parsed once per process. */
  async definitionOf(versionId: number): Promise<ProcessDefinition> {
    let source = this.xmlByVersion.get(versionId);
    if (!source) {
      source = this.knex('procedure_versions')
        .where({ id: versionId })
        .first('bpmn_xml', 'sha256')
        .then((row) => ({ xml: row.bpmn_xml as string, sha256: row.sha256 as string }));
      this.xmlByVersion.set(versionId, source);
      source.catch(() => this.xmlByVersion.delete(versionId));
    }
    const { xml, sha256: hash } = await source;
    return this.definitions.get(xml, hash);
  }

  /** Adds a procedure with its first version published, in force from `validFrom` (null: always). */
  async addPublished(
    trx: Knex.Transaction,
    manifest: ProcedureManifest,
    bpmnXml: string,
    at: Date,
    validFrom: string | null = null,
  ): Promise<void> {
    const definition = await parseDefinition(bpmnXml);
    await trx('procedures').insert({
      code: manifest.code,
      name: manifest.name,
      field: manifest.field,
      levels: JSON.stringify(manifest.levels),
      department_code: manifest.departmentCode,
      agency: manifest.agency,
      time_limit_hours: manifest.timeLimit.hours,
      same_day: manifest.timeLimit.sameDay ?? false,
      cutoff_time: manifest.timeLimit.cutoff ?? null,
      time_limit_text: manifest.timeLimit.text,
      fee: manifest.fee,
      online_level: manifest.onlineLevel,
      documents: JSON.stringify(manifest.documents),
      form_schema: manifest.formSchema ? JSON.stringify(manifest.formSchema) : null,
      status: 'active',
      created_at: at.toISOString(),
    });
    await trx('procedure_versions').insert({
      procedure_code: manifest.code,
      number: 1,
      status: 'published',
      bpmn_xml: bpmnXml,
      sha256: sha256(bpmnXml),
      process_id: definition.processId,
      created_at: at.toISOString(),
      published_at: at.toISOString(),
      valid_from: validFrom,
    });
  }
}

function toProcedure(row: Record<string, unknown>): Procedure {
  return {
    code: String(row.code),
    name: String(row.name),
    field: String(row.field),
    levels: JSON.parse(String(row.levels)),
    departmentCode: (row.department_code as string | null) ?? null,
    agency: (row.agency as string | null) ?? null,
    timeLimitHours: row.time_limit_hours === null ? null : Number(row.time_limit_hours),
    sameDay: Boolean(row.same_day),
    cutoffTime: (row.cutoff_time as string | null) ?? null,
    timeLimitText: (row.time_limit_text as string | null) ?? null,
    fee: (row.fee as string | null) ?? null,
    onlineLevel: (row.online_level as string | null) ?? null,
    documents: JSON.parse(String(row.documents)),
    formSchema: row.form_schema ? JSON.parse(String(row.form_schema)) : null,
    status: row.status as Procedure['status'],
  };
}

function toVersion(row: Record<string, unknown>): ProcedureVersion {
  return {
    id: Number(row.id),
    procedureCode: String(row.procedure_code),
    number: Number(row.number),
    status: String(row.status),
    sha256: String(row.sha256),
    processId: String(row.process_id),
    validFrom: (row.valid_from as string | null) ?? null,
    validTo: (row.valid_to as string | null) ?? null,
    publishedAt: (row.published_at as string | null) ?? null,
  };
}
