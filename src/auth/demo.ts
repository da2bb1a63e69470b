import type { Knex } from 'knex';

/**
 * A demo database (`npm start` on the embedded default) carries accounts whose password the README publishes. Its
 * being a demo is recorded when it is created and never changes: a database created for real work never gets those
 * accounts, and refuses their published passwords and the default administrator password even if someone sets them.
 */
const KEY = 'database:demo';

/** The password of every demo account, published in the README. */
export const DEMO_PASSWORD = 'motcua2018';
/** The administrator's password on a demo database when ADMIN_PASSWORD is unset, published in the README. */
export const DEFAULT_ADMIN_PASSWORD = 'motcua-admin';

export async function markDemo(db: Knex, demo: boolean): Promise<void> {
  await db('settings')
    .insert({ key: KEY, value: String(demo) })
    .onConflict('key')
    .merge();
}

export async function isDemoDatabase(db: Knex): Promise<boolean> {
  return (await db('settings').where({ key: KEY }).first('value'))?.value === 'true';
}

/** A published password, refused on a database that is not a demo. */
export function isPublishedPassword(password: string): boolean {
  return password === DEMO_PASSWORD || password === DEFAULT_ADMIN_PASSWORD;
}
