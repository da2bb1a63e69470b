/** What the portal reads from the API: the server's schemas' types (`app/api-types.ts`). */
import type * as Api from '../app/api-types';
import type { FormSchema } from '../app/forms/form-schema';

export type { SubmittedDossier, TrackedDossier, Unit } from '../app/api-types';

export type OnlineLevel = Api.ProcedureSummary['onlineLevel'];
export type ProcedureSummary = Api.ProcedureSummary;
/** One event of a tracked dossier's timeline, as the applicant sees it. */
export type TimelineEntry = Api.TrackedDossier['timeline'][number];
export type ProcedureDocument = Api.Procedure['documents'][number];

/** A procedure as the online form reads it, its form schema as the form renders it. */
export type Procedure = Omit<Api.Procedure, 'formSchema'> & { formSchema: FormSchema | null };

/** The applicant as the online form sends them (the field `dossier` of POST /api/portal/dossiers). */
export type Applicant = Api.ApplicantInput;

/** One of the logged-in citizen's dossiers (GET /api/portal/my-dossiers). */
export type MyDossier = Api.CitizenDossier;
