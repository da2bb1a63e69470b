import type { Knex } from 'knex';
import { sha256, type DefinitionCache, type ProcessDefinition } from '../engine/definitions.js';
import { Conflict, NotFound, Unprocessable } from '../errors.js';
import { processIdOf } from './process-id.js';
import { withRequired, type ListedDocument, type ProcedureDocument } from './documents.js';
import type { ProcedureManifest } from './shipped.js';

export interface Procedure {
  code: string;
  name: string;
  field: string;
  levels: string[];
  departmentCode: string | null;
  /** The department that owns the procedure's process (models and submits its diagrams). */
  ownerCode: string | null;
  agency: string | null;
  timeLimitHours: number | null;
  /** Due at the end of the working day on which counting starts ("ngay trong ngày"). */
  sameDay: boolean;
  /** Received at or after this local time (HH:MM), counting starts the next working day. */
  cutoffTime: string | null;
  timeLimitText: string | null;
  fee: string | null;
  onlineLevel: string | null;
  documents: ListedDocument[];
  formSchema: Record<string, unknown> | null;
  /** Abolished once `validTo` has passed: it takes no new dossier. */
  status: 'active' | 'abolished';
  validTo: string | null;
}

/** The procedure fields an administrator or VPUBND sets (the catalogue's metadata of a procedure). */
export type ProcedureFields = Omit<Procedure, 'status' | 'validTo' | 'documents'> & { documents: ProcedureDocument[] };

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
  /** The content hash of each version met, to find its definition in the cache without reading its XML again. */
  private readonly hashByVersion = new Map<number, string>();

  constructor(
    private readonly knex: Knex,
    private readonly definitions: DefinitionCache,
    private readonly clock: () => Date = () => new Date(),
    /** Reads outside a transaction (see Database.reads). */
    private readonly reads: Knex = knex,
  ) {}

  async list(): Promise<Procedure[]> {
    const now = this.clock().toISOString();
    return (await this.knex('procedures').select('*').orderBy('code')).map((row) => toProcedure(row, now));
  }

  /** A procedure; pass the transaction when inside one (SQLite has a single connection). */
  async get(code: string, db: Knex = this.reads): Promise<Procedure> {
    const row = await db('procedures').where({ code }).first();
    if (!row) throw new NotFound('unknown-procedure', `Không có thủ tục hành chính mã "${code}".`);
    return toProcedure(row, this.clock().toISOString());
  }

  async exists(code: string): Promise<boolean> {
    return Boolean(await this.knex('procedures').where({ code }).first('code'));
  }

  /** Adds a procedure (its diagram comes as versions); 409 when the code exists. */
  async create(fields: ProcedureFields): Promise<Procedure> {
    if (await this.knex('procedures').where({ code: fields.code }).first('code')) {
      throw new Conflict('procedure-exists', `Thủ tục mã "${fields.code}" đã có trong danh mục.`);
    }
    await this.assertUnitsExist(fields);
    await this.knex('procedures').insert({ ...procedureRow(fields), created_at: this.clock().toISOString() });
    return this.get(fields.code);
  }

  /** Changes a procedure's metadata (name, limits, fee, documents, form…); its diagrams change through versions. */
  async update(code: string, fields: Partial<Omit<ProcedureFields, 'code'>>): Promise<Procedure> {
    const current = await this.get(code);
    await this.assertUnitsExist(fields);
    await this.knex('procedures')
      .where({ code })
      .update(procedureRow({ ...current, ...fields, code }));
    return this.get(code);
  }

  /** The department and owner named (if any) are units of the directory (422 otherwise, before any write). */
  private async assertUnitsExist(
    fields: Partial<Pick<ProcedureFields, 'departmentCode' | 'ownerCode'>>,
  ): Promise<void> {
    for (const [field, code] of [
      ['departmentCode', fields.departmentCode],
      ['ownerCode', fields.ownerCode],
    ] as const) {
      if (code && !(await this.knex('units').where({ code }).first('code'))) {
        throw new Unprocessable('unknown-unit', `Không có đơn vị mã "${code}".`, {
          errors: [{ field: `/${field}`, message: 'Không có đơn vị này.' }],
        });
      }
    }
  }

  /** Retires a procedure from `at`: no new dossier from then on (in-flight ones finish), recorded with the announcement change. */
  async abolish(
    trx: Knex.Transaction,
    code: string,
    at: string,
    by: { actorId: number; changeId: number; now: string },
  ): Promise<void> {
    await trx('procedures').where({ code }).update({ valid_to: at });
    await trx('procedure_versions')
      .where({ procedure_code: code, status: 'published' })
      .whereNull('valid_to')
      .update({ valid_to: at });
    await trx('catalogue_events').insert({
      procedure_code: code,
      type: 'procedure.abolished',
      actor_id: by.actorId,
      at: by.now,
      payload: JSON.stringify({ validTo: at, changeId: by.changeId }),
    });
  }

  async versionInForceOrNull(code: string, at: Date): Promise<ProcedureVersion | null> {
    try {
      return await this.versionInForce(code, at);
    } catch (err) {
      if (err instanceof Conflict) return null;
      throw err;
    }
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
    if (!row)
      throw new Conflict('no-version-in-force', `Thủ tục "${code}" chưa có quy trình được công bố có hiệu lực.`);
    return toVersion(row);
  }

  /** The parsed definition of a version; each version is parsed once per process. */
  async definitionOf(versionId: number): Promise<ProcessDefinition> {
    const known = this.hashByVersion.get(versionId);
    const cached = known === undefined ? undefined : this.definitions.cached(known);
    if (cached) return cached;
    const row: { bpmn_xml: string; sha256: string } = await this.knex('procedure_versions')
      .where({ id: versionId })
      .first('bpmn_xml', 'sha256');
    this.hashByVersion.set(versionId, row.sha256);
    return this.definitions.get(row.bpmn_xml, row.sha256);
  }

  /** Adds a procedure with its first version published, in force from `validFrom` (null: always). */
  addPublished(
    trx: Knex.Transaction,
    manifest: ProcedureManifest,
    bpmnXml: string,
    at: Date,
    validFrom: string | null = null,
  ): Promise<void> {
    return addPublishedProcedure(trx, manifest, bpmnXml, at, validFrom);
  }
}

/** Adds a procedure with its first version published (a new database's seed, a test's own procedure). */
export async function addPublishedProcedure(
  trx: Knex.Transaction,
  manifest: ProcedureManifest,
  bpmnXml: string,
  at: Date,
  validFrom: string | null = null,
): Promise<void> {
  await trx('procedures').insert({ ...procedureRow(fromManifest(manifest)), created_at: at.toISOString() });
  await trx('procedure_versions').insert({
    procedure_code: manifest.code,
    number: 1,
    status: 'published',
    bpmn_xml: bpmnXml,
    sha256: sha256(bpmnXml),
    process_id: processIdOf(bpmnXml),
    created_at: at.toISOString(),
    published_at: at.toISOString(),
    valid_from: validFrom,
  });
}

function fromManifest(m: ProcedureManifest): ProcedureFields {
  return {
    code: m.code,
    name: m.name,
    field: m.field,
    levels: m.levels,
    departmentCode: m.departmentCode,
    ownerCode: m.ownerCode ?? null,
    agency: m.agency,
    timeLimitHours: m.timeLimit.hours,
    sameDay: m.timeLimit.sameDay ?? false,
    cutoffTime: m.timeLimit.cutoff ?? null,
    timeLimitText: m.timeLimit.text,
    fee: m.fee,
    onlineLevel: m.onlineLevel,
    documents: m.documents,
    formSchema: m.formSchema,
  };
}

function procedureRow(p: ProcedureFields) {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    levels: JSON.stringify(p.levels),
    department_code: p.departmentCode,
    owner_code: p.ownerCode,
    agency: p.agency,
    time_limit_hours: p.timeLimitHours,
    same_day: p.sameDay,
    cutoff_time: p.cutoffTime,
    time_limit_text: p.timeLimitText,
    fee: p.fee,
    online_level: p.onlineLevel,
    documents: JSON.stringify(p.documents),
    form_schema: p.formSchema ? JSON.stringify(p.formSchema) : null,
    status: 'active',
  };
}

function toProcedure(row: Record<string, unknown>, now: string): Procedure {
  return {
    code: String(row.code),
    name: String(row.name),
    field: String(row.field),
    levels: JSON.parse(String(row.levels)),
    departmentCode: (row.department_code as string | null) ?? null,
    ownerCode: (row.owner_code as string | null) ?? null,
    agency: (row.agency as string | null) ?? null,
    timeLimitHours: row.time_limit_hours === null ? null : Number(row.time_limit_hours),
    sameDay: Boolean(row.same_day),
    cutoffTime: (row.cutoff_time as string | null) ?? null,
    timeLimitText: (row.time_limit_text as string | null) ?? null,
    fee: (row.fee as string | null) ?? null,
    onlineLevel: (row.online_level as string | null) ?? null,
    documents: withRequired(JSON.parse(String(row.documents))),
    formSchema: row.form_schema ? JSON.parse(String(row.form_schema)) : null,
    status: row.valid_to && String(row.valid_to) <= now ? 'abolished' : 'active',
    validTo: (row.valid_to as string | null) ?? null,
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
