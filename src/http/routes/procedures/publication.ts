import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id, Instant, problems } from '../../schemas.js';
import { Code, CodeNumber } from './params.js';
import { MigrationReport, Version } from './version-schemas.js';

/** A version's way to publication (submit, reject, publish) and the move of dossiers in flight between versions. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { versions, dossiers } = app.system;

  app.post(
    '/procedures/:code/versions/:n/submit',
    {
      config: { action: 'procedures:model' },
      schema: {
        tags: ['catalogue'],
        summary: 'Submit a draft to VPUBND (refused while it has errors)',
        params: CodeNumber,
        response: { 200: Version, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request) => versions.submit(request.actor!, request.params.code, request.params.n),
  );

  app.post(
    '/procedures/:code/versions/:n/reject',
    {
      config: { action: 'procedures:publish' },
      schema: {
        tags: ['catalogue'],
        summary: 'Send a submitted version back to draft with the reason',
        params: CodeNumber,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: Version, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => versions.reject(request.actor!, request.params.code, request.params.n, request.body.reason),
  );

  app.post(
    '/procedures/:code/versions/:n/publish',
    {
      config: { action: 'procedures:publish' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Publish a submitted version, in force from validFrom (now at the earliest), for an announcement change',
        params: CodeNumber,
        body: Type.Object(
          { validFrom: Type.Optional(Instant), changeId: Type.Optional(Id) },
          { additionalProperties: false },
        ),
        response: { 200: Version, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => versions.publish(request.actor!, request.params.code, request.params.n, request.body),
  );

  app.post(
    '/procedures/:code/migrations',
    {
      config: { action: 'procedures:publish' },
      schema: {
        tags: ['catalogue'],
        summary: 'Move in-flight dossiers from one version to another with a map of waiting activities (dryRun first)',
        params: Code,
        body: Type.Object(
          {
            fromVersion: Type.Integer({ minimum: 1, maximum: 100000 }),
            toVersion: Type.Integer({ minimum: 1, maximum: 100000 }),
            activityMap: Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 200 })),
            dossiers: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10000 })),
            dryRun: Type.Boolean({ default: true }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MigrationReport, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      dossiers.migrate(request.actor!, request.params.code, {
        ...request.body,
        activityMap: request.body.activityMap as Record<string, string>,
      }),
  );
};

export default routes;
