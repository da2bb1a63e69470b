import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';

t.test('a message another node has claimed is left to it, and taken again once its lease is over', async (t) => {
  const h = await testApp(t);
  const dossier = await receive(h, '1.001193');
  const { deliverer, outbox, db } = h.app.system;
  const row = await db
    .knex('outbox')
    .join('dossiers', 'dossiers.id', 'outbox.dossier_id')
    .where({ code: dossier.code });
  t.equal(row.length, 1, 'one SMS queued');
  const id = row[0].id as number;
  const now = h.clock.now();

  // Another node takes it for its attempt (it dies before it sends).
  t.ok(await outbox.claim(id, now, new Date(now.getTime() + 10 * 60_000)));
  t.notOk(await outbox.claim(id, now, new Date(now.getTime() + 10 * 60_000)), 'taken once');
  t.equal(await deliverer.deliverDue(), 0, 'this node leaves it');
  t.match(await db.knex('outbox').where({ id }).first(), { status: 'pending', attempts: 0 });

  h.clock.advanceHours(1);
  t.equal(await deliverer.deliverDue(), 1, 'after the lease, sent by this node');
  t.match(await db.knex('outbox').where({ id }).first(), { status: 'sent', attempts: 1 });
});
