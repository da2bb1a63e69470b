import { Type } from 'typebox';
import { LocalDate, Nullable } from '../../schemas.js';

/** A procedure an announcement adds, amends, replaces or abolishes, and whether it went live in time. */
export const AnnouncementChange = Type.Object({
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
});

/** An announcement (Quyết định công bố) and its changes, each due live by the deadline. */
export const Announcement = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  signedOn: LocalDate(),
  announcedOn: LocalDate(),
  deadlineAt: Type.String({ format: 'date-time', description: 'End of the second working day after the announcement' }),
  changes: Type.Array(AnnouncementChange),
});
