import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FORM_KINDS } from '../../../vocabulary/form-names.js';
import { problems } from '../../schemas.js';
import { DossierParams } from './params.js';
import { ControlSlip, IssuedForm } from './schemas.js';

/** The dossier's forms as PDF and its control slip. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { forms, dossiers } = app.system;

  app.get(
    '/dossiers/:code/forms',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['forms'],
        summary:
          'The forms the dossier has issued, each once (its last issue), with the circular whose set it was issued under: a reprint is the form of that set',
        params: DossierParams,
        response: { 200: Type.Array(IssuedForm), ...problems(401, 403, 404) },
      },
    },
    async (request) => forms.issued(request.actor!, request.params.code),
  );

  app.get(
    '/dossiers/:code/forms/:kind.pdf',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['forms'],
        summary:
          'A form the dossier has issued, as PDF, laid out by the set it was issued under (Thông tư 01/2018 before 15/9/2025, Thông tư 03/2025 from then): receipt (Mẫu 01), supplement-request (02), refusal (03), apology (04), stop-notice (05 from 2025), control-slip (06; 05 in 2018), obligation-notice; 404 form-not-issued otherwise',
        params: Type.Object({
          code: Type.String({ maxLength: 64 }),
          kind: Type.Enum([...FORM_KINDS]),
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
