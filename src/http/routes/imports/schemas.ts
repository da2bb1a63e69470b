import { Type } from 'typebox';
import { Nullable } from '../../schemas.js';

/** What an import of a unit's former one-stop export did, or in a dry run would do. */
export const LegacyImportReport = Type.Object({
  dryRun: Type.Boolean(),
  file: Type.String(),
  unitCode: Type.String(),
  rows: Type.Integer({ description: 'Rows (dossiers) in the export' }),
  imported: Type.Array(
    Type.Object({
      row: Type.Integer(),
      code: Type.String({ description: 'The original code, kept as the dossier code' }),
      procedureCode: Type.String(),
      statusCode: Type.Integer(),
      activityId: Nullable(Type.String({ description: 'The task a dossier in progress waits at' })),
    }),
    { description: 'Imported, or in a dry run that would be' },
  ),
  alreadyImported: Type.Array(Type.Object({ row: Type.Integer(), code: Type.String() }), {
    description: 'Imported by an earlier run; left as they are',
  }),
  cannot: Type.Array(
    Type.Object({
      row: Type.Integer(),
      code: Nullable(Type.String()),
      reason: Type.String({ description: 'In Vietnamese, e.g. “Dòng 12: …”' }),
    }),
  ),
});
