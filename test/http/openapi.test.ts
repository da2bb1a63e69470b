import { readFileSync, writeFileSync } from 'node:fs';
import t from 'tap';
import { fromRoot } from '../../src/project.js';
import { testApp } from '../helpers/app.js';

/**
 * The OpenAPI document is a contract clients are written from: it changes only on purpose. The document the server
 * generates must equal `openapi.snapshot.txt` beside this test; after a deliberate change of the API, write the new
 * one with `OPENAPI_SNAPSHOT=write npx tap test/http/openapi.test.ts` and review its diff.
 */
const SNAPSHOT = fromRoot('test', 'http', 'openapi.snapshot.txt');

/** The document one line per operation (and one for the rest), so that a change shows as the operations it touches. */
function lines(doc: { paths: Record<string, Record<string, unknown>> }): string {
  const { paths, ...rest } = doc;
  const operations = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => `${method.toUpperCase()} ${path} ${JSON.stringify(op)}`),
  );
  return [`document ${JSON.stringify(rest)}`, ...operations.sort()].join('\n') + '\n';
}

t.test('the OpenAPI document is the one the clients were written from', async (t) => {
  const h = await testApp(t);
  const generated = lines((await h.app.inject({ method: 'GET', url: '/docs/json' })).json());
  if (process.env.OPENAPI_SNAPSHOT === 'write') writeFileSync(SNAPSHOT, generated);
  t.equal(generated, readFileSync(SNAPSHOT, 'utf8'));
});
