import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id, problems } from '../../schemas.js';
import { multipartOptions, readUploadForm } from '../../uploads.js';
import { DossierParams } from './params.js';
import { Attachment, Dossier } from './schemas.js';

/** A header value naming a file: an ASCII fallback and the UTF-8 name (RFC 6266). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const SHOWN_INLINE = ['application/pdf', 'image/png', 'image/jpeg'];

/** A dossier's files: those the citizen uploaded online and those officers attach; listed, downloaded, added. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { portal, dossiers } = app.system;
  const limits = portal.limits;
  await app.register(multipart, multipartOptions(limits));

  app.get(
    '/dossiers/:code/attachments',
    {
      config: { action: 'dossiers:attachments' },
      schema: {
        tags: ['dossiers'],
        summary:
          'The files of the dossier, in upload order: all of them for staff who may read it; for the citizen who submitted it, the files they uploaded',
        params: DossierParams,
        response: { 200: Type.Array(Attachment), ...problems(401, 403, 404) },
      },
    },
    async (request) => portal.attachments(request.actor!, request.params.code),
  );

  app.post(
    '/dossiers/:code/attachments',
    {
      config: { action: 'dossiers:handle' },
      schema: {
        tags: ['dossiers'],
        summary:
          'Attach documents to the dossier (officers and leaders of the desk’s unit or of a unit holding an open step)',
        description:
          'multipart/form-data: the text field `document` (1–500 characters: the document the files are, e.g. “Biên bản thẩm định”) and ' +
          `one part per file (field name \`files\`). PDF, JPEG, PNG and office documents, checked by their content; at most ${limits.maxFiles} files ` +
          `of ${limits.maxFileBytes} bytes in one request. The files and a \`dossier.attachmentsAdded\` event of the dossier's history are written ` +
          'in one transaction; a refused file stores none. Not once the dossier is closed (refused, withdrawn, result returned): 409 `dossier-closed`.',
        consumes: ['multipart/form-data'],
        params: DossierParams,
        response: { 201: Type.Array(Attachment), ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const form = await readUploadForm(
        request,
        limits,
        'trường “document” (tên tài liệu) và các tệp (trường “files”)',
        await portal.remainingToday(request.actor!),
      );
      return reply
        .code(201)
        .send(await portal.attach(request.actor!, request.params.code, form.fields.document ?? '', form.uploads));
    },
  );

  app.post(
    '/dossiers/:code/documents/:index/digitised',
    {
      config: { action: 'dossiers:handle' },
      schema: {
        tags: ['dossiers'],
        summary:
          'The officer checks the scan of the document at `index` (from 0) of the dossier’s receivedDocuments: it is digitised (số hóa). Its files are those attached under its name (409 scan-required without one); when every document is, the dossier’s digitisedAt is set',
        params: Type.Object({ code: Type.String({ maxLength: 64 }), index: Type.Integer({ minimum: 0, maximum: 99 }) }),
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Dossier, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await portal.digitise(request.actor!, request.params.code, request.params.index);
      return dossiers.get(request.actor!, request.params.code);
    },
  );

  app.get(
    '/dossiers/:code/attachments/:id',
    {
      config: { action: 'dossiers:attachments' },
      schema: {
        tags: ['dossiers'],
        summary: 'One file of the dossier, with its media type',
        params: Type.Object({ code: Type.String({ maxLength: 64 }), id: Id }),
        produces: ['application/octet-stream'],
        response: {
          200: {
            description: 'The file',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await portal.attachment(request.actor!, request.params.code, request.params.id);
      return reply
        .type(file.mediaType)
        .header(
          'content-disposition',
          disposition(SHOWN_INLINE.includes(file.mediaType) ? 'inline' : 'attachment', file.name),
        )
        .header('x-content-type-options', 'nosniff')
        .send(file.content as unknown as string);
    },
  );
};

export default routes;
