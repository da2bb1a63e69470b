import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { PAUSE_KINDS, type PauseKind } from '../../../dossiers/index.js';
import { Instant, problems } from '../../schemas.js';
import { DossierParams } from './params.js';
import { Dossier } from './schemas.js';

const Reason = Type.String({ minLength: 1, maxLength: 2000 });

/** Route options of an action on a dossier after receipt: a POST under /api/dossiers/:code answered with the dossier. */
function action<Body extends TSchema>(
  summary: string,
  body: Body,
  policy: 'dossiers:handle' | 'dossiers:extend' = 'dossiers:handle',
) {
  return {
    config: { action: policy },
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

/** What the desk does to a dossier after receipt: pause, resume, withdraw, return the result, apologise. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { dossiers } = app.system;

  app.post(
    '/dossiers/:code/pause',
    action(
      'Stop the clock: request supplementation (status 5) or await a financial obligation (6); or stop handling (8, Mẫu 05 “Thông báo dừng giải quyết hồ sơ”): from 15/9/2025 a stop ends the handling — its tasks are cancelled, it is never resumed — and needs its legal ground',
      Type.Object(
        {
          kind: Type.Enum(Object.keys(PAUSE_KINDS) as PauseKind[]),
          reason: Reason,
          items: Type.Optional(Items),
          ground: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 2000,
              description: 'kind=stop: the legal ground (căn cứ) printed on the stop notice; required from 15/9/2025',
            }),
          ),
        },
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
      'Apologise and ask for more time (Mẫu 04): signed by a leader of a unit handling the dossier, no later than apologyLeadHours working hours before the due time (409 extension-too-late), at most extensionLimit times (409 cannot-apologise), no further than extensionMaxWorkingDays past the due time when set (422 extension-too-long); the appointment moves, the legal due time stands',
      Type.Object({ reason: Reason, appointmentAt: Instant }, { additionalProperties: false }),
      'dossiers:extend',
    ),
    async (request) => dossiers.apologise(request.actor!, request.params.code, request.body),
  );
};

export default routes;
