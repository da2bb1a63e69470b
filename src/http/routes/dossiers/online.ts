import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { Rating } from '../portal/schemas.js';
import { ReceiptDecisionFields } from './input-schemas.js';
import { DossierParams } from './params.js';
import { Dossier } from './schemas.js';

/** The desk's side of online dossiers: receipt at the unit's desk, the applicant's rating. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { dossiers, portal } = app.system;

  app.post(
    '/dossiers/:code/receive',
    {
      config: { action: 'dossiers:receive' },
      schema: {
        tags: ['dossiers'],
        summary:
          'Receive a dossier submitted online (status 1) at the desk of its unit: accept (the process and the clock start), request supplementation (5) or refuse (3)',
        params: DossierParams,
        body: Type.Object(ReceiptDecisionFields, { additionalProperties: false }),
        response: { 200: Dossier, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => dossiers.receiveSubmitted(request.actor!, request.params.code, request.body),
  );

  app.get(
    '/dossiers/:code/rating',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['dossiers'],
        summary: 'The applicant’s rating of the dossier (null while not rated)',
        params: DossierParams,
        response: { 200: Type.Union([Rating, Type.Null()]), ...problems(401, 403, 404) },
      },
    },
    async (request) => portal.rating(request.actor!, request.params.code),
  );
};

export default routes;
