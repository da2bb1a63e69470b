/** What the officers' pages read from the API: the server's schemas' types (`app/api-types.ts`). */
import type * as Api from '../app/api-types';
import type { FormSchema } from '../app/forms/form-schema';

export type {
  Alert,
  Attachment,
  ControlSlip,
  Dossier,
  InboxItem,
  Task,
  TimelineEntry,
  ProcedureSummary,
} from '../app/api-types';

export type DossierSummary = Pick<
  Api.DossierSummary,
  | 'code'
  | 'procedureCode'
  | 'procedureName'
  | 'unitName'
  | 'statusCode'
  | 'statusLabel'
  | 'applicantName'
  | 'receivedAt'
  | 'dueAt'
>;

/** A procedure as the receipt form reads it, its form schema as the form renders it. */
export type Procedure = Omit<Api.Procedure, 'formSchema'> & { formSchema: FormSchema | null };

export type { ReceiptOutcome } from '../../../src/vocabulary/receipt-outcomes';
