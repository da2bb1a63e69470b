import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex from 'knex';

/**
 * A fresh database for one test: a new SQLite file by default, or a new schema on the PostgreSQL server named by
 * TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test). `drop` removes it after the test.
 */
export function freshDatabase(): { url: string; dialect: 'sqlite' | 'postgres'; drop: () => Promise<void> } {
  const server = process.env.TEST_DATABASE_URL;
  if (server?.startsWith('postgres')) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const url = new URL(server);
    url.searchParams.set('schema', schema);
    return {
      url: url.toString(),
      dialect: 'postgres',
      drop: async () => {
        const admin = knex({ client: 'pg', connection: server });
        await admin.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
        await admin.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
  return { url: `sqlite:${join(dir, 'motcua.sqlite')}`, dialect: 'sqlite', drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
