import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex from 'knex';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seed, type SeedOptions } from '../../src/seed.js';

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
  return {
    url: `sqlite:${join(dir, 'motcua.sqlite')}`,
    dialect: 'sqlite',
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const templates = new Map<string, Promise<string>>();

/**
 * A fresh database already seeded as a new installation is (migrations, then `seed` with these options), for one test.
 * On SQLite the installation is seeded once per test process for each set of options and its file copied for every test
 * that asks for the same: the very bytes a fresh seed writes, in milliseconds instead of most of a second. On
 * PostgreSQL every test seeds its own schema, as before.
 */
export async function seededDatabase(
  options: SeedOptions,
): Promise<{ url: string; dialect: 'sqlite' | 'postgres'; drop: () => Promise<void> }> {
  const database = freshDatabase();
  if (database.dialect === 'postgres') return database;
  const key = JSON.stringify({ ...options, clock: options.clock().toISOString() });
  let template = templates.get(key);
  if (!template) templates.set(key, (template = seedTemplate(options)));
  copyFileSync(await template, database.url.slice('sqlite:'.length));
  return database;
}

async function seedTemplate(options: SeedOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-template-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'seeded.sqlite');
  const db = await connect(`sqlite:${file}`);
  await migrateToLatest(db.knex);
  await seed(db.knex, options);
  await db.knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.close();
  return file;
}
