import { Type } from 'typebox';
import { FreeObject, Instant, Nullable } from '../../schemas.js';

export const Incident = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(['version-blocked', 'step-timeout', 'step-failed', 'dossier-held'], {
    description:
      'version-blocked: a stored version fails the safety rules and runs nothing; step-timeout: a step ran over its time limit and was stopped; step-failed: the diagram could not run a step; dossier-held: a dossier waits because its version is blocked',
  }),
  procedureCode: Nullable(Type.String()),
  versionNumber: Nullable(Type.Integer()),
  dossierCode: Nullable(Type.String()),
  message: Type.String({ description: 'In Vietnamese' }),
  detail: FreeObject,
  raisedAt: Instant,
  resolvedAt: Nullable(Instant),
});
