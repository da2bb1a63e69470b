/**
 * What other rooms may use of `dossiers/`: the facade, the one command path for rooms that change a dossier of their
 * own kind (online submission, legacy import, a citizen's attachments and ratings), and the types they share.
 */
export { Alerts } from './alerts.js';
export { changeDossier, createDossier, type Logged, type Written } from './command.js';
export type { DossierContext, DossierDeps } from './context.js';
export { Dossiers, type CompletionInput, type ReceiptDecision, type ReceiptInput } from './dossiers.js';
export type { IssuedForm, Paperwork } from './paperwork.js';
export type { HandoverReason, SuccessorRule } from './handover.js';
export { mayHandle } from './handling.js';
export { PAUSE_KINDS, type PauseKind } from './pauses.js';
export {
  assertReceivable,
  handlesProcedure,
  isBranch,
  receivableAt,
  receivesForOthers,
  resultPlaceOf,
} from './receiving.js';
export type { RegisterEntry, RegisterQuery } from './register.js';
export { allDigitised, filesReceived, type ReceivedDocument } from './received-documents.js';
export { findProcedure, insertNewDossier, receivingUnit, versionForNewDossier, type Applicant } from './receipt.js';
export { deskOf, DossierRepository, NEW_DOSSIER_DEFAULTS, type DossierRow } from './repository.js';
export { routeTo, type Route } from './route.js';
export { writeStep } from './step.js';
export { watchDossier } from './watch.js';
