import type { Knex } from 'knex';
import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';

// The inbox query must match its partial indexes word for word (migrations 20261128000700 and 20261129000300): a
// changed condition or expression loses them silently, and a busy unit's inbox then sorts or skips thousands of tasks.
// SQLite's plans do not depend on table statistics here; PostgreSQL's do, so this checks SQLite only.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

t.test(
  'an inbox page is read in order from its index, for one role and for both',
  { skip: onPostgres && 'plans are checked on SQLite' },
  async (t) => {
    const h = await testApp(t);
    const { reads } = h.app.system.db;
    await receive(h, '1.001193');
    await h.user('truongbophan.phucxa', '00001', ['officer', 'leader']);

    const plans: Record<string, string[]> = {};
    for (const username of ['canbo.phucxa', 'truongbophan.phucxa']) {
      const query = await capture(reads, async () => {
        t.equal((await h.request({ method: 'GET', url: '/api/tasks', as: username })).statusCode, 200);
      });
      const rows: { detail: string }[] = await reads.raw(`EXPLAIN QUERY PLAN ${query.sql}`, query.bindings);
      plans[username] = rows.map((r) => r.detail);
    }
    t.match(
      plans['canbo.phucxa']![0],
      /^SEARCH tasks USING INDEX tasks_inbox_role \(unit_code=\? AND role=\?\)/,
      'one role',
    );
    t.match(plans['truongbophan.phucxa']![0], /^SEARCH tasks USING INDEX tasks_inbox \(unit_code=\?\)/, 'both roles');
    t.notOk(
      Object.values(plans)
        .flat()
        .some((step) => step.includes('TEMP B-TREE')),
      'no sort',
    );
  },
);

/** The inbox query (the one ordered by due time) that `act` sends to the read pool. */
async function capture(
  reads: Knex,
  act: () => Promise<void>,
): Promise<{ sql: string; bindings: readonly Knex.Value[] }> {
  const seen: { sql: string; bindings: readonly Knex.Value[] }[] = [];
  const listener = (query: { sql: string; bindings: readonly Knex.Value[] }) => void seen.push(query);
  reads.on('query', listener);
  try {
    await act();
  } finally {
    reads.off('query', listener);
  }
  const inbox = seen.filter((q) => q.sql.includes('order by coalesce(tasks.due_at'));
  if (inbox.length !== 1) throw new Error(`expected one inbox query, saw ${inbox.length}`);
  return inbox[0]!;
}
