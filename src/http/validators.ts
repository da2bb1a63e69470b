import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule.default;

function ajv(coerceTypes: boolean | 'array'): Ajv {
  const instance = new Ajv({
    allErrors: true,
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    verbose: true,
    strict: false,
  });
  addFormats(instance);
  return instance;
}

// Path, query and headers arrive as text and are coerced to their types. A JSON body is taken as sent: coercing it
// would turn a null into "" or "8" into 8 behind the client's back (and Ajv coerces into the first branch of anyOf).
const byPart: Record<string, Ajv> = {
  body: ajv(false),
  params: ajv('array'),
  querystring: ajv('array'),
  headers: ajv('array'),
};

/** One Ajv per part of the request, so that only the parts that are text get coerced. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (byPart[httpPart ?? 'body'] ?? byPart.body!).compile(schema as object) as never;
