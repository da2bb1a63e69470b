import { Type } from 'typebox';
import { RESULT_RETURNS } from '../../../vocabulary/result-returns.js';
import { Instant, Nullable } from '../../schemas.js';
import { Attachment } from '../dossiers/schemas.js';

/** The applicant's rating of a finished dossier. */
export const Rating = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Nullable(Type.String()),
  ratedAt: Instant,
});
/** What the applicant sees of a dossier. */
export const CitizenDossier = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  unitCode: Type.String({ description: 'The unit whose desk handles the dossier now' }),
  unitName: Type.String(),
  receivingUnitName: Type.String({
    description: 'The desk that received it (a branch or another ward, when received regardless of boundary)',
  }),
  resultReturn: Type.Enum([...RESULT_RETURNS], { description: 'Where the applicant collects the result' }),
  resultUnitName: Type.String({ description: 'The unit that returns (or posts) the result' }),
  channel: Type.String(),
  statusCode: Type.Integer({ minimum: 1, maximum: 10 }),
  statusLabel: Type.String(),
  receivedAt: Instant,
  appointmentAt: Nullable(Instant, 'Return date promised (the legal due time unless an apology moved it)'),
  dueAt: Nullable(Instant),
  finishedAt: Nullable(Instant),
  returnedAt: Nullable(Instant),
  rating: Nullable(Rating),
});

export const TrackedDossier = Type.Object({
  ...CitizenDossier.properties,
  missingItems: Nullable(Type.Array(Type.String()), 'What the applicant must supply'),
  statusReason: Nullable(Type.String(), 'Reason of a refusal, pause or withdrawal'),
  timeline: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      at: Instant,
      label: Type.String({ description: 'In Vietnamese; no officer’s name or comment' }),
    }),
  ),
});

/** The answer to an online submission: the new dossier and the files stored with it. */
export const SubmittedDossier = Type.Object({ ...CitizenDossier.properties, attachments: Type.Array(Attachment) });
