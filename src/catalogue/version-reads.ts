import type { Knex } from 'knex';
import { authorize, may, type Actor } from '../auth/policy.js';
import { Conflict, NotFound, Unprocessable } from '../errors.js';
import type { Catalogue, Procedure } from './catalogue.js';
import type { DiagramChecks } from './diagram-checks.js';
import type { DiagramDiff } from './diff.js';
import { hasErrors, refuseUnsafe, type Finding } from './validation.js';
import { toVersionView, type VersionStatus, type VersionView } from './version-view.js';
import { findVersion, versionsOf, versionsStoredAs, versionSummaries } from './versions-repository.js';
import { VersionNotFound } from './errors.js';
import { shortestLimitHours } from './time-limit.js';

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
 * What may be read of a procedure's diagrams, by whom, and the checks of a diagram against its procedure's rules;
 * the lifecycle that changes them is `ProcedureVersions` (versions.ts).
 */
export class VersionReads {
  constructor(protected readonly deps: VersionDeps) {}

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
    const rows = await versionsOf(this.deps.knex, procedure.code);
    return rows.map((row) => this.view(row));
  }

  /** The procedures whose diagrams the actor may see and work on, each with its versions (without findings). */
  async workbench(actor: Actor): Promise<(Procedure & { versions: Omit<VersionView, 'findings'>[] })[]> {
    const procedures = (await this.deps.catalogue.list()).filter((p) => may(actor, 'procedures:versions', scopeOf(p)));
    const rows = await versionSummaries(this.deps.knex);
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
    const rows = await versionsStoredAs(this.deps.knex, stored);
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
  protected async prepare(procedure: Procedure, uploaded: string): Promise<{ xml: string; findings: Finding[] }> {
    refuseUnsafe(uploaded, this.deps.maxBpmnBytes); // before the file crosses to the diagram thread
    return this.deps.diagrams.prepare(uploaded, this.rulesFor(procedure));
  }

  private rulesFor(procedure: Procedure) {
    const limitHours = procedure.sameDay ? this.deps.hoursPerDay() : shortestLimitHours(procedure);
    return { limitHours, hoursPerDay: this.deps.hoursPerDay(), maxBytes: this.deps.maxBpmnBytes };
  }

  protected async assertNoErrors(procedure: Procedure, xml: string): Promise<void> {
    const findings = await this.validate(procedure, xml);
    if (hasErrors(findings)) {
      throw new Unprocessable('bpmn-has-errors', 'Sơ đồ còn lỗi, chưa thể gửi duyệt hoặc công bố.', {
        findings: findings.filter((f) => f.severity === 'error'),
      });
    }
  }

  protected async editable(actor: Actor, code: string): Promise<Procedure> {
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

  protected async row(code: string, number: number) {
    const row = await findVersion(this.deps.knex, code, number);
    if (!row) throw new VersionNotFound(code, number);
    return row;
  }

  protected async notDraft(code: string, number: number): Promise<Conflict> {
    const row = await this.row(code, number);
    return new Conflict(
      'not-draft',
      `Phiên bản ${number} của thủ tục "${code}" đang ở trạng thái “${this.view(row).status}”, không sửa hay gửi được.`,
    );
  }

  protected view(row: Record<string, unknown>): VersionView {
    return toVersionView(row, this.deps.clock().toISOString());
  }
}

function scopeOf(procedure: Procedure) {
  return { departmentCode: procedure.departmentCode, ownerCode: procedure.ownerCode, levels: procedure.levels };
}
