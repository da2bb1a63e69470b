import type { Knex } from 'knex';

/** What is kept of each imported dossier: where it came from, so that the same export imports nothing new twice. */
export interface LegacyImportRow {
  unit_code: string;
  original_code: string;
  dossier_id: number;
  source_file: string;
  source_row: number;
  row_sha256: string;
  imported_by: number | null;
  imported_at: string;
}

/** The SQL of the imports room. */
export class LegacyImportRepository {
  constructor(private readonly knex: Knex) {}

  /** The import of a unit's old dossier, if it was imported before. */
  async find(unitCode: string, originalCode: string): Promise<LegacyImportRow | undefined> {
    return this.knex('legacy_imports').where({ unit_code: unitCode, original_code: originalCode }).first();
  }

  async record(trx: Knex.Transaction, row: LegacyImportRow): Promise<void> {
    await trx('legacy_imports').insert(row);
  }
}
