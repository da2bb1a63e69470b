import type { Actor } from '../auth/policy.js';
import { isUniqueViolation } from '../db/errors.js';
import { DossierRepository, type DossierContext, type DossierDeps } from '../dossiers/index.js';
import { readExport, type ExportFormat, type LegacyRecord } from './export-file.js';
import { readMapping } from './mapping.js';
import { RowPlanner, type ImportPlan } from './plan.js';
import { LegacyImportRepository } from './repository.js';
import { writeImport, type ImportSource } from './write.js';
import { UnknownUnit } from '../units/errors.js';

export interface LegacyImportInput {
  /** The export's file name, named in every imported dossier's first event. */
  fileName: string;
  content: string;
  /** Guessed from the content when absent (a JSON export is an array). */
  format?: ExportFormat | undefined;
  /** The parsed mapping file. */
  mapping: unknown;
  /** The unit whose former one-stop application the export comes from; it becomes the receiving unit. */
  unitCode: string;
  dryRun: boolean;
}

export interface ImportReport {
  dryRun: boolean;
  file: string;
  unitCode: string;
  rows: number;
  /** Dossiers imported (in a dry run: that would be), each with the task it waits at when still in progress. */
  imported: { row: number; code: string; procedureCode: string; statusCode: number; activityId: string | null }[];
  /** Rows whose dossier an earlier run imported: nothing is done again. */
  alreadyImported: { row: number; code: string }[];
  /** Rows that cannot be imported, with the reason ("Dòng 12: …"). */
  cannot: { row: number; code: string | null; reason: string }[];
}

/**
 * Imports the dossiers of a unit's former one-stop application from its export (CSV or JSON) and a mapping file.
 * Each row is its own transaction, keyed by unit and original code: a bad row never stops the file, and running the
 * same file again (after an interruption, or twice) imports only what is not there yet.
 */
export class LegacyImports {
  private readonly ctx: DossierContext;
  private readonly imports: LegacyImportRepository;

  constructor(deps: DossierDeps) {
    this.ctx = { ...deps, repo: new DossierRepository(deps.reads) };
    this.imports = new LegacyImportRepository(deps.knex);
  }

  async run(
    actor: Actor | null,
    input: LegacyImportInput,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<ImportReport> {
    const unit = this.ctx.units.get(input.unitCode);
    if (!unit) throw new UnknownUnit(input.unitCode);
    const planner = new RowPlanner(this.ctx, unit, readMapping(input.mapping));
    const records = readExport(input.content, input.format);
    const report: ImportReport = {
      dryRun: input.dryRun,
      file: input.fileName,
      unitCode: unit.code,
      rows: records.length,
      imported: [],
      alreadyImported: [],
      cannot: [],
    };
    const firstRowOf = new Map<string, number>();
    const source: ImportSource = { file: input.fileName, unit, actor };
    onProgress(0, records.length);
    for (const [i, record] of records.entries()) {
      const outcome = await this.importRow(record, planner, firstRowOf, source, input.dryRun).catch((err: unknown) => ({
        reason: `không ghi được: ${(err as Error).message}`,
      }));
      const code = record.fields.code || null;
      if (outcome === 'already') report.alreadyImported.push({ row: record.row, code: code! });
      else if ('reason' in outcome)
        report.cannot.push({ row: record.row, code, reason: `Dòng ${record.row}: ${outcome.reason}` });
      else
        report.imported.push({
          row: record.row,
          code: outcome.code,
          procedureCode: outcome.procedure.code,
          statusCode: outcome.statusCode,
          activityId: outcome.route?.activityId ?? null,
        });
      onProgress(i + 1, records.length);
    }
    return report;
  }

  /** Imports one row (plans it only, in a dry run): the plan, 'already' when imported before, or why it cannot be. */
  private async importRow(
    record: LegacyRecord,
    planner: RowPlanner,
    firstRowOf: Map<string, number>,
    source: ImportSource,
    dryRun: boolean,
  ): Promise<ImportPlan | 'already' | { reason: string }> {
    const { code } = record.fields;
    const first = firstRowOf.get(code);
    if (code && first !== undefined) return { reason: `mã hồ sơ ${code} trùng với dòng ${first}` };
    firstRowOf.set(code, record.row);
    if (code && (await this.imports.find(source.unit.code, code))) return 'already';
    const plan = await planner.plan(record);
    if (typeof plan === 'string') return { reason: plan };
    if (await this.ctx.repo.byCode(plan.code)) return codeTaken(plan.code);
    if (dryRun) return plan;
    try {
      await writeImport(this.ctx, this.imports, plan, source);
      return plan;
    } catch (err) {
      // Another run imported it in the meantime, or another dossier took the code.
      if (!isUniqueViolation(err)) throw err;
      return (await this.imports.find(source.unit.code, code)) ? 'already' : codeTaken(code);
    }
  }
}

const codeTaken = (code: string) => ({ reason: `mã hồ sơ ${code} đã được dùng cho một hồ sơ khác trong hệ thống` });
