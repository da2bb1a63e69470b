import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

type Schema = Record<string, unknown>;

/**
 * Every part of a request a route reads is bounded by its schema: numbers have a minimum and a maximum (within what
 * the databases store), text a maximum length, lists a maximum count. A route that leaves one open fails at start-up,
 * as one without a policy action does.
 */
export default fp(
  async function boundedInputs(app: FastifyInstance) {
    app.addHook('onRoute', (route) => {
      const schema = (route.schema ?? {}) as Schema;
      for (const part of ['params', 'querystring', 'body', 'headers']) {
        const open = unbounded(schema[part], part);
        if (open.length)
          throw new Error(`${route.method} ${route.url}: unbounded request schema at ${open.join(', ')}`);
      }
    });
  },
  { name: 'bounded-inputs' },
);

const INT_LIMIT = 2 ** 31 - 1;

/** The places of a JSON Schema where a value is not bounded. */
export function unbounded(schema: unknown, at: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  const problems: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    (s[key] as unknown[] | undefined)?.forEach((sub, i) => problems.push(...unbounded(sub, `${at}/${key}/${i}`)));
  }
  const types = [s.type].flat();
  const fixed = 'enum' in s || 'const' in s;
  if (!fixed && (types.includes('integer') || types.includes('number'))) {
    const max = (s.maximum ?? s.exclusiveMaximum) as number | undefined;
    const min = (s.minimum ?? s.exclusiveMinimum) as number | undefined;
    if (max === undefined || min === undefined || max > INT_LIMIT || min < -INT_LIMIT) problems.push(`${at} (number)`);
  }
  if (!fixed && types.includes('string') && s.maxLength === undefined) problems.push(`${at} (text)`);
  if (types.includes('array')) {
    if (s.maxItems === undefined) problems.push(`${at} (list)`);
    problems.push(...unbounded(s.items, `${at}/items`));
  }
  for (const [name, sub] of Object.entries((s.properties as Schema | undefined) ?? {}))
    problems.push(...unbounded(sub, `${at}/${name}`));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    problems.push(...unbounded(s.additionalProperties, `${at}/*`));
  return problems;
}
