import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ValidateFunction } from 'ajv';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { BadRequest, UnsupportedMediaType } from '../../errors.js';
import { fileTooLarge, tooManyFiles, type Upload, type UploadLimits } from '../../portal/files.js';
import { describeErrors } from '../../validation/messages.js';
import { validatorCompiler } from '../validators.js';
import { ApplicantInput, Attachment, CitizenDossier, Dossier, FreeObject, problems, Rating, ReceiptDecisionFields, TrackedDossier } from '../schemas.js';

const DossierParams = Type.Object({ code: Type.String({ maxLength: 64 }) });

/** The JSON of the multipart field `dossier`. */
const SubmissionFields = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 32 }),
    unitCode: Type.String({ minLength: 1, maxLength: 16, description: 'The unit that handles the procedure, chosen by the applicant' }),
    applicant: ApplicantInput,
    data: Type.Optional(FreeObject),
  },
  { additionalProperties: false },
);
type SubmissionFields = Static<typeof SubmissionFields>;

/** The form's parts: the field `dossier` (JSON) in any order with the files; a file's field names its document. */
async function readSubmission(request: FastifyRequest, limits: UploadLimits): Promise<{ dossier: unknown; uploads: Upload[] }> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaType('multipart-required', 'Gửi hồ sơ dưới dạng multipart/form-data: trường “dossier” (JSON) và các tệp giấy tờ.');
  }
  let dossier: unknown;
  const uploads: Upload[] = [];
  for await (const part of request.parts({ limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles + 1 } })) {
    if (part.type === 'field') {
      if (part.fieldname === 'dossier') dossier = part.value;
      continue;
    }
    const content = await part.toBuffer();
    if (!part.filename) continue; // a file input left empty
    if (uploads.length === limits.maxFiles) throw tooManyFiles(limits);
    if (part.file.truncated) throw fileTooLarge(part.filename, limits);
    uploads.push({ field: part.fieldname, filename: part.filename, content });
  }
  return { dossier, uploads };
}

function parseDossier(value: unknown, validate: ValidateFunction<SubmissionFields>): SubmissionFields {
  if (value === undefined) throw new BadRequest('dossier-required', 'Thiếu trường “dossier”: thông tin hồ sơ dạng JSON.');
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new BadRequest('invalid-dossier-json', 'Trường “dossier” không phải JSON hợp lệ.');
    }
  }
  if (!validate(parsed)) throw new BadRequest('invalid-request', 'Thông tin hồ sơ chưa hợp lệ.', { errors: describeErrors(validate.errors) });
  return parsed;
}

const citizens: FastifyPluginAsyncTypebox = async (app) => {
  const { portal } = app.system;
  const limits = portal.limits;
  // A file over the limit arrives truncated and is refused by name (not with the plugin's own error).
  await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles + 1 }, throwFileSizeLimit: false });
  const validate = validatorCompiler({ schema: SubmissionFields, method: 'POST', url: '/portal/dossiers', httpPart: 'body' }) as unknown as ValidateFunction<SubmissionFields>;

  app.post(
    '/portal/dossiers',
    {
      config: { action: 'portal:submit' },
      schema: {
        tags: ['portal'],
        summary: `Submit a dossier online (multipart/form-data): the field “dossier” (JSON: procedureCode, unitCode, applicant, data) and one part per file, its field naming the document (its index in the procedure’s documents, or its name). PDF, JPEG, PNG and office documents, checked by content; at most ${limits.maxFiles} files of ${limits.maxFileBytes} bytes. The dossier gets its code and status 1; the desk receives it.`,
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ ...CitizenDossier.properties, attachments: Type.Array(Attachment) }), ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const { dossier, uploads } = await readSubmission(request, limits);
      const { data = {}, ...fields } = parseDossier(dossier, validate);
      const submitted = await portal.submit(request.actor!, { ...fields, data }, uploads);
      return reply.code(201).header('location', `/api/portal/track/${encodeURIComponent(submitted.code)}`).send(submitted);
    },
  );

  app.get(
    '/portal/track/:code',
    {
      config: {
        action: 'portal:track',
        // Guessing ID numbers: 30 look-ups a minute from one address.
        rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (request) => request.ip },
      },
      schema: {
        tags: ['portal'],
        summary: 'Follow a dossier by its code and the applicant’s ID number, without logging in; a wrong code or number is 404 alike',
        params: DossierParams,
        querystring: Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }),
        response: { 200: TrackedDossier, ...problems(400, 404, 429) },
      },
    },
    async (request) => portal.track(request.params.code, request.query.idNumber),
  );

  app.get(
    '/portal/my-dossiers',
    {
      config: { action: 'portal:mine' },
      schema: { tags: ['portal'], summary: 'The dossiers the logged-in citizen submitted online, newest first', response: { 200: Type.Array(CitizenDossier), ...problems(401, 403) } },
    },
    async (request) => portal.mine(request.actor!),
  );

  app.post(
    '/portal/dossiers/:code/rating',
    {
      config: { action: 'portal:rate' },
      schema: {
        tags: ['portal'],
        summary: 'Rate a dossier you submitted, once its result is ready (status 9) or returned (10); once per dossier',
        params: DossierParams,
        body: Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 201: Rating, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await portal.rate(request.actor!, request.params.code, request.body)),
  );
};

/** A header value naming a file: an ASCII fallback and the UTF-8 name (RFC 6266). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const SHOWN_INLINE = ['application/pdf', 'image/png', 'image/jpeg'];

const desk: FastifyPluginAsyncTypebox = async (app) => {
  const { dossiers, portal } = app.system;

  app.post(
    '/dossiers/:code/receive',
    {
      config: { action: 'dossiers:receive' },
      schema: {
        tags: ['dossiers'],
        summary: 'Receive a dossier submitted online (status 1) at the desk of its unit: accept (the process and the clock start), request supplementation (5) or refuse (3)',
        params: DossierParams,
        body: Type.Object(ReceiptDecisionFields, { additionalProperties: false }),
        response: { 200: Dossier, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => dossiers.receiveSubmitted(request.actor!, request.params.code, request.body),
  );

  app.get(
    '/dossiers/:code/attachments',
    {
      config: { action: 'dossiers:attachments' },
      schema: { tags: ['dossiers'], summary: 'The files uploaded with the dossier (staff who may read it, and the citizen who submitted it)', params: DossierParams, response: { 200: Type.Array(Attachment), ...problems(401, 403, 404) } },
    },
    async (request) => portal.attachments(request.actor!, request.params.code),
  );

  app.get(
    '/dossiers/:code/attachments/:id',
    {
      config: { action: 'dossiers:attachments' },
      schema: {
        tags: ['dossiers'],
        summary: 'One uploaded file, with its media type',
        params: Type.Object({ code: Type.String({ maxLength: 64 }), id: Type.Integer({ minimum: 1 }) }),
        produces: ['application/octet-stream'],
        response: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await portal.attachment(request.actor!, request.params.code, request.params.id);
      return reply
        .type(file.mediaType)
        .header('content-disposition', disposition(SHOWN_INLINE.includes(file.mediaType) ? 'inline' : 'attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .send(file.content as unknown as string);
    },
  );

  app.get(
    '/dossiers/:code/rating',
    {
      config: { action: 'dossiers:read' },
      schema: { tags: ['dossiers'], summary: 'The applicant’s rating of the dossier (null while not rated)', params: DossierParams, response: { 200: Type.Union([Rating, Type.Null()]), ...problems(401, 403, 404) } },
    },
    async (request) => portal.rating(request.actor!, request.params.code),
  );
};

/** The citizens' portal, and the desk's side of online dossiers: receipt, uploaded files, the rating. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(citizens);
  await app.register(desk);
};

export default routes;
