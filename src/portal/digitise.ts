import type { Actor } from '../auth/policy.js';
import { allDigitised, changeDossier, mayHandle, type ReceivedDocument } from '../dossiers/index.js';
import { Conflict, NotFound } from '../errors.js';
import type { PortalContext } from './context.js';

/**
 * The officer checks the scan of a document the desk received (số hóa): the document, by its place in the checklist,
 * must have at least one file attached under its name. Its state, the files' SHA-256 and, once every document is
 * digitised, the dossier's digitisation are written in one step of its chain.
 */
export async function digitise(ctx: PortalContext, actor: Actor, code: string, index: number): Promise<void> {
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier);
    const documents: ReceivedDocument[] = dossier.received_documents ? JSON.parse(dossier.received_documents) : [];
    const document = documents[index];
    if (!document) {
      throw new NotFound(
        'unknown-document',
        `Hồ sơ ${code} không có giấy tờ thứ ${index + 1} trong thành phần đã nhận.`,
      );
    }
    if (document.digitisedAt) throw new Conflict('already-digitised', `“${document.name}” đã được số hóa.`);
    const scans = (await ctx.store.attachments(dossier.id, trx)).filter((f) => f.document === document.name);
    if (!scans.length) {
      throw new Conflict(
        'scan-required',
        `Chưa đính kèm bản scan của “${document.name}”: đính kèm trước khi xác nhận.`,
      );
    }
    const now = at.toISOString();
    documents[index] = { ...document, files: scans.length, digitisedAt: now };
    const complete = allDigitised(documents);
    await ctx.repo.updateDossier(trx, dossier.id, {
      received_documents: JSON.stringify(documents),
      ...(complete ? { digitised_at: now } : {}),
    });
    return [
      {
        type: 'document.digitised',
        payload: { index, name: document.name, files: scans.map((f) => ({ id: f.id, sha256: f.sha256 })) },
      },
      ...(complete ? [{ type: 'dossier.digitised', payload: {} }] : []),
    ];
  });
}
