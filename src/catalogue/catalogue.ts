import type { Knex } from 'knex';
import type { DefinitionCache, ProcessDefinition } from '../engine/definitions.js';
import { Conflict, Unprocessable } from '../errors.js';
import { recordCatalogueEvent } from './events-repository.js';
import type { Procedure, ProcedureFields, ProcedureVersion } from './procedure.js';
import {
  endProcedure,
  findProcedure,
  insertProcedure,
  listProcedures,
  procedureExists,
  unitExists,
  updateProcedure,
} from './procedures-repository.js';
import { fromManifest, type ProcedureManifest } from './shipped.js';
import { diagramOf, endOpenPublication, insertPublished, lastNumber, versionInForceAt } from './versions-repository.js';
import { ProcedureNotFound } from './errors.js';
import { UnknownUnit } from '../units/errors.js';

export type { Procedure, ProcedureFields, ProcedureVersion } from './procedure.js';

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
    return listProcedures(this.knex, this.clock().toISOString());
  }

  /** A procedure; pass the transaction when inside one (SQLite has a single connection). */
  async get(code: string, db: Knex = this.reads): Promise<Procedure> {
    const procedure = await findProcedure(db, code, this.clock().toISOString());
    if (!procedure) throw new ProcedureNotFound(code);
    return procedure;
  }

  async exists(code: string): Promise<boolean> {
    return procedureExists(this.knex, code);
  }

  /** Adds a procedure (its diagram comes as versions); 409 when the code exists. */
  async create(fields: ProcedureFields): Promise<Procedure> {
    if (await procedureExists(this.knex, fields.code)) {
      throw new Conflict('procedure-exists', `Thủ tục mã "${fields.code}" đã có trong danh mục.`);
    }
    await this.assertUnitsExist(fields);
    assertCasesOnForm(fields);
    await insertProcedure(this.knex, fields, this.clock().toISOString());
    return this.get(fields.code);
  }

  /** Changes a procedure's metadata (name, limits, fee, documents, form…); its diagrams change through versions. */
  async update(code: string, fields: Partial<Omit<ProcedureFields, 'code'>>): Promise<Procedure> {
    const current = await this.get(code);
    await this.assertUnitsExist(fields);
    assertCasesOnForm({ ...current, ...fields });
    await updateProcedure(this.knex, code, { ...current, ...fields, code });
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
      if (code && !(await unitExists(this.knex, code))) {
        throw new UnknownUnit(code, 422, {
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
    await endProcedure(trx, code, at);
    await endOpenPublication(trx, code, at);
    await recordCatalogueEvent(trx, {
      procedureCode: code,
      type: 'procedure.abolished',
      actorId: by.actorId,
      at: by.now,
      payload: { validTo: at, changeId: by.changeId },
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
    const version = await versionInForceAt(this.knex, code, at.toISOString());
    if (!version)
      throw new Conflict('no-version-in-force', `Thủ tục "${code}" chưa có quy trình được công bố có hiệu lực.`);
    return version;
  }

  /** The parsed definition of a version; each version is parsed once per process. */
  async definitionOf(versionId: number): Promise<ProcessDefinition> {
    const known = this.hashByVersion.get(versionId);
    const cached = known === undefined ? undefined : this.definitions.cached(known);
    if (cached) return cached;
    const row = await diagramOf(this.knex, versionId);
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

/** Each time-limit case names a field of the application form, and an answer it allows (422 otherwise, before any write). */
function assertCasesOnForm({
  timeLimitCases,
  formSchema,
}: Pick<ProcedureFields, 'timeLimitCases' | 'formSchema'>): void {
  const properties = (formSchema?.properties ?? {}) as Record<string, { enum?: unknown[] }>;
  const errors = timeLimitCases.flatMap((c, i) => {
    const property = Object.hasOwn(properties, c.field) ? properties[c.field] : undefined;
    if (!property) return [{ field: `/timeLimitCases/${i}/field`, message: `Tờ khai không có trường "${c.field}".` }];
    if (property.enum && !property.enum.includes(c.equals))
      return [
        { field: `/timeLimitCases/${i}/equals`, message: `Trường "${c.field}" không có lựa chọn "${c.equals}".` },
      ];
    return [];
  });
  if (errors.length)
    throw new Unprocessable('time-limit-case-invalid', 'Trường hợp thời hạn không khớp với tờ khai của thủ tục.', {
      errors,
    });
}

/** Adds a procedure with its first version published (a new database's seed, a test's own procedure). */
export async function addPublishedProcedure(
  trx: Knex.Transaction,
  manifest: ProcedureManifest,
  bpmnXml: string,
  at: Date,
  validFrom: string | null = null,
): Promise<void> {
  await insertProcedure(trx, fromManifest(manifest), at.toISOString());
  await insertPublished(trx, manifest.code, 1, bpmnXml, at.toISOString(), validFrom);
}

/**
 * A shipped revision of a procedure (a new database's seed): its fields become the manifest's, and its diagram a new
 * version published at `at`, in force from `validFrom`, when the version before it stops. A procedure that first
 * appears in a revision (one created that day) is added with it as its first version.
 */
export async function addPublishedRevision(
  trx: Knex.Transaction,
  manifest: ProcedureManifest,
  bpmnXml: string,
  at: Date,
  validFrom: string,
): Promise<void> {
  if (!(await procedureExists(trx, manifest.code))) return addPublishedProcedure(trx, manifest, bpmnXml, at, validFrom);
  await updateProcedure(trx, manifest.code, fromManifest(manifest));
  await endOpenPublication(trx, manifest.code, validFrom);
  const number = (await lastNumber(trx, manifest.code)) + 1;
  await insertPublished(trx, manifest.code, number, bpmnXml, at.toISOString(), validFrom);
}
