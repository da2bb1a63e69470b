import type { Knex } from 'knex';
import { authorize, may, type Actor } from '../auth/policy.js';
import { isUniqueViolation } from '../db/errors.js';
import { sha256 } from '../engine/definitions.js';
import { Conflict, DomainError, NotFound, Unprocessable } from '../errors.js';
import type { Catalogue, Procedure } from './catalogue.js';
import type { DiagramChecks } from './diagram-checks.js';
import type { DiagramDiff } from './diff.js';
import { processIdOf } from './process-id.js';
import { hasErrors, refuseUnsafe, type Finding } from './validation.js';

export type VersionStatus = 'draft' | 'submitted' | 'published' | 'retired';

/** A version of a procedure's diagram, without its XML. */
export interface VersionView {
  number: number;
  /** `retired` once a later version took over (or the procedure was abolished). */
  status: VersionStatus;
  /** This is the version new dossiers bind to now. */
  inForce: boolean;
  sha256: string;
  processId: string;
  validFrom: string | null;
  validTo: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  publishedBy: number | null;
  publishedAt: string | null;
  rejectedReason: string | null;
  rejectedAt: string | null;
  changeId: number | null;
  findings: Finding[];
}

export interface VersionDeps {
  knex: Knex;
  catalogue: Catalogue;
  clock: () => Date;
  hoursPerDay: () => number;
  maxBpmnBytes: number;
  /** Where diagrams are parsed, checked and drawn: a thread of their own, under a time limit. */
  diagrams: DiagramChecks;
  /** Whether the publisher of a version must be someone other than its submitter (the administrator's rule). */
  publisherNotSubmitter: () => boolean;
}

/**
 * The lifecycle of a procedure's diagrams: a modeler uploads and edits drafts and submits one; VPUBND publishes it
 * (or sends it back with a reason). Exactly one published version is in force at any instant; a version that left
 * draft never changes (the database refuses it too).
 */
export class ProcedureVersions {
  constructor(private readonly deps: VersionDeps) {}

  /** The largest diagram accepted, in bytes. */
  get maxBytes(): number {
    return this.deps.maxBpmnBytes;
  }

  /** The findings of a diagram against a procedure's rules, stored nowhere (the editor's check). */
  async check(actor: Actor, code: string, xml: string): Promise<Finding[]> {
    return (await this.prepare(await this.editable(actor, code), xml)).findings;
  }

  async list(actor: Actor, code: string): Promise<VersionView[]> {
    const procedure = await this.readable(actor, code);
    const rows = await this.deps.knex('procedure_versions').where({ procedure_code: procedure.code }).orderBy('number');
    return rows.map((row) => this.view(row));
  }

  /** The procedures whose diagrams the actor may see and work on, each with its versions (without findings). */
  async workbench(actor: Actor): Promise<(Procedure & { versions: Omit<VersionView, 'findings'>[] })[]> {
    const procedures = (await this.deps.catalogue.list()).filter((p) => may(actor, 'procedures:versions', scopeOf(p)));
    const rows = await this.deps
      .knex('procedure_versions')
      .orderBy(['procedure_code', 'number'])
      .select(VERSION_COLUMNS);
    const byProcedure = new Map<string, Omit<VersionView, 'findings'>[]>();
    for (const row of rows) {
      const { findings: _, ...version } = this.view(row);
      byProcedure.set(row.procedure_code, [...(byProcedure.get(row.procedure_code) ?? []), version]);
    }
    return procedures.map((p) => ({ ...p, versions: byProcedure.get(p.code) ?? [] }));
  }

  /** Versions in a status (e.g. `submitted`, awaiting VPUBND) across the procedures the actor may see, oldest first. */
  async withStatus(
    actor: Actor,
    status: VersionStatus,
  ): Promise<(VersionView & { procedureCode: string; procedureName: string })[]> {
    const stored = status === 'retired' ? 'published' : status;
    const rows = await this.deps
      .knex('procedure_versions')
      .join('procedures', 'procedures.code', 'procedure_versions.procedure_code')
      .where('procedure_versions.status', stored)
      .orderBy([{ column: 'procedure_versions.updated_at' }, { column: 'procedure_versions.id' }])
      .select(
        'procedure_versions.*',
        'procedures.name as procedure_name',
        'procedures.department_code',
        'procedures.owner_code',
        'procedures.levels',
      );
    return rows
      .filter((row) =>
        may(actor, 'procedures:versions', {
          departmentCode: row.department_code,
          ownerCode: row.owner_code,
          levels: JSON.parse(row.levels),
        }),
      )
      .map((row) => ({ procedureCode: row.procedure_code, procedureName: row.procedure_name, ...this.view(row) }))
      .filter((version) => version.status === status);
  }

  async get(actor: Actor | null, code: string, number: number): Promise<VersionView & { xml: string }> {
    const row = await this.row(code, number);
    if (!['published'].includes(row.status)) await this.readable(actor, code);
    return { ...this.view(row), xml: row.bpmn_xml };
  }

  /** A new draft from an uploaded diagram; returned with its findings (errors do not stop a draft). */
  async createDraft(actor: Actor, code: string, uploaded: string): Promise<VersionView> {
    const procedure = await this.editable(actor, code);
    const { xml, findings } = await this.prepare(procedure, uploaded);
    const now = this.deps.clock().toISOString();
    for (let attempt = 1; ; attempt++) {
      const last = await this.deps
        .knex('procedure_versions')
        .where({ procedure_code: code })
        .max({ n: 'number' })
        .first();
      const number = Number(last?.n ?? 0) + 1;
      try {
        await this.deps.knex.transaction(async (trx) => {
          await trx('procedure_versions').insert({
            procedure_code: code,
            number,
            status: 'draft',
            bpmn_xml: xml,
            sha256: sha256(xml),
            process_id: processIdOf(xml),
            findings: JSON.stringify(findings),
            created_by: actor.id,
            created_at: now,
          });
          await this.log(trx, code, number, 'version.created', actor, {
            sha256: sha256(xml),
            errors: findings.filter((f) => f.severity === 'error').length,
          });
        });
        return this.view(await this.row(code, number));
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 5) throw err; // two uploads took the same number: take the next
      }
    }
  }

  /** Replaces a draft's diagram (the editor saves). */
  async updateDraft(actor: Actor, code: string, number: number, uploaded: string): Promise<VersionView> {
    const procedure = await this.editable(actor, code);
    if ((await this.row(code, number)).status !== 'draft') throw await this.notDraft(code, number);
    const { xml, findings } = await this.prepare(procedure, uploaded);
    await this.deps.knex.transaction(async (trx) => {
      const changed = await trx('procedure_versions')
        .where({ procedure_code: code, number, status: 'draft' })
        .update({
          bpmn_xml: xml,
          sha256: sha256(xml),
          process_id: processIdOf(xml),
          findings: JSON.stringify(findings),
          updated_by: actor.id,
          updated_at: this.deps.clock().toISOString(),
        });
      if (changed !== 1) throw raced(number);
      await this.log(trx, code, number, 'version.updated', actor, { sha256: sha256(xml) });
    });
    return this.view(await this.row(code, number));
  }

  /** Sends a draft to VPUBND: refused (422, with the findings) while it has errors; one submission at a time. */
  async submit(actor: Actor, code: string, number: number): Promise<VersionView> {
    const procedure = await this.editable(actor, code);
    const row = await this.row(code, number);
    if (row.status !== 'draft') throw await this.notDraft(code, number);
    await this.assertNoErrors(procedure, row.bpmn_xml);
    try {
      await this.deps.knex.transaction(async (trx) => {
        const changed = await trx('procedure_versions').where({ id: row.id, status: 'draft' }).update({
          status: 'submitted',
          submitted_by: actor.id,
          submitted_at: this.deps.clock().toISOString(),
          rejected_reason: null,
        });
        if (changed !== 1) throw raced(number);
        await this.log(trx, code, number, 'version.submitted', actor, {});
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict('another-version-submitted', `Thủ tục "${code}" đã có một phiên bản khác đang chờ duyệt.`);
      throw err;
    }
    return this.view(await this.row(code, number));
  }

  /** VPUBND sends a submitted version back to draft, with the reason. */
  async reject(actor: Actor, code: string, number: number, reason: string): Promise<VersionView> {
    authorize(actor, 'procedures:publish', {});
    await this.deps.knex.transaction(async (trx) => {
      const changed = await trx('procedure_versions')
        .where({ procedure_code: code, number, status: 'submitted' })
        .update({
          status: 'draft',
          rejected_by: actor.id,
          rejected_at: this.deps.clock().toISOString(),
          rejected_reason: reason,
        });
      if (changed !== 1)
        throw new Conflict('not-submitted', `Phiên bản ${number} của thủ tục "${code}" không ở trạng thái chờ duyệt.`);
      await this.log(trx, code, number, 'version.rejected', actor, { reason });
    });
    return this.view(await this.row(code, number));
  }

  /**
   * VPUBND publishes a submitted version, in force from `validFrom` (now at the earliest: a publication never
   * rebinds dossiers already received). The version in force until then ends there. Linked to its announcement change.
   */
  async publish(
    actor: Actor,
    code: string,
    number: number,
    options: { validFrom?: string | undefined; changeId?: number | undefined } = {},
  ): Promise<VersionView> {
    authorize(actor, 'procedures:publish', {});
    const procedure = await this.deps.catalogue.get(code);
    const row = await this.row(code, number);
    if (row.status !== 'submitted')
      throw new Conflict('not-submitted', `Phiên bản ${number} của thủ tục "${code}" không ở trạng thái chờ duyệt.`);
    if (this.deps.publisherNotSubmitter() && Number(row.submitted_by) === actor.id) {
      throw new DomainError(
        403,
        'publisher-is-submitter',
        'Người gửi duyệt phiên bản không được tự công bố phiên bản đó; một cán bộ Văn phòng UBND khác cần xem và công bố.',
      );
    }
    await this.assertNoErrors(procedure, row.bpmn_xml);
    const now = this.deps.clock().toISOString();
    const from = options.validFrom && options.validFrom > now ? options.validFrom : now;
    await this.deps.knex.transaction(async (trx) => {
      const later = await trx('procedure_versions')
        .where({ procedure_code: code, status: 'published' })
        .where('valid_from', '>', from)
        .first('number');
      if (later)
        throw new Conflict(
          'later-version-scheduled',
          `Phiên bản ${later.number} đã được công bố có hiệu lực sau ngày này.`,
        );
      if (options.changeId !== undefined) {
        const change = await this.linkChange(trx, code, options.changeId, row.id, now);
        // A procedure that replaces another retires it when it takes over.
        if (change.kind === 'replace' && change.replaces_code) {
          await this.deps.catalogue.abolish(trx, change.replaces_code, from, {
            actorId: actor.id,
            changeId: options.changeId,
            now,
          });
        }
      }
      await trx('procedure_versions')
        .where({ procedure_code: code, status: 'published' })
        .whereNull('valid_to')
        .update({ valid_to: from });
      const changed = await trx('procedure_versions')
        .where({ id: row.id, status: 'submitted' })
        .update({
          status: 'published',
          published_by: actor.id,
          published_at: now,
          valid_from: from,
          change_id: options.changeId ?? null,
        });
      if (changed !== 1) throw new Conflict('not-submitted', `Phiên bản ${number} vừa được xử lý bởi người khác.`);
      await this.log(trx, code, number, 'version.published', actor, {
        validFrom: from,
        changeId: options.changeId ?? null,
      });
    });
    return this.view(await this.row(code, number));
  }

  /** Added, removed and changed elements between two versions. */
  async diff(actor: Actor, code: string, a: number, b: number): Promise<DiagramDiff> {
    await this.readable(actor, code);
    return this.deps.diagrams.diff((await this.row(code, a)).bpmn_xml, (await this.row(code, b)).bpmn_xml);
  }

  /** Findings of a diagram against the procedure's rules (also for a diagram not yet uploaded). */
  async validate(procedure: Procedure, xml: string): Promise<Finding[]> {
    return this.deps.diagrams.validate(xml, this.rulesFor(procedure));
  }

  /** An upload made ready to store: refused when unsafe, drawn when it has no drawing, and its findings. */
  private async prepare(procedure: Procedure, uploaded: string): Promise<{ xml: string; findings: Finding[] }> {
    refuseUnsafe(uploaded, this.deps.maxBpmnBytes); // before the file crosses to the diagram thread
    return this.deps.diagrams.prepare(uploaded, this.rulesFor(procedure));
  }

  private rulesFor(procedure: Procedure) {
    const limitHours = procedure.sameDay ? this.deps.hoursPerDay() : procedure.timeLimitHours;
    return { limitHours, hoursPerDay: this.deps.hoursPerDay(), maxBytes: this.deps.maxBpmnBytes };
  }

  private async assertNoErrors(procedure: Procedure, xml: string): Promise<void> {
    const findings = await this.validate(procedure, xml);
    if (hasErrors(findings)) {
      throw new Unprocessable('bpmn-has-errors', 'Sơ đồ còn lỗi, chưa thể gửi duyệt hoặc công bố.', {
        findings: findings.filter((f) => f.severity === 'error'),
      });
    }
  }

  private async linkChange(
    trx: Knex.Transaction,
    code: string,
    changeId: number,
    versionId: number,
    now: string,
  ): Promise<{ kind: string; replaces_code: string | null }> {
    const change = await trx('announcement_changes').where({ id: changeId }).first();
    if (!change || change.procedure_code !== code || !['new', 'amend', 'replace'].includes(change.kind)) {
      throw new Unprocessable(
        'unknown-change',
        `Quyết định công bố không có nội dung số ${changeId} về thủ tục "${code}" cần công bố quy trình.`,
      );
    }
    if (change.done_at)
      throw new Conflict('change-done', `Nội dung số ${changeId} của quyết định công bố đã được thực hiện.`);
    await trx('announcement_changes').where({ id: changeId }).update({ version_id: versionId, done_at: now });
    return change;
  }

  private async editable(actor: Actor, code: string): Promise<Procedure> {
    const procedure = await this.deps.catalogue.get(code);
    authorize(actor, 'procedures:model', scopeOf(procedure));
    return procedure;
  }

  private async readable(actor: Actor | null, code: string): Promise<Procedure> {
    const procedure = await this.deps.catalogue.get(code);
    if (!actor) throw new NotFound('unknown-version', 'Phiên bản này chưa được công bố.');
    authorize(actor, 'procedures:versions', scopeOf(procedure));
    return procedure;
  }

  private async row(code: string, number: number) {
    const row = await this.deps.knex('procedure_versions').where({ procedure_code: code, number }).first();
    if (!row) throw new NotFound('unknown-version', `Thủ tục "${code}" không có phiên bản số ${number}.`);
    return row;
  }

  private async notDraft(code: string, number: number): Promise<Conflict> {
    const row = await this.row(code, number);
    return new Conflict(
      'not-draft',
      `Phiên bản ${number} của thủ tục "${code}" đang ở trạng thái “${this.view(row).status}”, không sửa hay gửi được.`,
    );
  }

  private async log(
    trx: Knex.Transaction,
    code: string,
    number: number,
    type: string,
    actor: Actor,
    payload: Record<string, unknown>,
  ) {
    const version = await trx('procedure_versions').where({ procedure_code: code, number }).first('id');
    await trx('catalogue_events').insert({
      procedure_code: code,
      version_id: version.id,
      type,
      actor_id: actor.id,
      at: this.deps.clock().toISOString(),
      payload: JSON.stringify({ number, ...payload }),
    });
  }

  private view(row: Record<string, unknown>): VersionView {
    const now = this.deps.clock().toISOString();
    const ended = row.valid_to !== null && String(row.valid_to) <= now;
    const published = row.status === 'published';
    return {
      number: Number(row.number),
      status: published && ended ? 'retired' : (row.status as VersionStatus),
      inForce: published && !ended && (row.valid_from === null || String(row.valid_from) <= now),
      sha256: String(row.sha256),
      processId: String(row.process_id),
      validFrom: (row.valid_from as string | null) ?? null,
      validTo: (row.valid_to as string | null) ?? null,
      createdBy: (row.created_by as number | null) ?? null,
      createdAt: String(row.created_at),
      updatedAt: (row.updated_at as string | null) ?? null,
      submittedBy: (row.submitted_by as number | null) ?? null,
      submittedAt: (row.submitted_at as string | null) ?? null,
      publishedBy: (row.published_by as number | null) ?? null,
      publishedAt: (row.published_at as string | null) ?? null,
      rejectedReason: (row.rejected_reason as string | null) ?? null,
      rejectedAt: (row.rejected_at as string | null) ?? null,
      changeId: (row.change_id as number | null) ?? null,
      findings: row.findings ? JSON.parse(String(row.findings)) : [],
    };
  }
}

/** Every column of a version but its XML and findings. */
const VERSION_COLUMNS = [
  'procedure_code',
  'number',
  'status',
  'sha256',
  'process_id',
  'valid_from',
  'valid_to',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_by',
  'submitted_at',
  'published_by',
  'published_at',
  'rejected_reason',
  'rejected_at',
  'change_id',
];

function scopeOf(procedure: Procedure) {
  return { departmentCode: procedure.departmentCode, ownerCode: procedure.ownerCode, levels: procedure.levels };
}

/** The version changed state while this change was being written (someone else acted first). */
function raced(number: number): Conflict {
  return new Conflict('version-changed', `Phiên bản ${number} vừa được người khác thay đổi trạng thái; hãy tải lại.`);
}
