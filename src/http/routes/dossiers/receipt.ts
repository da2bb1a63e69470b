import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANNELS } from '../../../vocabulary/channels.js';
import { RESULT_RETURNS } from '../../../vocabulary/result-returns.js';
import { FreeObject, LocalDate, problems } from '../../schemas.js';
import { ApplicantInput, ReceiptDecisionFields, ReceivedDocumentsInput } from './input-schemas.js';
import { DossierParams } from './params.js';
import { Dossier, DossierSummary } from './schemas.js';

/** Receipt at the desk, the list of dossiers and one dossier. */
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
            competentUnitCode: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 16,
                description:
                  'The competent unit that will handle it, for a procedure received regardless of administrative boundary (boundaryFreeFrom) at a branch of the service centre or a ward/commune desk; the receiving unit when absent',
              }),
            ),
            resultReturn: Type.Optional(
              Type.Enum([...RESULT_RETURNS], {
                description: 'Where the applicant collects the result; desk (the receiving unit) when absent',
              }),
            ),
            applicant: ApplicantInput,
            data: Type.Optional(FreeObject),
            channel: Type.Optional(Type.Enum([...CHANNELS], { default: 'direct' })),
            ...ReceiptDecisionFields,
            documents: Type.Optional(ReceivedDocumentsInput),
          },
          { additionalProperties: false },
        ),
        response: { 201: Dossier, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { channel = 'direct', data = {}, ...rest } = request.body;
      const dossier = await dossiers.receive(request.actor!, { ...rest, channel, data });
      return reply
        .code(201)
        .header('location', `/api/dossiers/${encodeURIComponent(dossier.code)}`)
        .send(dossier);
    },
  );

  app.get(
    '/dossiers',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['dossiers'],
        summary:
          'The dossiers you may see, newest first: all for auditors, VPUBND and admins; otherwise those of your unit',
        querystring: Type.Object(
          {
            q: Type.Optional(
              Type.String({
                maxLength: 100,
                description:
                  'Start of a dossier code, part of the applicant’s name (with or without accents, in any case), or their ID number',
              }),
            ),
            from: Type.Optional(LocalDate('Received on or after this local day')),
            to: Type.Optional(LocalDate('Received on or before this local day')),
            procedure: Type.Optional(Type.String({ maxLength: 32, description: 'Procedure code' })),
            status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'National status code' })),
            atRisk: Type.Optional(
              Type.Boolean({
                description:
                  'Only dossiers still in hand (not finished, refused, withdrawn, returned or stopped) at risk of lateness or already late, the earliest due first',
              }),
            ),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1000000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(DossierSummary) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { status, ...filters } = request.query;
      return dossiers.search(request.actor!, { ...filters, statusCode: status });
    },
  );

  app.get(
    '/dossiers/:code',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['dossiers'],
        summary: 'A dossier with its status and open tasks',
        params: DossierParams,
        response: { 200: Dossier, ...problems(401, 403, 404) },
      },
    },
    async (request) => dossiers.get(request.actor!, request.params.code),
  );
};

export default routes;
