import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { localDate } from '../../../calendar/index.js';
import { receivableAt } from '../../../dossiers/index.js';
import { Type } from 'typebox';
import { isUniqueViolation } from '../../../db/errors.js';
import { Conflict } from '../../../errors.js';
import { UnknownUnit } from '../../../units/errors.js';
import { problems } from '../../schemas.js';
import register from './register.js';
import { Unit } from './schemas.js';

const reads: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/units',
    {
      config: { action: 'units:read' },
      schema: {
        tags: ['units'],
        summary:
          'Units (city, districts, communes, departments), filtered by level, parent and the day they are in force',
        querystring: Type.Object(
          {
            level: Type.Optional(Type.String({ maxLength: 16, description: 'tinh, huyen or xa' })),
            parentCode: Type.Optional(Type.String({ maxLength: 16 })),
            inForceOn: Type.Optional(
              Type.String({
                format: 'date',
                maxLength: 10,
                description:
                  'Only units in force on this local day (after a reorganisation, retired units stay listed otherwise)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Unit), ...problems(400) },
      },
    },
    async (request) => app.system.units.list(request.query),
  );

  app.get(
    '/units/:code',
    {
      config: { action: 'units:read' },
      schema: {
        tags: ['units'],
        summary: 'One unit',
        params: Type.Object({ code: Type.String({ maxLength: 16 }) }),
        response: { 200: Unit, ...problems(404) },
      },
    },
    async (request) => {
      const unit = app.system.units.get(request.params.code);
      if (!unit) throw new UnknownUnit(request.params.code, 404);
      return unit;
    },
  );

  app.get(
    '/units/:code/receivable',
    {
      config: { action: 'units:read' },
      schema: {
        tags: ['units'],
        summary:
          'The procedures the unit’s desk receives today: its own, and at a branch of the service centre or a ward/commune those open to receipt regardless of administrative boundary (namesCompetentUnit: the receipt names the competent unit)',
        params: Type.Object({ code: Type.String({ maxLength: 16 }) }),
        response: {
          200: Type.Array(Type.Object({ procedureCode: Type.String(), namesCompetentUnit: Type.Boolean() })),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const unit = app.system.units.get(request.params.code);
      if (!unit) throw new UnknownUnit(request.params.code, 404);
      return receivableAt(await app.system.catalogue.list(), unit, localDate(app.system.clock()));
    },
  );
};

const edits: FastifyPluginAsyncTypebox = async (app) => {
  app.patch(
    '/units/:code',
    {
      config: { action: 'units:edit' },
      schema: {
        tags: ['units'],
        summary: 'Change a unit’s settings: Saturday-morning working time, agency e-ID used in dossier codes',
        params: Type.Object({ code: Type.String({ maxLength: 16 }) }),
        body: Type.Object(
          {
            saturdayMorning: Type.Optional(Type.Boolean()),
            agencyId: Type.Optional(
              Type.String({
                pattern: '^[A-Za-z0-9.]{1,32}$',
                maxLength: 32,
                description: 'Mã định danh điện tử của cơ quan (QĐ 20/2020/QĐ-TTg)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Unit, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const unit = await app.system.units
        .update(app.system.db.knex, request.params.code, request.body)
        .catch((err: unknown) => {
          if (isUniqueViolation(err))
            throw new Conflict('agency-id-taken', `Mã định danh "${request.body.agencyId}" đã thuộc đơn vị khác.`);
          throw err;
        });
      if (!unit) throw new UnknownUnit(request.params.code, 404);
      return unit;
    },
  );
};

const routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(reads);
  await app.register(edits);
  await app.register(register);
};

export default routes;
