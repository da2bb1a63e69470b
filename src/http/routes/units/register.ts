import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { RegisterEntry } from './schemas.js';

const Day = Type.String({ format: 'date', maxLength: 10, description: 'Local day, YYYY-MM-DD (included)' });
const Period = {
  from: Day,
  to: Day,
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description:
        'Part of a dossier code or of the applicant’s name (with or without accents, in any case), or an ID number',
    }),
  ),
  procedureCode: Type.Optional(Type.String({ maxLength: 32 })),
};
const Params = Type.Object({ code: Type.String({ maxLength: 16 }) });
const summary =
  'The unit’s register (sổ theo dõi hồ sơ, Mẫu 07 of Thông tư 03/2025; Mẫu 06 of 01/2018): every dossier received at its desk or for it in the period (up to 366 days), in the order received; for the unit’s staff and the oversight roles';

/** The register of a unit's dossiers, in the web app's pages, as PDF and as a spreadsheet. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { dossiers, forms } = app.system;

  app.get(
    '/units/:code/register',
    {
      config: { action: 'register:read' },
      schema: {
        tags: ['forms'],
        summary,
        params: Params,
        querystring: Type.Object(
          {
            ...Period,
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ total: Type.Integer({ minimum: 0 }), items: Type.Array(RegisterEntry) }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => dossiers.register(request.actor!, { ...request.query, unitCode: request.params.code }),
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    const type =
      format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    app.get(
      `/units/:code/register.${format}`,
      {
        config: { action: 'register:read' },
        schema: {
          tags: ['forms'],
          summary: `${summary}, as ${format === 'pdf' ? 'an A4 landscape PDF (at most 2,000 dossiers)' : 'an .xlsx workbook (at most 50,000 dossiers)'}; 422 register-too-long beyond`,
          params: Params,
          querystring: Type.Object(Period, { additionalProperties: false }),
          produces: [type],
          response: {
            200: { description: `The register`, content: { [type]: { schema: { type: 'string', format: 'binary' } } } },
            ...problems(400, 401, 403, 404, 422),
          },
        },
      },
      async (request, reply) => {
        const file = await forms.register(request.actor!, { ...request.query, unitCode: request.params.code }, format);
        const name = `so-theo-doi-${request.params.code.replace(/[^\w.-]/g, '_')}-${request.query.from}-${request.query.to}.${format}`;
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(file as unknown as string);
      },
    );
  }
};

export default routes;
