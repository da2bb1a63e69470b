import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ValidateFunction } from 'ajv';
import { Type, type Static } from 'typebox';
import { BadRequest } from '../../../errors.js';
import { describeErrors } from '../../../validation/messages.js';
import { refuseHostile } from '../../hostile-input.js';
import { multipartOptions, readUploadForm } from '../../uploads.js';
import { validatorCompiler } from '../../validators.js';
import { FreeObject, problems } from '../../schemas.js';
import { ApplicantInput } from '../dossiers/input-schemas.js';
import { DossierParams } from '../dossiers/params.js';
import { CitizenDossier, Rating, SubmittedDossier, TrackedDossier } from './schemas.js';

/** The JSON of the multipart field `dossier`. */
const SubmissionFields = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 32 }),
    unitCode: Type.String({
      minLength: 1,
      maxLength: 16,
      description: 'The unit that handles the procedure, chosen by the applicant',
    }),
    applicant: ApplicantInput,
    data: Type.Optional(FreeObject),
  },
  { additionalProperties: false },
);
type SubmissionFields = Static<typeof SubmissionFields>;

function parseDossier(value: unknown, validate: ValidateFunction<SubmissionFields>): SubmissionFields {
  if (value === undefined)
    throw new BadRequest('dossier-required', 'Thiếu trường “dossier”: thông tin hồ sơ dạng JSON.');
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new BadRequest('invalid-dossier-json', 'Trường “dossier” không phải JSON hợp lệ.');
    }
  }
  refuseHostile(parsed, '/dossier');
  if (!validate(parsed))
    throw new BadRequest('invalid-request', 'Thông tin hồ sơ chưa hợp lệ.', {
      errors: describeErrors(validate.errors),
    });
  return parsed;
}

/** The citizens' portal: submit online, check before submitting, follow, list one's own, rate (the desk's side: `dossiers/online.ts`). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { portal } = app.system;
  const limits = portal.limits;
  await app.register(multipart, multipartOptions(limits));
  const validate = validatorCompiler({
    schema: SubmissionFields,
    method: 'POST',
    url: '/portal/dossiers',
    httpPart: 'body',
  }) as unknown as ValidateFunction<SubmissionFields>;

  const validateApplicant = validatorCompiler({
    schema: ApplicantInput,
    method: 'POST',
    url: '/portal/dossiers/check',
    httpPart: 'body',
  }) as unknown as ValidateFunction;

  app.post(
    '/portal/dossiers/check',
    {
      config: { action: 'portal:submit' },
      schema: {
        tags: ['portal'],
        summary:
          'Check the applicant and the form of an online dossier as its submission will, storing nothing: every field in error at once',
        body: Type.Object(
          { procedureCode: Type.String({ minLength: 1, maxLength: 32 }), applicant: FreeObject, data: FreeObject },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
              description: 'Empty when the dossier may be submitted',
            }),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const applicant = validateApplicant(request.body.applicant)
        ? []
        : describeErrors(validateApplicant.errors, '/applicant');
      return { errors: [...applicant, ...(await portal.formErrors(request.body.procedureCode, request.body.data))] };
    },
  );

  app.post(
    '/portal/dossiers',
    {
      config: { action: 'portal:submit' },
      schema: {
        tags: ['portal'],
        summary: `Submit a dossier online (multipart/form-data): the field “dossier” (JSON: procedureCode, unitCode, applicant, data) and one part per file, its field naming the document (its index in the procedure’s documents, or its name). PDF, JPEG, PNG and office documents, checked by content; at most ${limits.maxFiles} files of ${limits.maxFileBytes} bytes. Every document the procedure lists as required needs a file (422 document-missing). The dossier gets its code and status 1; the desk receives it.`,
        consumes: ['multipart/form-data'],
        response: {
          201: SubmittedDossier,
          ...problems(400, 401, 403, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      // The field `dossier` (JSON) in any order with the files; a file's field names its document.
      const form = await readUploadForm(
        request,
        limits,
        'trường “dossier” (JSON) và các tệp giấy tờ',
        await portal.remainingToday(request.actor!),
      );
      const { data = {}, ...fields } = parseDossier(form.fields.dossier, validate);
      const submitted = await portal.submit(request.actor!, { ...fields, data }, form.uploads);
      return reply
        .code(201)
        .header('location', `/api/portal/track/${encodeURIComponent(submitted.code)}`)
        .send(submitted);
    },
  );

  app.get(
    '/portal/track/:code',
    {
      config: {
        action: 'portal:track',
        // Guessing ID numbers: 30 look-ups a minute from one address.
        rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (request) => request.ip },
      },
      schema: {
        tags: ['portal'],
        summary:
          'Follow a dossier by its code and the applicant’s ID number, without logging in; a wrong code or number is 404 alike',
        params: DossierParams,
        querystring: Type.Object(
          { idNumber: Type.String({ minLength: 1, maxLength: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: TrackedDossier, ...problems(400, 404, 429) },
      },
    },
    async (request) => portal.track(request.params.code, request.query.idNumber),
  );

  app.get(
    '/portal/my-identity',
    {
      config: { action: 'portal:mine' },
      schema: {
        tags: ['portal'],
        summary:
          'What the national identity (VNeID) said at the citizen’s last sign-in, to prefill the applicant: name, personal ID number, date of birth, address; null for an account signed in with a password',
        response: {
          200: Type.Union([
            Type.Object({
              fullName: Type.Union([Type.String(), Type.Null()]),
              idNumber: Type.String(),
              birthDate: Type.Union([Type.String(), Type.Null()], {
                description: 'YYYY-MM-DD as the provider gave it',
              }),
              address: Type.Union([Type.String(), Type.Null()]),
            }),
            Type.Null(),
          ]),
          ...problems(401, 403),
        },
      },
    },
    async (request) => app.system.identities.profile(request.actor!.id),
  );

  app.get(
    '/portal/my-dossiers',
    {
      config: { action: 'portal:mine' },
      schema: {
        tags: ['portal'],
        summary: 'The dossiers the logged-in citizen submitted online, newest first',
        response: { 200: Type.Array(CitizenDossier), ...problems(401, 403) },
      },
    },
    async (request) => portal.mine(request.actor!),
  );

  app.get(
    '/portal/my-dossiers/:code',
    {
      config: { action: 'portal:mine' },
      schema: {
        tags: ['portal'],
        summary:
          'Follow a dossier the logged-in citizen submitted, as /portal/track does, without typing the ID number; another’s is 404',
        params: DossierParams,
        response: { 200: TrackedDossier, ...problems(401, 403, 404) },
      },
    },
    async (request) => portal.trackMine(request.actor!, request.params.code),
  );

  app.post(
    '/portal/dossiers/:code/rating',
    {
      config: { action: 'portal:rate' },
      schema: {
        tags: ['portal'],
        summary: 'Rate a dossier you submitted, once its result is ready (status 9) or returned (10); once per dossier',
        params: DossierParams,
        body: Type.Object(
          { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 201: Rating, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await portal.rate(request.actor!, request.params.code, request.body)),
  );
};

export default routes;
