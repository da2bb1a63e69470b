import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FreeObject, problems } from '../../schemas.js';
import { LegacyImportReport } from './schemas.js';

// A unit's whole export travels in one request; the command line `import-legacy` suits larger ones.
const MAX_EXPORT_BYTES = 20 * 1024 * 1024;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { imports } = app.system;

  app.post(
    '/imports/legacy',
    {
      bodyLimit: MAX_EXPORT_BYTES,
      config: { action: 'imports:run' },
      schema: {
        tags: ['imports'],
        summary:
          'Import a unit’s dossiers exported from its former one-stop application (dryRun first); running it again imports nothing new',
        body: Type.Object(
          {
            fileName: Type.String({
              minLength: 1,
              maxLength: 255,
              description: 'The export’s file name, named in each imported dossier’s first event',
            }),
            content: Type.String({
              minLength: 1,
              maxLength: 20 * 1024 * 1024,
              description: 'The export: CSV with a header row, or a JSON array (README “Legacy import”)',
            }),
            format: Type.Optional(Type.Enum(['csv', 'json'], { description: 'Guessed from the content when absent' })),
            mapping: FreeObject,
            unitCode: Type.String({
              minLength: 1,
              maxLength: 16,
              description: 'The unit whose application the export comes from',
            }),
            dryRun: Type.Boolean({ default: true }),
          },
          { additionalProperties: false },
        ),
        response: { 200: LegacyImportReport, ...problems(400, 401, 403, 413, 422) },
      },
    },
    async (request) => imports.legacy.run(request.actor!, request.body),
  );
};

export default routes;
