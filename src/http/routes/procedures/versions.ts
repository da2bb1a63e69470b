import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Finding, problems } from '../../schemas.js';
import { uploadedXml } from './diagram-upload.js';
import { Code, CodeNumber } from './params.js';
import { DiagramDiff, Version } from './version-schemas.js';

/** The versions of a procedure's diagram: uploaded, checked, replaced, read and compared. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { versions } = app.system;
  const maxBytes = versions.maxBytes;
  const uploadOptions = { bodyLimit: maxBytes + 64 * 1024 };
  // The diagram comes as the XML body or as one file of a multipart form (not JSON: no body schema).
  const consumes = ['application/xml', 'text/xml', 'multipart/form-data'];

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
};

export default routes;
