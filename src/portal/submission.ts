import type { Actor } from '../auth/policy.js';
import type { Procedure } from '../catalogue/catalogue.js';
import { isRequiredDocument } from '../catalogue/documents.js';
import {
  assertReceivable,
  createDossier,
  filesReceived,
  findProcedure,
  insertNewDossier,
  receivingUnit,
  versionForNewDossier,
  type Applicant,
} from '../dossiers/index.js';
import { Unprocessable } from '../errors.js';
import { NEW } from '../vocabulary/statuses.js';
import type { PortalContext } from './context.js';
import { checkFile, checkLimits, remainingToday, type Upload } from './files.js';

/** What a citizen fills in online: the procedure, the unit that handles it, who applies, the procedure's form. */
export interface Submission {
  procedureCode: string;
  unitCode: string;
  applicant: Applicant;
  data: Record<string, unknown>;
}

/**
 * A citizen submits a dossier online: checked as at the desk (a procedure in force, offered online, at a unit that
 * handles it; the form valid), every file by its content, and a file for every required document. In one transaction
 * the dossier gets its code from the agency's daily sequence, status 1 “Mới đăng ký”, its files and the first event of
 * its log. No process, no clock yet: they start when the desk receives it.
 */
export async function submit(
  ctx: PortalContext,
  citizen: Actor,
  input: Submission,
  uploads: Upload[],
): Promise<string> {
  const at = ctx.clock();
  checkLimits(uploads, ctx.limits, await remainingToday(ctx.store, ctx.limits, citizen.id, at));
  const procedure = await findProcedure(ctx, input.procedureCode);
  const unit = receivingUnit(ctx, input.unitCode);
  assertReceivable(ctx.units, procedure, unit, at);
  if (!procedure.onlineLevel) {
    throw new Unprocessable(
      'procedure-not-online',
      `Thủ tục "${procedure.name}" chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp hồ sơ trực tiếp tại ${unit.name}.`,
    );
  }
  ctx.forms.assertValid(procedure, input.data);
  const files = uploads.map((u) => ({ ...checkFile(u), document: documentOf(procedure, u.field) }));
  assertRequiredDocuments(procedure, files);
  const version = await versionForNewDossier(ctx, procedure, at);
  const now = at.toISOString();

  const { dossier } = await createDossier(
    ctx,
    citizen,
    at,
    (trx) =>
      insertNewDossier(
        ctx,
        trx,
        { ...input, procedure, versionId: version.id, unit, channel: 'online', statusCode: NEW, at },
        {
          citizen_id: citizen.id,
          received_documents: JSON.stringify(filesReceived(files, at)),
          digitised_at: at.toISOString(),
        },
      ),
    async (trx, created) => {
      const stored = files.map(({ name, document, mediaType, size, sha256, content }) => ({
        dossier_id: created.id,
        name,
        document,
        media_type: mediaType,
        size,
        sha256,
        content,
        uploaded_by: citizen.id,
        uploaded_at: now,
      }));
      const ids = await ctx.store.insertAttachments(trx, stored);
      const attachments = files.map(({ name, document, mediaType, size, sha256 }, i) => ({
        id: ids[i],
        name,
        document,
        mediaType,
        size,
        sha256,
      }));
      const payload = {
        code: created.code,
        procedureCode: procedure.code,
        versionId: version.id,
        unitCode: unit.code,
        channel: 'online',
        applicant: input.applicant,
        data: input.data,
        attachments,
      };
      return [{ type: 'dossier.submitted', payload }];
    },
  );
  return dossier.code;
}

/** The document a file is, from its form field: the index or the name of one of the procedure's documents, or a name of the applicant's. */
function documentOf(procedure: Procedure, field: string): string {
  const listed = /^\d+$/.test(field) ? procedure.documents[Number(field)] : undefined;
  return (listed?.name ?? field.trim()).slice(0, 500) || 'Giấy tờ khác';
}

/** Refuses (422) a submission lacking a file for any required document, naming each one by its form field. */
function assertRequiredDocuments(procedure: Procedure, files: readonly { document: string }[]): void {
  const given = new Set(files.map((f) => f.document));
  const missing = procedure.documents.flatMap((d, i) =>
    isRequiredDocument(d) && !given.has(d.name.slice(0, 500)) ? [i] : [],
  );
  if (!missing.length) return;
  const errors = missing.map((i) => ({ field: `/documents/${i}`, message: 'Chưa đính kèm giấy tờ bắt buộc này.' }));
  const names = missing.map((i) => `“${shortened(procedure.documents[i]!.name)}”`).join('; ');
  throw new Unprocessable('document-missing', `Hồ sơ trực tuyến còn thiếu giấy tờ bắt buộc: ${names}.`, { errors });
}

function shortened(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
