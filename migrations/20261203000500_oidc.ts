import type { Knex } from 'knex';

// Sign-in through OpenID Connect (VNeID for citizens, the city's single sign-on for officers).
// `oidc_logins`: one row per sign-in under way, keyed by its `state`: the nonce and PKCE verifier it was started with
// and the redirect URI it used; once the provider answered, the one-time `handoff` the web app exchanges for a session
// (the bearer token never travels in an address). Rows older than ten minutes are refused and swept.
// `user_identities`: which account an identity (provider, subject) signs in as, with the claims last received.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('oidc_logins', (t) => {
    t.string('state', 100).primary();
    t.string('provider', 32).notNullable();
    t.string('nonce', 100).notNullable();
    t.string('code_verifier', 200).notNullable();
    t.string('redirect_uri', 500).notNullable();
    t.string('created_at', 24).notNullable();
    t.string('handoff', 100).unique();
    t.integer('user_id').references('users.id');
  });
  await knex.schema.createTable('user_identities', (t) => {
    t.string('provider', 32).notNullable();
    t.string('subject', 255).notNullable();
    t.integer('user_id').notNullable().references('users.id');
    t.text('claims').notNullable();
    t.string('updated_at', 24).notNullable();
    t.primary(['provider', 'subject']);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_identities');
  await knex.schema.dropTable('oidc_logins');
}
