import type { Knex } from 'knex';

// SMS through SMPP (issue 23): `sms_parts` holds, per message_id the SMSC gave in a submit_sm_resp, the outbox message
// and the part it is (of `total`), and what the part's delivery receipt says (`status`: DELIVRD, UNDELIV, EXPIRED…).
// A receipt that arrives before its part is recorded (on another node's session) waits in a row without outbox_id.
// The outbox message carries the delivery of the whole: `delivery_status` (DELIVRD once every part is delivered, a
// failure's state as soon as one part failed, else an intermediate state while one is known) and `delivered_at`.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outbox', (t) => {
    t.string('delivery_status', 16);
    t.string('delivered_at', 24);
  });
  await knex.schema.createTable('sms_parts', (t) => {
    t.string('message_id', 65).primary();
    t.integer('outbox_id').references('outbox.id');
    t.integer('part');
    t.integer('total');
    t.string('accepted_at', 24);
    t.string('status', 16);
    t.string('receipt_at', 24);
    t.index(['outbox_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sms_parts');
  // Native DROP COLUMN (SQLite ≥ 3.35 as well): knex's SQLite fallback would copy `outbox`.
  await knex.raw('alter table outbox drop column delivered_at');
  await knex.raw('alter table outbox drop column delivery_status');
}
