import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';

/**
 * Every operation of the OpenAPI document, driven with what a hostile or careless client sends — wrong types, NUL,
 * numbers beyond any column, deep nesting, long text, broken multipart — on SQLite and on PostgreSQL alike: never a
 * 5xx, every error problem+json.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
};
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema: Schema }[];
  body: Schema | null;
  multipart: boolean;
  xml: boolean;
}

const USERS = ['admin', 'canbo.phucxa', 'lanhdao.phucxa', 'congdan', 'vpubnd', 'modeler.stp', 'thanhtra'];
const PROBLEM = 'application/problem+json; charset=utf-8';
const NASTY_TEXT = [
  '\u0000',
  'a\u0000b',
  'x'.repeat(100_000),
  '💩'.repeat(50),
  '<script>alert(1)</script>',
  "'; DROP TABLE dossiers; --",
  '../../../../etc/passwd',
  '',
];
const NASTY_NUMBERS = [99999999999, -99999999999, 1e20, -1, 0, 1.5, Number.MAX_SAFE_INTEGER];
const DEEP = JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`);

function operations(doc: {
  paths: Record<
    string,
    Record<string, { parameters?: Operation['params']; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
        xml: 'application/xml' in content,
      };
    }),
  );
}

/** Values of every wrong kind for a property of a schema. */
function wrongValues(schema: Schema): unknown[] {
  const types = [schema.type ?? schema.anyOf?.map((s) => s.type) ?? []].flat();
  const values: unknown[] = [null, true, [], {}, DEEP, ...NASTY_NUMBERS, ...NASTY_TEXT];
  if (types.includes('array'))
    values.push(
      Array.from({ length: 10_000 }, () => 'x'),
      [DEEP],
      ['\u0000'],
    );
  return values;
}

/** Bodies built from the schema: the wrong whole, then each property wrong in turn, then an unknown one. */
function bodies(schema: Schema): unknown[] {
  const out: unknown[] = [null, [], 'text', 42, {}, DEEP, { unknownProperty: 1 }];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    for (const value of wrongValues(property)) out.push({ [name]: value });
  }
  return out;
}

function pathWith(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '1');
}

t.test('no request of any shape gets a 5xx; every error is problem+json', { timeout: 900_000 }, async (t) => {
  const h = await testApp(t);
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const valid: Record<string, string> = {
    code: dossier.code,
    id: String(dossier.tasks[0].id),
    n: '1',
    m: '1',
    v: '1',
    year: '2019',
    kind: 'receipt',
    changeId: '1',
  };
  const ops = operations((await h.app.inject({ method: 'GET', url: '/docs/json' })).json());
  t.ok(ops.length > 60, `${ops.length} operations`);
  const tokens = new Map(await Promise.all(USERS.map(async (u) => [u, await h.login(u)] as const)));

  for (const op of ops) {
    const user = await whoMayUse(h, op, valid, tokens);
    const send = async (
      label: string,
      options: { url: string; payload?: unknown; headers?: Record<string, string> },
    ) => {
      const res = await h.app.inject({
        method: op.method as 'GET',
        url: options.url,
        payload: options.payload as never,
        headers: { ...(user ? { authorization: `Bearer ${tokens.get(user)}` } : {}), ...options.headers },
      });
      if (res.statusCode >= 500)
        t.fail(`${op.method} ${op.path} ${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      else if (res.statusCode >= 400 && res.headers['content-type'] !== PROBLEM)
        t.fail(`${op.method} ${op.path} ${label}: ${res.statusCode} as ${res.headers['content-type']}`);
      return res;
    };
    for (const param of op.params) {
      const nasty = ['%00', 'x'.repeat(5000), '99999999999', '-1', '1e20', '%F0%9F%92%A9', '..%2F..%2Fetc', '%ZZ', ''];
      for (const value of nasty) {
        const url =
          param.in === 'path'
            ? pathWith(op, { ...valid, [param.name]: value })
            : `${pathWith(op, valid)}?${param.name}=${value}`;
        await send(`${param.in} ${param.name}=${value.slice(0, 20)}`, { url });
      }
    }
    const url = pathWith(op, valid);
    if (op.body)
      for (const body of bodies(op.body))
        await send(`body ${JSON.stringify(body)?.slice(0, 60)}`, {
          url,
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
    if (op.multipart) {
      await send('multipart without boundary', {
        url,
        payload: 'abc',
        headers: { 'content-type': 'multipart/form-data' },
      });
      await send('multipart cut short', {
        url,
        payload: '--B\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\nabc',
        headers: { 'content-type': 'multipart/form-data; boundary=B' },
      });
    }
    if (op.xml)
      await send('XML that is not', { url, payload: '<<<\u0000', headers: { 'content-type': 'application/xml' } });
    if (op.method !== 'GET') {
      await send('malformed JSON', { url, payload: '{"a":', headers: { 'content-type': 'application/json' } });
      await send('unknown content type', { url, payload: 'x', headers: { 'content-type': 'application/x-unknown' } });
    }
  }
  t.pass('every operation driven');
});

/** A user that may use the operation (so that its input is checked, not its caller), or none for public ones. */
async function whoMayUse(
  h: TestApp,
  op: Operation,
  valid: Record<string, string>,
  tokens: Map<string, string>,
): Promise<string | null> {
  for (const user of [null, ...USERS]) {
    const res = await h.app.inject({
      method: op.method as 'GET',
      url: pathWith(op, valid),
      headers: user ? { authorization: `Bearer ${tokens.get(user)}` } : {},
      ...(op.method === 'GET' ? {} : { payload: {} }),
    });
    if (![401, 403].includes(res.statusCode)) return user;
  }
  return 'admin';
}
