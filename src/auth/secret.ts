import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * The key that signs bearer tokens: JWT_SECRET when set, otherwise one generated on first start and kept in the
 * database, so that tokens survive restarts and every node of a multi-node deployment accepts them.
 */
export async function tokenSecret(knex: Knex, configured: string): Promise<string> {
  if (configured) return configured;
  await knex('settings')
    .insert({ key: 'jwt_secret', value: randomBytes(48).toString('base64url') })
    .onConflict('key')
    .ignore();
  const row = await knex('settings').where({ key: 'jwt_secret' }).first('value');
  return row.value;
}
