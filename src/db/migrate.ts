import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

interface MigrationFile {
  name: string;
  path: string;
}

// `migrations/` sits two levels above this file both in the sources and in the compiled `dist/`.
const here = fileURLToPath(import.meta.url);
const migrationsDir = join(here, '..', '..', '..', 'migrations');
const extension = extname(here);

/** Knex migration source reading `migrations/*.{ts,js}` (whichever this build runs), named without extension. */
export const migrationSource: Knex.MigrationSource<MigrationFile> = {
  async getMigrations() {
    return readdirSync(migrationsDir)
      .filter((file) => extname(file) === extension && !file.endsWith(`.d${extension}`))
      .sort()
      .map((file) => ({ name: file.slice(0, -extension.length), path: join(migrationsDir, file) }));
  },
  getMigrationName: (migration) => migration.name,
  getMigration: (migration) => import(pathToFileURL(migration.path).href),
};

/** Brings the schema up to date; safe to run at every start and from several nodes at once. */
export async function migrateToLatest(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource });
}
