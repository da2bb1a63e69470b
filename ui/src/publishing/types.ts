/** What the desk reads from the API: the server's schemas' types (`app/api-types.ts`). */
import type * as Api from '../app/api-types';

export type { Announcement, AnnouncementChange, Version } from '../app/api-types';

export type ChangeKind = Api.AnnouncementChange['kind'];
export type ChangeState = Api.AnnouncementChange['state'];

/** GET /api/versions?status=submitted */
export type SubmittedVersion = Api.VersionOfProcedure;

export type ProcedureSummary = Pick<Api.ProcedureSummary, 'code' | 'name' | 'status'>;

/** GET /api/procedures/:code */
export type Procedure = ProcedureSummary & Pick<Api.Procedure, 'version'>;

/** Announcement changes a published diagram can carry out (an abolition needs none). */
export const NEEDS_DIAGRAM: ChangeKind[] = ['new', 'amend', 'replace'];
