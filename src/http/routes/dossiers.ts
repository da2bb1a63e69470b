import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { PAUSE_KINDS, type PauseKind } from '../../dossiers/index.js';
import { CHANNELS } from '../../vocabulary/channels.js';
import {
  ApplicantInput,
  Dossier,
  DossierSummary,
  FreeObject,
  Instant,
  problems,
  ReceiptDecisionFields,
} from '../schemas.js';

const receipt: FastifyPluginAsyncTypebox = async (app) => {
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
            applicant: ApplicantInput,
            data: Type.Optional(FreeObject),
            channel: Type.Optional(Type.Enum([...CHANNELS], { default: 'direct' })),
            ...ReceiptDecisionFields,
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
              Type.String({ maxLength: 100, description: 'Start of a dossier code, or part of the applicant’s name' }),
            ),
            procedure: Type.Optional(Type.String({ maxLength: 32, description: 'Procedure code' })),
            status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'National status code' })),
            atRisk: Type.Optional(
              Type.Boolean({
                description: 'Only unfinished dossiers at risk of lateness or already late, the earliest due first',
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
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Dossier, ...problems(401, 403, 404) },
      },
    },
    async (request) => dossiers.get(request.actor!, request.params.code),
  );
};

const DossierParams = Type.Object({ code: Type.String({ maxLength: 64 }) });
const Reason = Type.String({ minLength: 1, maxLength: 2000 });

/** Route options of an action on a dossier after receipt: a POST under /api/dossiers/:code answered with the dossier. */
function action<Body extends TSchema>(summary: string, body: Body) {
  return {
    config: { action: 'dossiers:handle' as const },
    schema: {
      tags: ['dossiers'],
      summary,
      params: DossierParams,
      body,
      response: { 200: Dossier, ...problems(400, 401, 403, 404, 409, 422) },
    },
  };
}

const Items = Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
  minItems: 1,
  maxItems: 50,
  description: 'Every missing item',
});

const actions: FastifyPluginAsyncTypebox = async (app) => {
  const { dossiers } = app.system;

  app.post(
    '/dossiers/:code/pause',
    action(
      'Stop the clock: request supplementation (status 5), await a financial obligation (6) or stop processing (8)',
      Type.Object(
        { kind: Type.Enum(Object.keys(PAUSE_KINDS) as PauseKind[]), reason: Reason, items: Type.Optional(Items) },
        { additionalProperties: false },
      ),
    ),
    async (request) => dossiers.pause(request.actor!, request.params.code, request.body),
  );

  app.post(
    '/dossiers/:code/resume',
    action(
      'The applicant supplied or paid, or the stop is lifted: the clock runs again and due times move by the pause; a dossier waiting at receipt is accepted',
      Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
    ),
    async (request) => dossiers.resume(request.actor!, request.params.code, request.body.note),
  );

  app.post(
    '/dossiers/:code/withdraw',
    action(
      'The applicant withdraws the dossier (status 7)',
      Type.Object({ reason: Reason }, { additionalProperties: false }),
    ),
    async (request) => dossiers.withdraw(request.actor!, request.params.code, request.body.reason),
  );

  app.post(
    '/dossiers/:code/return',
    action(
      'Return the result of a processed dossier (status 9 → 10)',
      Type.Object({}, { additionalProperties: false }),
    ),
    async (request) => dossiers.returnResult(request.actor!, request.params.code),
  );

  app.post(
    '/dossiers/:code/apology',
    action(
      'Apologise for a coming delay with a new appointment; the legal due time stands',
      Type.Object({ reason: Reason, appointmentAt: Instant }, { additionalProperties: false }),
    ),
    async (request) => dossiers.apologise(request.actor!, request.params.code, request.body),
  );
};

const routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(receipt);
  await app.register(actions);
};

export default routes;
