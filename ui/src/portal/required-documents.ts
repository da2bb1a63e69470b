import type { ProcedureDocument } from './types';

// Wording of the national portal for a document needed only in some cases ("Trường hợp…", "…nếu…", "…trong trường hợp…").
const CONDITIONAL = /^\s*(\([ivx]+\)\s*)?(trường hợp|ngoài)\s|\bnếu\s|\btrong trường hợp\s/i;

/**
 * Whether an online applicant must attach this document: the catalogue's `required` when it says so; otherwise every
 * document is, except those the quantity sets to none ("Bản chính: 0 - Bản sao: 0") and those worded as conditional.
 */
export function isRequiredDocument(document: ProcedureDocument): boolean {
  if (typeof document.required === 'boolean') return document.required;
  if (document.quantity && !/[1-9]/.test(document.quantity)) return false;
  return !CONDITIONAL.test(document.name);
}
