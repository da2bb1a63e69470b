import { Type } from 'typebox';
import { Instant, Nullable } from '../../schemas.js';

/** A step of a dossier's process waiting for, or done by, an officer. */
export const Task = Type.Object({
  id: Type.Integer(),
  dossierCode: Type.String(),
  activityId: Type.String({ description: 'BPMN element id of the task' }),
  name: Type.String(),
  role: Type.String(),
  unitCode: Type.String(),
  status: Type.Enum(['open', 'claimed', 'completed', 'cancelled']),
  outcomes: Type.Array(Type.String(), {
    description: 'Outcome values the flow after the task branches on; empty if none',
  }),
  createdAt: Instant,
  dueAt: Nullable(Instant),
  claimedBy: Nullable(Type.Integer()),
  claimedByName: Nullable(Type.String({ description: 'Full name of whoever claimed it' })),
  completedAt: Nullable(Instant),
  outcome: Nullable(Type.String()),
});

/** A task in an officer's inbox, with what the list shows of its dossier. */
export const InboxItem = Type.Object({
  ...Task.properties,
  dossier: Type.Object({
    procedureCode: Type.String(),
    procedureName: Type.String(),
    applicantName: Type.String(),
    statusCode: Type.Integer(),
    statusLabel: Type.String(),
    dueAt: Type.Union([Instant, Type.Null()], { description: 'The dossier’s legal due time' }),
    unitCode: Type.String({
      description:
        'The desk that received it: another unit’s (a branch, another ward) when received regardless of administrative boundary',
    }),
    unitName: Type.String({ description: 'Its name on the day of receipt' }),
  }),
});
