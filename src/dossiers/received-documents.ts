import type { Procedure } from '../catalogue/catalogue.js';
import { isRequiredDocument, type ProcedureDocument } from '../catalogue/documents.js';
import { Unprocessable } from '../errors.js';

/** A document of the procedure as the desk received it: how many originals and copies, and how many files. */
export interface ReceivedDocument {
  name: string;
  originals: number;
  copies: number;
  /** Electronic files: uploaded online, or scans attached at receipt. */
  files: number;
  /** When its scan was checked by the officer (số hóa); the submission's time for a file submitted online. */
  digitisedAt?: string | null | undefined;
}

/** What the desk ticks on the checklist of the procedure's documents. */
export interface ReceivedDocumentInput {
  name: string;
  originals?: number | undefined;
  copies?: number | undefined;
}

/**
 * The checklist the desk records at receipt, each entry a document of the procedure (by its catalogue name) received
 * at least once. Without one, an accepted dossier is complete by the desk's decision: every required document, in the
 * quantity the catalogue states.
 */
export function receivedDocuments(
  procedure: Pick<Procedure, 'documents'>,
  input: readonly ReceivedDocumentInput[] | undefined,
): ReceivedDocument[] {
  if (!input) return procedure.documents.filter(isRequiredDocument).map(asCatalogued);
  // The catalogue may list a document twice (under two cases): it may be ticked as often as it is listed.
  const listed = new Map<string, number>();
  for (const d of procedure.documents)
    listed.set(d.name.normalize('NFC'), (listed.get(d.name.normalize('NFC')) ?? 0) + 1);
  return input.map((doc) => {
    const name = doc.name.normalize('NFC');
    const left = listed.get(name);
    if (left === undefined) {
      throw new Unprocessable('unknown-document', `“${doc.name}” không có trong thành phần hồ sơ của thủ tục.`);
    }
    if (left === 0) throw new Unprocessable('duplicate-document', `“${doc.name}” được ghi nhiều lần hơn danh mục.`);
    listed.set(name, left - 1);
    const received = { name, originals: doc.originals ?? 0, copies: doc.copies ?? 0, files: 0 };
    if (received.originals + received.copies === 0) {
      throw new Unprocessable('document-count-required', `“${doc.name}”: ghi số bản chính hoặc bản sao đã nhận.`);
    }
    return received;
  });
}

/** The checklist once the applicant supplied what was missing: what was recorded, and every other required document. */
export function completedDocuments(
  procedure: Pick<Procedure, 'documents'>,
  recorded: string | null,
): ReceivedDocument[] {
  const earlier: ReceivedDocument[] = recorded ? JSON.parse(recorded) : [];
  const supplied = receivedDocuments(procedure, undefined).filter((d) => !earlier.some((e) => e.name === d.name));
  return [...earlier, ...supplied];
}

/** What a citizen submitted online: each document with the number of files uploaded for it, digitised as it came. */
export function filesReceived(files: readonly { document: string }[], at: Date): ReceivedDocument[] {
  const counts = new Map<string, number>();
  for (const { document } of files) counts.set(document, (counts.get(document) ?? 0) + 1);
  return [...counts].map(([name, n]) => ({ name, originals: 0, copies: 0, files: n, digitisedAt: at.toISOString() }));
}

/** Whether every document received is digitised (an empty checklist is not). */
export function allDigitised(documents: readonly ReceivedDocument[]): boolean {
  return documents.length > 0 && documents.every((d) => d.digitisedAt);
}

/** The quantity the catalogue states ("Bản chính: 1 - Bản sao: 0"); one original when it states none. */
function asCatalogued(doc: ProcedureDocument): ReceivedDocument {
  const count = (label: string) =>
    Number(new RegExp(`${label}\\s*:\\s*(\\d+)`, 'i').exec((doc.quantity ?? '').normalize('NFC'))?.[1] ?? 0);
  const originals = count('Bản chính');
  const copies = count('Bản sao');
  return { name: doc.name, originals: originals + copies === 0 ? 1 : originals, copies, files: 0 };
}
