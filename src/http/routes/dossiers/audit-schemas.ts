import { Type } from 'typebox';
import { Instant, Nullable } from '../../schemas.js';

/** Whether a dossier's event log still proves its history. */
export const Verification = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer({ description: 'Events found in the log' }),
  firstBadSeq: Type.Optional(Type.Integer({ description: 'First missing, altered, out-of-place or unexpected event' })),
  problem: Type.Optional(
    Type.Enum([
      'missing-event',
      'duplicate-event',
      'hash-mismatch',
      'payload-not-json',
      'unexpected-event',
      'head-mismatch',
    ]),
  ),
  reason: Type.Optional(Type.String({ description: 'What is wrong, in Vietnamese' })),
});

export const EngineEventRef = Type.Object({ type: Type.String(), elementId: Type.String() });

/** Where replay and record first differ. */
export const Divergence = Type.Object({
  seq: Type.Integer(),
  expected: Nullable(EngineEventRef),
  actual: Nullable(EngineEventRef),
  message: Type.String(),
});

/** One step of a dossier's history as re-executed. */
export const ReplayStep = Type.Object({
  seq: Type.Integer({ description: 'Event that caused the step' }),
  kind: Type.Enum(['received', 'accepted', 'completed', 'timer', 'migrated', 'imported']),
  activityId: Nullable(Type.String()),
  activityName: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  actor: Type.Object({ id: Nullable(Type.Integer()), unitCode: Nullable(Type.String()) }),
  at: Instant,
  taskOpenedAt: Nullable(Instant),
  dueAt: Nullable(Instant),
  timeSpentMinutes: Nullable(Type.Number({ description: 'Working minutes from the task being opened to this step' })),
  onTime: Nullable(Type.Boolean()),
  path: Type.Array(Type.String(), { description: 'Flow nodes and flows passed, in order' }),
  tokens: Type.Array(Type.String(), { description: 'Activities waiting after the step' }),
  statusCode: Type.Integer(),
});

/** A dossier's process re-executed from its record and compared with it. */
export const Replay = Type.Object({
  ok: Type.Boolean({ description: 'The replay reproduced the record on the BPMN it was recorded under' }),
  dossierCode: Type.String(),
  recordedBpmnSha256: Nullable(Type.String()),
  bpmnSha256: Type.String({ description: 'SHA-256 of the BPMN replayed (the version as stored now)' }),
  bpmnUnchanged: Type.Boolean(),
  steps: Type.Array(ReplayStep),
  state: Nullable(Type.Object({ seq: Type.Integer(), tokens: Type.Array(Type.String()), statusCode: Type.Integer() })),
  divergence: Nullable(Divergence),
});

/** One event of a dossier's history, told in Vietnamese. */
export const TimelineEntry = Type.Object({
  seq: Type.Integer(),
  at: Instant,
  type: Type.String(),
  label: Type.String({ description: 'What happened, in Vietnamese' }),
  actor: Nullable(
    Type.Object({
      id: Type.Integer(),
      name: Nullable(Type.String()),
      unitCode: Nullable(Type.String()),
      unitName: Nullable(Type.String()),
    }),
  ),
});
