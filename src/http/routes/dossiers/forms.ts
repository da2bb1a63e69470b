import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FORMS, type FormKind } from '../../../vocabulary/form-names.js';
import { problems } from '../../schemas.js';
import { DossierParams } from './params.js';
import { ControlSlip } from './schemas.js';

/** The dossier's forms as PDF and its control slip. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { forms, dossiers } = app.system;

  app.get(
    '/dossiers/:code/forms/:kind.pdf',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['forms'],
        summary:
          'A form of the dossier as PDF: receipt, supplement-request, refusal, obligation-notice, stop-notice, apology, control-slip',
        params: Type.Object({
          code: Type.String({ maxLength: 64 }),
          kind: Type.Enum(Object.keys(FORMS) as FormKind[]),
        }),
        produces: ['application/pdf'],
        response: {
          200: {
            description: 'The PDF',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const pdf = await forms.render(request.actor!, request.params.code, request.params.kind);
      const filename = `${request.params.code.replace(/[^\w.-]/g, '_')}-${request.params.kind}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(pdf as unknown as string);
    },
  );

  app.get(
    '/dossiers/:code/control-slip',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['forms'],
        summary:
          'Every handover of the dossier (from whom, to which unit, when, on time or not) and each unit’s share of the time',
        params: DossierParams,
        response: { 200: ControlSlip, ...problems(401, 403, 404) },
      },
    },
    async (request) => dossiers.controlSlip(request.actor!, request.params.code),
  );
};

export default routes;
