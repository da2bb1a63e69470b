import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { Holiday } from './schemas.js';

const Year = Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2199 }) });
const HolidayYear = Type.Object({
  year: Type.Integer(),
  entered: Type.Boolean({
    description: 'False: not entered yet, computed by the Labour Code rules on the Vietnamese lunar calendar',
  }),
  holidays: Type.Array(Holiday),
});

/** The days off of a year, computed or as announced. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { calendars } = app.system;

  app.get(
    '/calendar/holidays/:year',
    {
      config: { action: 'calendar:read' },
      schema: {
        tags: ['calendar'],
        summary: 'A year’s days off and make-up working days',
        params: Year,
        response: { 200: HolidayYear, ...problems(400) },
      },
    },
    async (request) => calendars.year(request.params.year),
  );

  app.put(
    '/calendar/holidays/:year',
    {
      config: { action: 'calendar:edit' },
      schema: {
        tags: ['calendar'],
        summary:
          'Enter the days off announced for a year (replaces the year’s list; an empty list returns to the computed one)',
        params: Year,
        body: Type.Object(
          {
            holidays: Type.Array(
              Type.Object(
                {
                  date: Type.String({ format: 'date', maxLength: 10 }),
                  name: Type.String({ minLength: 1, maxLength: 200 }),
                  kind: Type.Optional(Type.String({ maxLength: 32 })),
                  workingDay: Type.Optional(Type.Boolean({ description: 'A make-up working day' })),
                  source: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
                },
                { additionalProperties: false },
              ),
              { maxItems: 60 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: HolidayYear, ...problems(400, 401, 403) },
      },
    },
    async (request) => calendars.enterYear(request.params.year, request.body.holidays),
  );
};

export default routes;
