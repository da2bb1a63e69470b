import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANGE_KINDS } from '../../../catalogue/announcements.js';
import { Id, Instant, problems } from '../../schemas.js';
import { readDiagrams } from '../procedures/diagram-upload.js';
import { Announcement } from './schemas.js';

/** Announcements (Quyết định công bố) and the deadline of each change they make to the catalogue. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { announcements, versions } = app.system;
  // Once in one plugin with the diagram uploads: an XML or multipart body is still parsed (then refused, 400), not 415.
  await readDiagrams(app, versions.maxBytes);

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
