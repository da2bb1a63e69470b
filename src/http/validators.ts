import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';

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

// fast-json-stringify generates each response's serializer as code, which costs far more than using it; Fastify does
// it again for every instance. The route schemas are the same objects for every instance of this process (the nodes
// of a test, a CLI next to a server), so each is compiled once.
const compileSerializer = SerializerSelector()({}, {});
const serializers = new WeakMap<object, (data: unknown) => string>();

/** Fastify's own response serializer, compiled once per schema for the whole process. */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const schema = route.schema as object;
  let serialize = serializers.get(schema);
  if (!serialize)
    serializers.set(schema, (serialize = compileSerializer({ ...route, httpStatus: route.httpStatus ?? 'default' })));
  return serialize;
};
