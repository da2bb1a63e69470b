import { Type } from 'typebox';
import { Finding, Instant, Nullable } from '../../schemas.js';
import { ProcedureSummary } from './schemas.js';

/** A version of a procedure's diagram, as listed and reviewed. */
export const Version = Type.Object({
  number: Type.Integer(),
  status: Type.Enum(['draft', 'submitted', 'published', 'retired']),
  inForce: Type.Boolean({ description: 'New dossiers bind to this version now' }),
  sha256: Type.String(),
  processId: Type.String(),
  validFrom: Nullable(Instant),
  validTo: Nullable(Instant),
  createdBy: Nullable(Type.Integer()),
  createdAt: Instant,
  updatedAt: Nullable(Instant),
  submittedBy: Nullable(Type.Integer()),
  submittedAt: Nullable(Instant),
  publishedBy: Nullable(Type.Integer()),
  publishedAt: Nullable(Instant),
  rejectedReason: Nullable(Type.String()),
  rejectedAt: Nullable(Instant),
  changeId: Nullable(Type.Integer({ description: 'The announcement change it was published for' })),
  findings: Type.Array(Finding),
});

/** A version in a list across procedures, with the procedure it belongs to. */
export const VersionOfProcedure = Type.Object({
  procedureCode: Type.String(),
  procedureName: Type.String(),
  ...Version.properties,
});

/** A procedure on the modeler's workbench, with its versions (without their findings). */
export const ModellingProcedure = Type.Object({
  ...ProcedureSummary.properties,
  versions: Type.Array(Type.Omit(Version, ['findings'])),
});

const ElementRef = { id: Type.String(), type: Type.String(), name: Nullable(Type.String()) };
export const DiagramDiff = Type.Object({
  added: Type.Array(Type.Object(ElementRef)),
  removed: Type.Array(Type.Object(ElementRef)),
  changed: Type.Array(
    Type.Object({
      ...ElementRef,
      changes: Type.Array(Type.Object({ attribute: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
    }),
  ),
  layoutChanged: Type.Array(Type.Object(ElementRef)),
});

export const MigrationReport = Type.Object({
  dryRun: Type.Boolean(),
  fromVersion: Type.Integer(),
  toVersion: Type.Integer(),
  moved: Type.Array(
    Type.Object({ code: Type.String(), from: Type.Array(Type.String()), to: Type.Array(Type.String()) }),
  ),
  cannot: Type.Array(Type.Object({ code: Type.String(), reason: Type.String({ description: 'In Vietnamese' }) })),
});
export const HeatmapEntry = Type.Object({
  activityId: Type.String(),
  name: Nullable(Type.String()),
  type: Type.String(),
  passed: Type.Integer({ description: 'Dossiers that went through the activity' }),
  medianMinutes: Nullable(Type.Number({ description: 'Median working minutes spent in its tasks' })),
  p90Minutes: Nullable(Type.Number()),
  late: Type.Integer({ description: 'Tasks completed after their due time or open past it' }),
});
