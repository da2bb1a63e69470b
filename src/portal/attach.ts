import type { Actor } from '../auth/policy.js';
import { changeDossier, mayHandle } from '../dossiers/index.js';
import { BadRequest, Conflict } from '../errors.js';
import { CLOSED } from '../vocabulary/statuses.js';
import type { PortalContext } from './context.js';
import { checkFile, checkLimits, remainingToday, type Upload } from './files.js';
import type { AttachmentRow } from './repository.js';
import { attachmentView, type AttachmentView } from './views.js';

/**
 * An officer attaches documents to a dossier (a scan at the desk, an appraisal report…): whoever may handle it (its
 * desk's unit or a unit holding an open step), until it is closed. Every file is checked by its content; the files
 * (uploaded by the officer) and a `dossier.attachmentsAdded` event with each file's name and SHA-256 are written in one
 * transaction, or nothing is.
 */
export async function attach(
  ctx: PortalContext,
  actor: Actor,
  code: string,
  document: string,
  uploads: Upload[],
): Promise<AttachmentView[]> {
  const name = document.trim();
  if (!name || name.length > 500) {
    const message = name ? 'Tên tài liệu dài quá 500 ký tự.' : 'Nhập tên tài liệu (ví dụ: Biên bản thẩm định).';
    throw new BadRequest('document-required', 'Chưa có tên tài liệu đính kèm hợp lệ.', {
      errors: [{ field: '/document', message }],
    });
  }
  if (!uploads.length)
    throw new BadRequest('file-required', 'Chưa chọn tệp nào để đính kèm.', {
      errors: [{ field: '/files', message: 'Chọn ít nhất một tệp.' }],
    });
  checkLimits(uploads, ctx.limits, await remainingToday(ctx.store, ctx.limits, actor.id, ctx.clock()));
  let added: AttachmentView[] = [];
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier);
    if (CLOSED.includes(dossier.status_code)) {
      throw new Conflict(
        'dossier-closed',
        `Hồ sơ ${dossier.code} đã đóng (không tiếp nhận, đã rút hoặc đã trả kết quả), không thể đính kèm thêm tài liệu.`,
      );
    }
    const rows = uploads.map(checkFile).map(({ mediaType, ...file }) => ({
      ...file,
      dossier_id: dossier.id,
      document: name,
      media_type: mediaType,
      uploaded_by: actor.id,
      uploaded_at: at.toISOString(),
    }));
    const ids = await ctx.store.insertAttachments(trx, rows);
    added = rows.map(({ content: _content, ...row }, i): AttachmentView =>
      attachmentView({ ...row, id: ids[i]! } satisfies AttachmentRow),
    );
    return [
      { type: 'dossier.attachmentsAdded', payload: { files: added.map(({ uploadedAt: _at, ...file }) => file) } },
    ];
  });
  return added;
}
