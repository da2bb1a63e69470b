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
