import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FreeObject, problems } from '../../schemas.js';
import { Dossier } from '../dossiers/schemas.js';
import { InboxItem, Task } from './schemas.js';

const TaskParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { dossiers } = app.system;

  app.get(
    '/tasks',
    {
      config: { action: 'tasks:inbox' },
      schema: {
        tags: ['tasks'],
        summary:
          'The caller’s inbox: open tasks of their roles at their unit, the earliest due first, with their dossier',
        querystring: Type.Object(
          {
            procedure: Type.Optional(
              Type.String({ maxLength: 32, description: 'Only tasks of dossiers of this procedure' }),
            ),
            status: Type.Optional(
              Type.Enum(['open', 'claimed'], { description: 'Only unclaimed, or only claimed tasks' }),
            ),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1000000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(InboxItem), ...problems(400, 401, 403) },
      },
    },
    async (request) => dossiers.inbox(request.actor!, request.query),
  );

  app.post(
    '/tasks/:id/claim',
    {
      config: { action: 'tasks:act' },
      schema: {
        tags: ['tasks'],
        summary: 'Claim a task so colleagues see who handles it',
        params: TaskParams,
        response: { 200: Task, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => dossiers.claim(request.actor!, request.params.id),
  );

  app.get(
    '/tasks/:id/assignees',
    {
      config: { action: 'tasks:assign' },
      schema: {
        tags: ['tasks'],
        summary: 'The colleagues an open task may be handed to: active users of its unit holding its role',
        params: TaskParams,
        response: {
          200: Type.Array(Type.Object({ id: Type.Integer(), username: Type.String(), fullName: Type.String() })),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => dossiers.assignees(request.actor!, request.params.id),
  );

  app.post(
    '/tasks/:id/assign',
    {
      config: { action: 'tasks:assign' },
      schema: {
        tags: ['tasks'],
        summary: 'Hand an open task to a colleague (chuyển xử lý), or back to the unit’s pool with `to: null`',
        description:
          'A leader of the task’s unit may hand any of its open tasks; an officer holding the task’s role may hand a task that is theirs or nobody’s yet. ' +
          'The taker must be an active user of the task’s unit holding its role (422 otherwise). The task becomes claimed by the taker; a `task.assigned` ' +
          'event is recorded and the control slip shows the handover. 409 when the task closed or changed hands meanwhile.',
        params: TaskParams,
        body: Type.Object(
          {
            to: Type.Union([
              Type.String({ minLength: 1, maxLength: 64, description: 'The colleague’s username' }),
              Type.Null(),
            ]),
            comment: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Task, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => dossiers.assign(request.actor!, request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/complete',
    {
      config: { action: 'tasks:act' },
      schema: {
        tags: ['tasks'],
        summary: 'Complete a task; the dossier’s process moves on to its next tasks',
        params: TaskParams,
        body: Type.Object(
          {
            outcome: Type.Optional(
              Type.String({ minLength: 1, maxLength: 64, description: 'One of the task’s outcomes when it has any' }),
            ),
            comment: Type.Optional(Type.String({ maxLength: 4000 })),
            data: Type.Optional(FreeObject),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ task: Task, dossier: Dossier }), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => dossiers.complete(request.actor!, request.params.id, request.body ?? {}),
  );
};

export default routes;
