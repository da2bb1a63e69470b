import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANNELS } from '../../vocabulary/channels.js';
import { Dossier, Email, FreeObject, IdNumber, Phone, problems } from '../schemas.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { dossiers } = app.system;

  app.post(
    '/dossiers',
    {
      config: { action: 'dossiers:receive' },
      schema: {
        tags: ['dossiers'],
        summary: 'Receive a dossier at the caller’s unit; starts its procedure’s process',
        body: Type.Object(
          {
            procedureCode: Type.String({ minLength: 1, maxLength: 32 }),
            unitCode: Type.String({ minLength: 1, maxLength: 16, description: 'Receiving unit; the caller’s own' }),
            applicant: Type.Object(
              {
                fullName: Type.String({ minLength: 1, maxLength: 200 }),
                idNumber: IdNumber,
                phone: Type.Optional(Phone),
                email: Type.Optional(Email),
              },
              { additionalProperties: false },
            ),
            data: Type.Optional(FreeObject),
            channel: Type.Optional(Type.Enum([...CHANNELS], { default: 'direct' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Dossier, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { channel = 'direct', data = {}, ...rest } = request.body;
      const dossier = await dossiers.receive(request.actor!, { ...rest, channel, data });
      return reply.code(201).header('location', `/api/dossiers/${encodeURIComponent(dossier.code)}`).send(dossier);
    },
  );

  app.get(
    '/dossiers/:code',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['dossiers'],
        summary: 'A dossier with its status and open tasks',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Dossier, ...problems(401, 403, 404) },
      },
    },
    async (request) => dossiers.get(request.actor!, request.params.code),
  );
};

export default routes;
