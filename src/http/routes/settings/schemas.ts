import { Type } from 'typebox';

/** The city's working hours and alert leads. */
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
      description:
        'The apology and request for extension (Mẫu 04) is refused later than this many working hours before the due time (8: one working day, Decree 61/2018 art. 19(9))',
    }),
    extensionLimit: Type.Integer({
      minimum: 0,
      maximum: 10,
      description: 'How many times one dossier’s appointment may be extended (1: “không quá một lần”)',
    }),
    extensionMaxWorkingDays: Type.Union([Type.Integer({ minimum: 1, maximum: 400 }), Type.Null()], {
      description:
        'The furthest an extension may move the appointment past the legal due time, in working days; null for no cap (the decree sets none that we could confirm)',
    }),
    taskReminderLeadHours: Type.Number({
      minimum: 0,
      maximum: 400,
      description: 'Working hours before a task is due at which its holders are reminded',
    }),
    citizenPasswords: Type.Boolean({
      description:
        'Citizens may sign in with a local password (on by default); off, only through the national identity (VNeID) when it is configured',
    }),
    publisherNotSubmitter: Type.Boolean({
      description:
        'Whoever submitted a version may not publish it (on by default: two people see every diagram that goes live)',
    }),
  },
  { additionalProperties: false },
);
