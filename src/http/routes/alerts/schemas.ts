import { Type } from 'typebox';
import { Instant, Nullable } from '../../schemas.js';

export const Alert = Type.Object({
  id: Type.Integer(),
  dossierCode: Type.String(),
  taskId: Nullable(Type.Integer()),
  kind: Type.Enum(['late-risk', 'overdue', 'reminder', 'escalation']),
  unitCode: Type.String(),
  role: Type.String(),
  message: Type.String({ description: 'In Vietnamese' }),
  raisedAt: Instant,
  acknowledgedAt: Nullable(Instant),
});
