import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import knex, { type Knex } from 'knex';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  knex: Knex;
  /**
   * For reads outside a transaction. On SQLite a pool of its own: in WAL mode readers never wait for the writer, so
   * requests keep reading while a step commits on the single writing connection. On PostgreSQL the same pool.
   */
  reads: Knex;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Opens the database named by a URL: `sqlite:<file>` (the embedded default) or `postgres://…`.
 * A `schema` query parameter on a PostgreSQL URL selects the schema (search_path), created if missing.
 */
export async function connect(databaseUrl: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return connectPostgres(databaseUrl);
  if (databaseUrl.startsWith('sqlite:')) return connectSqlite(databaseUrl.slice('sqlite:'.length));
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${databaseUrl}"`);
}

function connectSqlite(path: string): Database {
  const filename = path.replace(/^\/\/(?=\/)/, '');
  if (filename !== ':memory:') mkdirSync(dirname(resolve(filename)), { recursive: true });
  const open = (pool: Knex.PoolConfig) =>
    knex({ client: 'sqlite3', connection: { filename }, useNullAsDefault: true, pool });
  // One writing connection: SQLite has one writer anyway, and a single connection makes every transaction serial.
  const db = open({ min: 1, max: 1, afterCreate: pragmas(WRITER) });
  // An in-memory database exists only on its own connection.
  const reads = filename === ':memory:' ? db : open({ min: 0, max: 2, afterCreate: pragmas(READER) });
  return { knex: db, reads, dialect: 'sqlite', close: () => destroyBoth(db, reads) };
}

type SqliteConnection = { run(sql: string, cb: (err: Error | null) => void): void };

// WAL + synchronous=FULL: a committed step survives a killed process and a power cut.
const WRITER = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 10000'];
const READER = ['query_only = ON', 'busy_timeout = 10000'];

function pragmas(list: string[]) {
  return (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void): void => {
    const next = (i: number): void => {
      if (i === list.length) return done(null, conn);
      conn.run(`PRAGMA ${list[i]}`, (err) => (err ? done(err, conn) : next(i + 1)));
    };
    next(0);
  };
}

async function destroyBoth(db: Knex, reads: Knex): Promise<void> {
  await db.destroy();
  if (reads !== db) await reads.destroy();
}

async function connectPostgres(databaseUrl: string): Promise<Database> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const db = knex({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
    ...(schema ? { searchPath: [schema] } : {}),
  });
  if (schema) await db.raw('CREATE SCHEMA IF NOT EXISTS ??', [schema]);
  return { knex: db, reads: db, dialect: 'postgres', close: () => db.destroy() };
}
