import type { Knex } from 'knex';
import { isUniqueViolation } from '../db/errors.js';
import { bumpRevision } from '../db/revisions.js';

/**
 * What stopped a step or a version, kept where VPUBND, the owning department and the units concerned see it:
 * - `version-blocked`: a stored version fails the safety rules in force; it takes no dossier and runs no step;
 * - `step-timeout`: an engine step ran over its time limit and was stopped;
 * - `step-failed`: the diagram could not run a step (an expression refused, no flow to take…);
 * - `dossier-held`: a dossier's step was refused because its version is blocked.
 */
export type IncidentKind = 'version-blocked' | 'step-timeout' | 'step-failed' | 'dossier-held';

export interface IncidentView {
  id: number;
  kind: IncidentKind;
  procedureCode: string | null;
  versionNumber: number | null;
  dossierCode: string | null;
  /** In Vietnamese. */
  message: string;
  detail: Record<string, unknown>;
  raisedAt: string;
  resolvedAt: string | null;
}

export interface NewIncident {
  kind: IncidentKind;
  procedureCode?: string | null;
  versionId?: number | null;
  dossierId?: number | null;
  message: string;
  detail?: Record<string, unknown>;
}

/** Who may see which incidents (decided by the caller's policy): every one, or those of some procedures or units. */
export interface IncidentScope {
  all: boolean;
  procedureCodes: readonly string[];
  unitCode: string | null;
}

export class Incidents {
  /** Content hashes of the diagrams of blocked versions, kept in memory; reloaded when any node blocks one. */
  private blocked = new Set<string>();

  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date,
  ) {}

  /** Records an incident, unless the same one (kind, dossier or version) is already open. */
  async raise(incident: NewIncident): Promise<void> {
    const open = this.knex('incidents').where({ kind: incident.kind }).whereNull('resolved_at');
    if (incident.dossierId) open.where({ dossier_id: incident.dossierId });
    else
      open
        .whereNull('dossier_id')
        .where({ version_id: incident.versionId ?? null, procedure_code: incident.procedureCode ?? null });
    if (await open.first('id')) return;
    await this.knex('incidents').insert(this.row(incident));
  }

  /** Blocks a version (once, whichever node finds it first); every node stops running its diagram within a second. */
  async block(
    version: { id: number; procedureCode: string; sha256: string },
    message: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.knex('incidents').insert(
        this.row({
          kind: 'version-blocked',
          procedureCode: version.procedureCode,
          versionId: version.id,
          message,
          detail,
        }),
      );
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // another node blocked it first
    }
    await bumpRevision(this.knex, 'blocks');
  }

  /** Lifts a block (the version passes the rules in force again). */
  async unblock(versionId: number): Promise<void> {
    await this.knex.transaction(async (trx) => {
      const lifted = await trx('incidents')
        .where({ kind: 'version-blocked', version_id: versionId })
        .whereNull('resolved_at')
        .update({ resolved_at: this.clock().toISOString() });
      if (lifted) await bumpRevision(trx, 'blocks');
    });
  }

  /** Whether a diagram (by content hash) belongs to a blocked version. */
  isBlocked(sha256: string): boolean {
    return this.blocked.has(sha256);
  }

  async reload(): Promise<void> {
    const rows = await this.knex('incidents')
      .join('procedure_versions', 'procedure_versions.id', 'incidents.version_id')
      .where('incidents.kind', 'version-blocked')
      .whereNull('incidents.resolved_at')
      .select('procedure_versions.sha256');
    this.blocked = new Set(rows.map((r: { sha256: string }) => r.sha256));
  }

  /** Incidents in scope, open first, newest first. */
  async list(scope: IncidentScope, options: { open?: boolean; dossierId?: number } = {}): Promise<IncidentView[]> {
    const q = this.knex('incidents')
      .leftJoin('procedure_versions', 'procedure_versions.id', 'incidents.version_id')
      .leftJoin('dossiers', 'dossiers.id', 'incidents.dossier_id')
      .select(
        'incidents.*',
        'procedure_versions.number as version_number',
        'dossiers.code as dossier_code',
        'dossiers.unit_code as dossier_unit',
      );
    if (options.open) q.whereNull('incidents.resolved_at');
    if (options.dossierId !== undefined) q.where('incidents.dossier_id', options.dossierId);
    if (!scope.all) {
      q.where((w) => {
        w.whereIn('incidents.procedure_code', [...scope.procedureCodes]);
        if (scope.unitCode) w.orWhere('dossiers.unit_code', scope.unitCode);
      });
    }
    const rows = await q
      .orderByRaw('incidents.resolved_at is not null, incidents.raised_at desc, incidents.id desc')
      .limit(500);
    return rows.map(toView);
  }

  /** Marks an incident dealt with; a version's block is lifted only by the rules (see unblock). */
  async resolve(id: number): Promise<boolean> {
    const changed = await this.knex('incidents')
      .where({ id })
      .whereNot({ kind: 'version-blocked' })
      .whereNull('resolved_at')
      .update({ resolved_at: this.clock().toISOString() });
    return changed === 1;
  }

  private row(incident: NewIncident) {
    return {
      kind: incident.kind,
      procedure_code: incident.procedureCode ?? null,
      version_id: incident.versionId ?? null,
      dossier_id: incident.dossierId ?? null,
      message: incident.message,
      detail: JSON.stringify(incident.detail ?? {}),
      raised_at: this.clock().toISOString(),
    };
  }
}

function toView(row: Record<string, unknown>): IncidentView {
  return {
    id: Number(row.id),
    kind: row.kind as IncidentKind,
    procedureCode: (row.procedure_code as string | null) ?? null,
    versionNumber: row.version_number === null || row.version_number === undefined ? null : Number(row.version_number),
    dossierCode: (row.dossier_code as string | null) ?? null,
    message: String(row.message),
    detail: JSON.parse(String(row.detail)) as Record<string, unknown>,
    raisedAt: String(row.raised_at),
    resolvedAt: (row.resolved_at as string | null) ?? null,
  };
}
