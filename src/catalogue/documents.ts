/** A document of a procedure's dossier as the catalogue lists it (“Thành phần hồ sơ”). */
export interface ProcedureDocument {
  name: string;
  /** As the national portal words it: "Bản chính: 1 - Bản sao: 0". */
  quantity?: string;
  /** Set by VPUBND when it knows; otherwise read from the quantity and the wording (see isRequiredDocument). */
  required?: boolean;
}

// Wording of the national portal for a document needed only in some cases ("Trường hợp…", "…nếu…", "…trong trường hợp…").
const CONDITIONAL = /^\s*(\([ivx]+\)\s*)?(trường hợp|ngoài)\s|\bnếu\s|\btrong trường hợp\s/i;

/**
 * Whether an online applicant must attach this document: `required` when the catalogue says so; otherwise every
 * document is, except those the quantity sets to none ("Bản chính: 0 - Bản sao: 0") and those worded as conditional.
 */
export function isRequiredDocument(document: ProcedureDocument): boolean {
  if (typeof document.required === 'boolean') return document.required;
  if (document.quantity && !/[1-9]/.test(document.quantity)) return false;
  return !CONDITIONAL.test(document.name);
}

/** A document with `required` always set, as the API and the submission check read it. */
export type ListedDocument = ProcedureDocument & { required: boolean };

export function withRequired(documents: readonly ProcedureDocument[]): ListedDocument[] {
  return documents.map((d) => ({ ...d, required: isRequiredDocument(d) }));
}
