import { Type } from 'typebox';
import { CHANNELS } from '../../../vocabulary/channels.js';
import { RESULT_RETURNS } from '../../../vocabulary/result-returns.js';
import { DOSSIER_ACTIONS } from '../../../vocabulary/dossier-actions.js';
import { FORM_KINDS } from '../../../vocabulary/form-names.js';
import { FreeObject, Instant, Nullable } from '../../schemas.js';
import { Task } from '../tasks/schemas.js';

/** A document of the procedure as received: originals and copies at the desk, files online or scanned. */
export const ReceivedDocument = Type.Object({
  name: Type.String(),
  originals: Type.Integer({ minimum: 0, description: 'bản chính' }),
  copies: Type.Integer({ minimum: 0, description: 'bản sao' }),
  files: Type.Integer({ minimum: 0, description: 'tệp điện tử' }),
  digitisedAt: Type.Optional(
    Nullable(Instant, 'When the officer checked its scan (số hóa); for a file submitted online, its submission'),
  ),
});

/** A dossier as officers see it, with its status and open tasks. */
export const Dossier = Type.Object({
  code: Type.String({ description: '{agency e-ID}-{yymmdd}-{seq}' }),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  procedureVersion: Type.Integer({ description: 'Version of the procedure’s diagram the dossier runs on' }),
  unitCode: Type.String({ description: 'Unit whose desk received the dossier' }),
  deskUnitCode: Type.String({
    description:
      'Unit that handles the dossier now: the receiving unit; the competent unit the desk chose when it received the dossier regardless of administrative boundary; or a successor after a unit reorganisation',
  }),
  deskUnitName: Type.String(),
  unitName: Type.String(),
  resultReturn: Type.Enum([...RESULT_RETURNS], {
    description:
      'Where the applicant collects the result: desk (where it was received), competent (at the competent unit), post (sent by public postal service by the competent unit)',
  }),
  resultUnitCode: Type.String({ description: 'Unit that returns the result (or posts it)' }),
  resultUnitName: Type.String(),
  channel: Type.Enum([...CHANNELS]),
  status: Type.String({ description: 'Machine-readable status key' }),
  statusCode: Type.Integer({ minimum: 1, maximum: 10, description: 'National portal status code 1–10' }),
  statusLabel: Type.String({ description: 'Vietnamese label of the status' }),
  applicant: Type.Object({
    fullName: Type.String(),
    idNumber: Type.String(),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  data: FreeObject,
  receivedAt: Instant,
  clockStartedAt: Nullable(
    Instant,
    'When the statutory clock started: the receipt, the next working time, or the next working day after the cut-off',
  ),
  dueAt: Nullable(Instant, 'Legal due time, moved by the working time of pauses'),
  appointmentAt: Nullable(Instant, 'Return date promised to the applicant; an apology moves it'),
  pausedAt: Nullable(Instant, 'Start of the current pause (statuses 5, 6, 8)'),
  pausedWorkingMinutes: Type.Number({ description: 'Working minutes of all pauses ended so far' }),
  missingItems: Nullable(Type.Array(Type.String()), 'Items the applicant must supply'),
  statusReason: Nullable(Type.String(), 'Reason of a refusal, pause or withdrawal'),
  finishedAt: Nullable(Instant, 'When the result was ready (status 9 or 10)'),
  returnedAt: Nullable(Instant),
  onTime: Nullable(Type.Boolean(), 'Finished by the legal due time; null while not finished'),
  lateRisk: Type.Boolean({ description: 'The late-risk alert was raised' }),
  late: Nullable(
    Type.Object({ at: Instant, activityId: Nullable(Type.String()), unitCode: Nullable(Type.String()) }),
    'The dossier passed its due time; the step and unit that held it then',
  ),
  version: Type.Integer({ description: 'Number of events in the dossier history' }),
  tasks: Type.Array(Task, { description: 'Open tasks' }),
  extensionCount: Type.Integer({
    minimum: 0,
    description: 'How many times the appointment was extended (apology and request for extension, Mẫu 04)',
  }),
  receivedDocuments: Nullable(
    Type.Array(ReceivedDocument, {
      description:
        'What the desk received (the receipt lists it), or the files submitted online; null when not recorded',
    }),
  ),
  digitisedAt: Nullable(
    Instant,
    'When every document received was digitised (scan attached and checked); at submission for a dossier submitted online',
  ),
  actions: Type.Array(
    Type.Object({
      action: Type.Enum([...DOSSIER_ACTIONS], { description: 'POST /api/dossiers/:code/<action>' }),
      allowed: Type.Boolean({
        description: 'Whether the rules allow it now (the caller’s unit and role are judged apart)',
      }),
      reason: Nullable(Type.String({ description: 'Why not, in Vietnamese; null when allowed' })),
    }),
    { description: 'Every action on the dossier beside its tasks, with whether it is open now and why not' },
  ),
});

export const DossierSummary = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  procedureVersion: Type.Integer(),
  unitCode: Type.String({ description: 'Unit whose desk received the dossier' }),
  unitName: Type.String(),
  deskUnitCode: Type.String({ description: 'Unit that handles the dossier now (see Dossier.deskUnitCode)' }),
  deskUnitName: Type.String(),
  statusCode: Type.Integer({ minimum: 1, maximum: 10 }),
  statusLabel: Type.String(),
  applicantName: Type.String(),
  receivedAt: Instant,
  dueAt: Nullable(Instant),
  finishedAt: Nullable(Instant),
  onTime: Nullable(Type.Boolean(), 'Finished by the legal due time; null while not finished'),
  lateRisk: Type.Boolean({ description: 'The late-risk alert was raised' }),
  late: Type.Boolean({ description: 'It passed its legal due time' }),
});

export const Attachment = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: 'The file’s name as uploaded (without folders)' }),
  document: Type.String({ description: 'The document of the procedure it is, as the form field named it' }),
  mediaType: Type.String({ description: 'As its content proves (magic bytes), not as declared' }),
  size: Type.Integer({ description: 'Bytes' }),
  sha256: Type.String(),
  uploadedAt: Instant,
});

const Timeliness = Type.Union([Type.Enum(['early', 'on-time', 'late']), Type.Null()]);

/** Every handover of a dossier and each unit's share of its time (phiếu kiểm soát). */
export const ControlSlip = Type.Object({
  handovers: Type.Array(
    Type.Object({
      from: Type.Object({
        unitCode: Type.String(),
        unitName: Type.String(),
        officer: Type.Union([Type.String(), Type.Null()]),
        step: Type.Union([Type.String(), Type.Null()]),
      }),
      to: Type.Object({
        unitCode: Type.Union([Type.String(), Type.Null()]),
        unitName: Type.String(),
        role: Type.Union([Type.String(), Type.Null()]),
        officer: Type.Union([Type.String(), Type.Null()]),
        step: Type.Union([Type.String(), Type.Null()]),
      }),
      at: Instant,
      result: Timeliness,
    }),
  ),
  units: Type.Array(
    Type.Object({
      unitCode: Type.String(),
      unitName: Type.String(),
      budgetHours: Type.Number(),
      spentHours: Type.Number({ description: 'Working hours' }),
      late: Type.Boolean(),
    }),
  ),
});

export const IssuedForm = Type.Object({
  kind: Type.Enum([...FORM_KINDS], { description: 'GET /api/dossiers/:code/forms/<kind>.pdf' }),
  number: Nullable(
    Type.String({
      description: 'Its number in the circular’s annex (“Mẫu số 01”); null for a notice it has no form for',
    }),
  ),
  title: Type.String(),
  set: Type.String({ description: 'The set it was issued under: tt01-2018 or tt03-2025' }),
  basis: Type.String({ description: 'The circular of the set' }),
  issuedAt: Instant,
});
