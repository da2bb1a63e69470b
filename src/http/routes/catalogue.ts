import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CHANGE_KINDS } from '../../catalogue/announcements.js';
import { BadRequest } from '../../errors.js';
import { readingForm } from '../uploads.js';
import {
  Announcement,
  DiagramDiff,
  Finding,
  Id,
  Instant,
  MigrationReport,
  problems,
  Procedure,
  ProcedureFields,
  Version,
} from '../schemas.js';

const Code = Type.Object({ code: Type.String({ maxLength: 32 }) });
const CodeNumber = Type.Object({
  code: Type.String({ maxLength: 32 }),
  n: Type.Integer({ minimum: 1, maximum: 100000 }),
});
const XML_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml'];

/** The diagram of an upload: the body of an XML request, or the first file of a multipart form. */
async function uploadedXml(request: FastifyRequest, maxBytes: number): Promise<string> {
  if (request.isMultipart()) {
    const content = await readingForm(async () => {
      const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new BadRequest('file-required', 'Chưa chọn tệp sơ đồ (.bpmn) để tải lên.');
      return file.toBuffer();
    });
    return content.toString('utf8');
  }
  if (typeof request.body !== 'string')
    throw new BadRequest('bpmn-required', 'Gửi sơ đồ dưới dạng application/xml hoặc tệp trong multipart/form-data.');
  return request.body;
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { catalogue, versions, announcements, dossiers } = app.system;
  const maxBytes = versions.maxBytes;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: true });
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: maxBytes }, (_request, body, done) =>
    done(null, body),
  );
  const uploadOptions = { bodyLimit: maxBytes + 64 * 1024 };
  // The diagram comes as the XML body or as one file of a multipart form (not JSON: no body schema).
  const consumes = ['application/xml', 'text/xml', 'multipart/form-data'];

  app.post(
    '/procedures',
    {
      config: { action: 'procedures:edit' },
      schema: {
        tags: ['catalogue'],
        summary: 'Add a procedure to the catalogue (its diagram comes as versions)',
        body: ProcedureFields,
        response: { 201: Procedure, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        ...(await catalogue.create({ ...request.body, formSchema: request.body.formSchema ?? null })),
        version: null,
      }),
  );

  app.patch(
    '/procedures/:code',
    {
      config: { action: 'procedures:edit' },
      schema: {
        tags: ['catalogue'],
        summary: 'Change a procedure’s metadata',
        params: Code,
        body: Type.Partial(Type.Omit(ProcedureFields, ['code'])),
        response: { 200: Procedure, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const procedure = await catalogue.update(request.params.code, request.body);
      return { ...procedure, version: await catalogue.versionInForceOrNull(procedure.code, app.system.clock()) };
    },
  );

  app.get(
    '/procedures/:code/versions',
    {
      config: { action: 'procedures:versions' },
      schema: {
        tags: ['catalogue'],
        summary: 'The versions of a procedure’s diagram',
        params: Code,
        response: { 200: Type.Array(Version), ...problems(401, 403, 404) },
      },
    },
    async (request) => versions.list(request.actor!, request.params.code),
  );

  app.post(
    '/procedures/:code/versions',
    {
      ...uploadOptions,
      config: { action: 'procedures:model' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Upload a diagram (BPMN 2.0 XML, or one .bpmn file in a multipart form) as a new draft; answered with its findings',
        consumes,
        params: Code,
        response: { 201: Version, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await versions.createDraft(request.actor!, request.params.code, await uploadedXml(request, maxBytes))),
  );

  app.get(
    '/procedures/:code/versions/:n',
    {
      config: { action: 'procedures:read' },
      schema: {
        tags: ['catalogue'],
        summary: 'A version with its findings (drafts and submissions to modelers, VPUBND, auditors)',
        params: CodeNumber,
        response: { 200: Version, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { xml: _xml, ...version } = await versions.get(request.actor, request.params.code, request.params.n);
      return version;
    },
  );

  app.get(
    '/procedures/:code/versions/:n/bpmn',
    {
      config: { action: 'procedures:read' },
      schema: {
        tags: ['catalogue'],
        summary: 'The diagram of a version, BPMN 2.0 XML (published versions are public)',
        params: CodeNumber,
        produces: ['application/xml'],
        response: {
          200: { description: 'BPMN 2.0 XML', content: { 'application/xml': { schema: { type: 'string' } } } },
          ...problems(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const version = await versions.get(request.actor, request.params.code, request.params.n);
      return reply.type('application/xml; charset=utf-8').send(version.xml as never);
    },
  );

  app.put(
    '/procedures/:code/versions/:n',
    {
      ...uploadOptions,
      config: { action: 'procedures:model' },
      schema: {
        tags: ['catalogue'],
        summary: 'Replace a draft’s diagram (XML or multipart, as for upload); answered with its findings',
        consumes,
        params: CodeNumber,
        response: { 200: Version, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      versions.updateDraft(request.actor!, request.params.code, request.params.n, await uploadedXml(request, maxBytes)),
  );

  app.post(
    '/procedures/:code/versions/:n/submit',
    {
      config: { action: 'procedures:model' },
      schema: {
        tags: ['catalogue'],
        summary: 'Submit a draft to VPUBND (refused while it has errors)',
        params: CodeNumber,
        response: { 200: Version, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request) => versions.submit(request.actor!, request.params.code, request.params.n),
  );

  app.post(
    '/procedures/:code/versions/:n/reject',
    {
      config: { action: 'procedures:publish' },
      schema: {
        tags: ['catalogue'],
        summary: 'Send a submitted version back to draft with the reason',
        params: CodeNumber,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: Version, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => versions.reject(request.actor!, request.params.code, request.params.n, request.body.reason),
  );

  app.post(
    '/procedures/:code/versions/:n/publish',
    {
      config: { action: 'procedures:publish' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Publish a submitted version, in force from validFrom (now at the earliest), for an announcement change',
        params: CodeNumber,
        body: Type.Object(
          { validFrom: Type.Optional(Instant), changeId: Type.Optional(Id) },
          { additionalProperties: false },
        ),
        response: { 200: Version, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => versions.publish(request.actor!, request.params.code, request.params.n, request.body),
  );

  app.get(
    '/procedures/:code/versions/:n/diff/:m',
    {
      config: { action: 'procedures:versions' },
      schema: {
        tags: ['catalogue'],
        summary: 'Added, removed and changed elements from version n to version m',
        params: Type.Object({
          code: Type.String({ maxLength: 32 }),
          n: Type.Integer({ minimum: 1, maximum: 100000 }),
          m: Type.Integer({ minimum: 1, maximum: 100000 }),
        }),
        response: { 200: DiagramDiff, ...problems(401, 403, 404) },
      },
    },
    async (request) => versions.diff(request.actor!, request.params.code, request.params.n, request.params.m),
  );

  app.post(
    '/procedures/:code/validate',
    {
      ...uploadOptions,
      config: { action: 'procedures:model' },
      schema: {
        tags: ['catalogue'],
        summary: 'Check a diagram (XML or multipart) against the procedure’s rules without storing it',
        consumes,
        params: Code,
        response: { 200: Type.Array(Finding), ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => versions.check(request.actor!, request.params.code, await uploadedXml(request, maxBytes)),
  );

  app.post(
    '/procedures/:code/migrations',
    {
      config: { action: 'procedures:publish' },
      schema: {
        tags: ['catalogue'],
        summary: 'Move in-flight dossiers from one version to another with a map of waiting activities (dryRun first)',
        params: Code,
        body: Type.Object(
          {
            fromVersion: Type.Integer({ minimum: 1, maximum: 100000 }),
            toVersion: Type.Integer({ minimum: 1, maximum: 100000 }),
            activityMap: Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 200 })),
            dossiers: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10000 })),
            dryRun: Type.Boolean({ default: true }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MigrationReport, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      dossiers.migrate(request.actor!, request.params.code, {
        ...request.body,
        activityMap: request.body.activityMap as Record<string, string>,
      }),
  );

  app.get(
    '/announcements',
    {
      config: { action: 'announcements:read' },
      schema: {
        tags: ['catalogue'],
        summary: 'Announcements and their changes, each pending, on time or late against its 2-working-day deadline',
        response: { 200: Type.Array(Announcement) },
      },
    },
    async () => announcements.list(),
  );

  app.get(
    '/announcements/:id',
    {
      config: { action: 'announcements:read' },
      schema: {
        tags: ['catalogue'],
        summary: 'One announcement',
        params: Type.Object({ id: Id }),
        response: { 200: Announcement, ...problems(404) },
      },
    },
    async (request) => announcements.get(request.params.id),
  );

  app.post(
    '/announcements',
    {
      config: { action: 'announcements:edit' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Record an announcement (Quyết định công bố) and the procedures it adds, amends, replaces or abolishes',
        body: Type.Object(
          {
            number: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. 1234/QĐ-UBND' }),
            title: Type.String({ minLength: 1, maxLength: 500 }),
            signedOn: Type.String({ format: 'date', maxLength: 10 }),
            announcedOn: Type.String({ format: 'date', maxLength: 10 }),
            changes: Type.Array(
              Type.Object(
                {
                  procedureCode: Type.String({ minLength: 1, maxLength: 32 }),
                  kind: Type.Enum([...CHANGE_KINDS]),
                  replacesCode: Type.Optional(Type.String({ maxLength: 32 })),
                  effectiveFrom: Type.Optional(Instant),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Announcement, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await announcements.create(request.actor!, request.body)),
  );

  app.post(
    '/announcements/:id/changes/:changeId/abolish',
    {
      config: { action: 'announcements:edit' },
      schema: {
        tags: ['catalogue'],
        summary: 'Carry out an abolition: the procedure takes no new dossier from its effective date',
        params: Type.Object({ id: Id, changeId: Id }),
        response: { 200: Announcement, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => announcements.abolish(request.actor!, request.params.id, request.params.changeId),
  );
};

export default routes;
