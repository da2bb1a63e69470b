import { Type, type TSchema } from 'typebox';
import { ROLES } from '../auth/policy.js';
import { RECEIPT_OUTCOMES } from '../vocabulary/receipt-outcomes.js';
import { CHANNELS } from '../vocabulary/channels.js';
import { ID_NUMBER_PATTERN } from '../vocabulary/id-number.js';

/** Shared JSON Schemas of the API (OpenAPI components are generated from the routes that use them). */

const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});
export const Instant = Type.String({ format: 'date-time', maxLength: 40, description: 'ISO-8601 instant, UTC' });
/** A local day, YYYY-MM-DD. */
export const LocalDate = (description?: string) =>
  Type.String({ format: 'date', maxLength: 10, ...(description ? { description } : {}) });

/** A row id: a positive integer that fits the databases' integer columns. */
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });

export const FreeObject = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });

export const Finding = Type.Object({
  rule: Type.String({
    description: 'bpmnlint rule, motcua/<rule> for the city’s rules, bpmn-moddle for parser warnings',
  }),
  elementId: Nullable(Type.String()),
  message: Type.String({ description: 'In Vietnamese' }),
  messageEn: Type.Optional(Type.String()),
  severity: Type.Enum(['error', 'warning', 'info'], { description: 'Errors block submission and publication' }),
});

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'URN naming the kind of problem, e.g. urn:motcua:task-completed' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'What went wrong, in Vietnamese, for the person using the system' }),
    code: Type.String({ description: 'Stable machine-readable code of the problem' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String({ description: 'JSON Pointer of the field' }), message: Type.String() }),
        {
          description: 'Which fields of the request are wrong and why',
        },
      ),
    ),
    findings: Type.Optional(
      Type.Array(Finding, { description: 'Errors found in a BPMN diagram (code bpmn-has-errors)' }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details, sent as application/problem+json' },
);

/** Response entries for the error statuses a route can answer with. */
export function problems(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Lỗi',
        content: { 'application/problem+json': { schema: Problem } },
      },
    ]),
  );
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ',
  401: 'Chưa đăng nhập, hoặc mã truy cập sai hoặc hết hạn',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột trạng thái (đã được xử lý, đang do người khác xử lý…)',
  422: 'Yêu cầu không thực hiện được với dữ liệu hiện có',
  429: 'Quá nhiều lần thử, hãy chờ rồi thử lại',
};

export const Role = Type.Enum([...ROLES]);

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  unitCode: Nullable(Type.String()),
  unitLevel: Nullable(Type.String()),
  roles: Type.Array(Role),
});

export const Unit = Type.Object({
  code: Type.String({ description: 'GSO code for territorial units, an abbreviation for departments' }),
  name: Type.String(),
  kind: Type.String(),
  level: Type.String({ description: 'Level code: tinh, huyen, xa' }),
  parentCode: Nullable(Type.String()),
  agencyId: Type.String({ description: 'Agency e-ID used in dossier codes' }),
  validFrom: Nullable(Type.String({ format: 'date' })),
  validTo: Nullable(Type.String({ format: 'date', description: 'First day no longer in force' })),
  saturdayMorning: Type.Boolean({ description: 'Saturday mornings are working time at this unit' }),
});

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

export const Announcement = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  signedOn: LocalDate(),
  announcedOn: LocalDate(),
  deadlineAt: Type.String({ format: 'date-time', description: 'End of the second working day after the announcement' }),
  changes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      procedureCode: Type.String(),
      kind: Type.Enum(['new', 'amend', 'replace', 'abolish']),
      replacesCode: Nullable(Type.String()),
      effectiveFrom: Nullable(Type.String()),
      versionNumber: Nullable(Type.Integer()),
      doneAt: Nullable(Type.String()),
      state: Type.Enum(['pending', 'on-time', 'late']),
      timeLeftMinutes: Nullable(
        Type.Number({ description: 'Working minutes to the deadline while pending; negative once past' }),
      ),
    }),
  ),
});

export const ProcedureSummary = Type.Object({
  code: Type.String({ description: 'National procedure code, e.g. 1.001193' }),
  name: Type.String(),
  field: Type.String(),
  levels: Type.Array(Type.String()),
  departmentCode: Nullable(Type.String()),
  ownerCode: Nullable(Type.String()),
  timeLimitHours: Nullable(Type.Number({ description: 'Legal time limit in working hours (8 per working day)' })),
  sameDay: Type.Boolean({ description: 'Due at the end of the working day on which counting starts' }),
  cutoffTime: Nullable(
    Type.String({ description: 'Received at or after this time (HH:MM), counting starts the next working day' }),
  ),
  timeLimitText: Nullable(Type.String()),
  onlineLevel: Nullable(Type.String()),
  status: Type.Enum(['active', 'abolished']),
  validTo: Nullable(Type.String({ description: 'Abolished from this instant' })),
});

const Document = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 2000 }),
    quantity: Type.Optional(Type.String({ maxLength: 200 })),
    required: Type.Optional(
      Type.Boolean({
        description: 'Whether an online applicant must attach it; when absent, read from the quantity and the wording',
      }),
    ),
  },
  { additionalProperties: true },
);

/** What VPUBND sets of a procedure. */
export const ProcedureFields = Type.Object(
  {
    code: Type.String({
      pattern: '^[0-9A-Za-z.]{1,32}$',
      maxLength: 32,
      description: 'National code, e.g. 1.001193 (local variants add a suffix)',
    }),
    name: Type.String({ minLength: 1, maxLength: 500 }),
    field: Type.String({ minLength: 1, maxLength: 200 }),
    levels: Type.Array(Type.Enum(['tinh', 'huyen', 'xa']), { minItems: 1, maxItems: 3, uniqueItems: true }),
    departmentCode: Nullable(
      Type.String({ maxLength: 16, description: 'The department that receives it, for city-level procedures' }),
    ),
    ownerCode: Nullable(
      Type.String({ maxLength: 16, description: 'The department that owns its process and models it' }),
    ),
    agency: Nullable(Type.String({ maxLength: 1000 })),
    timeLimitHours: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 8760 })),
    sameDay: Type.Boolean(),
    cutoffTime: Nullable(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', maxLength: 5 })),
    timeLimitText: Nullable(Type.String({ maxLength: 4000 })),
    fee: Nullable(Type.String({ maxLength: 4000 })),
    onlineLevel: Nullable(Type.Enum(['toan_trinh', 'mot_phan'])),
    documents: Type.Array(Document, { maxItems: 100 }),
    formSchema: Type.Optional(Nullable(FreeObject)),
  },
  { additionalProperties: false },
);

export const Procedure = Type.Object({
  ...ProcedureSummary.properties,
  agency: Nullable(Type.String()),
  fee: Nullable(Type.String()),
  documents: Type.Array(
    Type.Object(
      {
        name: Type.String(),
        quantity: Type.Optional(Type.String()),
        required: Type.Boolean({ description: 'An online submission without it is refused (422)' }),
      },
      { additionalProperties: true },
    ),
  ),
  formSchema: Nullable(FreeObject),
  version: Nullable(
    Type.Object({
      number: Type.Integer(),
      sha256: Type.String(),
      processId: Type.String(),
      validFrom: Nullable(Instant),
      publishedAt: Nullable(Instant),
    }),
    'The published version new dossiers bind to now; null before the first publication or after abolition',
  ),
});

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

export const Dossier = Type.Object({
  code: Type.String({ description: '{agency e-ID}-{yymmdd}-{seq}' }),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  procedureVersion: Type.Integer({ description: 'Version of the procedure’s diagram the dossier runs on' }),
  unitCode: Type.String({ description: 'Unit that received the dossier' }),
  deskUnitCode: Type.String({
    description:
      'Unit whose desk handles the dossier now: the receiving unit, or its successor after a unit reorganisation',
  }),
  deskUnitName: Type.String(),
  unitName: Type.String(),
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
});

export const DossierSummary = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  procedureVersion: Type.Integer(),
  unitCode: Type.String({ description: 'Unit that received the dossier' }),
  unitName: Type.String(),
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

export const IdNumber = Type.String({
  pattern: ID_NUMBER_PATTERN,
  maxLength: 12,
  description: 'số CCCD (12 chữ số), CMND (9 chữ số) hoặc hộ chiếu (1 chữ cái in hoa và 7–8 chữ số)',
});

export const Phone = Type.String({
  pattern: '^(\\+84|0)[0-9]{9,10}$',
  maxLength: 13,
  description: 'số điện thoại Việt Nam, ví dụ 0912345678',
});

export const Email = Type.String({
  format: 'email',
  maxLength: 254,
  description: 'địa chỉ thư điện tử, ví dụ ten@example.vn',
});

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

const EngineEventRef = Type.Object({ type: Type.String(), elementId: Type.String() });

export const Replay = Type.Object({
  ok: Type.Boolean({ description: 'The replay reproduced the record on the BPMN it was recorded under' }),
  dossierCode: Type.String(),
  recordedBpmnSha256: Nullable(Type.String()),
  bpmnSha256: Type.String({ description: 'SHA-256 of the BPMN replayed (the version as stored now)' }),
  bpmnUnchanged: Type.Boolean(),
  steps: Type.Array(
    Type.Object({
      seq: Type.Integer({ description: 'Event that caused the step' }),
      kind: Type.Enum(['received', 'accepted', 'completed', 'timer', 'migrated', 'imported']),
      activityId: Nullable(Type.String()),
      activityName: Nullable(Type.String()),
      outcome: Nullable(Type.String()),
      actor: Type.Object({ id: Nullable(Type.Integer()), unitCode: Nullable(Type.String()) }),
      at: Instant,
      taskOpenedAt: Nullable(Instant),
      dueAt: Nullable(Instant),
      timeSpentMinutes: Nullable(
        Type.Number({ description: 'Working minutes from the task being opened to this step' }),
      ),
      onTime: Nullable(Type.Boolean()),
      path: Type.Array(Type.String(), { description: 'Flow nodes and flows passed, in order' }),
      tokens: Type.Array(Type.String(), { description: 'Activities waiting after the step' }),
      statusCode: Type.Integer(),
    }),
  ),
  state: Nullable(Type.Object({ seq: Type.Integer(), tokens: Type.Array(Type.String()), statusCode: Type.Integer() })),
  divergence: Nullable(
    Type.Object({
      seq: Type.Integer(),
      expected: Nullable(EngineEventRef),
      actual: Nullable(EngineEventRef),
      message: Type.String(),
    }),
  ),
});

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

export const HeatmapEntry = Type.Object({
  activityId: Type.String(),
  name: Nullable(Type.String()),
  type: Type.String(),
  passed: Type.Integer({ description: 'Dossiers that went through the activity' }),
  medianMinutes: Nullable(Type.Number({ description: 'Median working minutes spent in its tasks' })),
  p90Minutes: Nullable(Type.Number()),
  late: Type.Integer({ description: 'Tasks completed after their due time or open past it' }),
});

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

export const Rules = Type.Object(
  {
    workingHours: Type.Array(
      Type.Object(
        {
          start: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', maxLength: 5 }),
          end: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', maxLength: 5 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 4, description: 'Working periods of a working day, local time' },
    ),
    lateRiskLeadHours: Type.Number({
      minimum: 0,
      maximum: 400,
      description: 'Working hours before the due time at which the late-risk alert is raised',
    }),
    apologyLeadHours: Type.Number({
      minimum: 0,
      maximum: 400,
      description: 'An apology should come at least this many working hours before the due time',
    }),
    taskReminderLeadHours: Type.Number({
      minimum: 0,
      maximum: 400,
      description: 'Working hours before a task is due at which its holders are reminded',
    }),
    publisherNotSubmitter: Type.Boolean({
      description:
        'Whoever submitted a version may not publish it (on by default: two people see every diagram that goes live)',
    }),
  },
  { additionalProperties: false },
);

export const Holiday = Type.Object({
  date: LocalDate(),
  name: Type.String(),
  kind: Type.String(),
  workingDay: Type.Boolean({ description: 'A make-up working day (usually a Saturday)' }),
  status: Type.Enum(['confirmed', 'confirmed_derived', 'computed']),
  source: Nullable(Type.String()),
});

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

/** The applicant as given at receipt or online. */
export const ApplicantInput = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: IdNumber,
    phone: Type.Optional(Phone),
    email: Type.Optional(Email),
  },
  { additionalProperties: false },
);

/** The desk's decision at receipt: the fields of a receipt body. */
export const ReceiptDecisionFields = {
  outcome: Type.Optional(
    Type.Enum([...RECEIPT_OUTCOMES], {
      default: 'accept',
      description:
        'accept (status 2 then 4, the clock starts), supplement (5: missingItems required), refuse (3: reason required)',
    }),
  ),
  missingItems: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 50 })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
};

export const Rating = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Nullable(Type.String()),
  ratedAt: Instant,
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

/** What the applicant sees of a dossier. */
export const CitizenDossier = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  unitCode: Type.String({ description: 'The unit whose desk handles the dossier now' }),
  unitName: Type.String(),
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
