import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Each node keeps a few small tables in memory (units, the administrator's rules, holidays). Whoever changes one bumps
 * its revision in the same transaction; every node's background loop compares revisions and reloads what changed, so
 * several nodes on one database agree within one loop interval.
 */
const PREFIX = 'revision:';

export type CacheName = 'units' | 'rules' | 'holidays' | 'blocks';

export async function bumpRevision(db: Knex, cache: CacheName): Promise<void> {
  await db('settings')
    .insert({ key: `${PREFIX}${cache}`, value: randomUUID() })
    .onConflict('key')
    .merge();
}

export class CacheWatcher {
  private seen = new Map<string, string>();

  constructor(
    private readonly knex: Knex,
    private readonly reloaders: Record<CacheName, () => Promise<void>>,
  ) {}

  /** Notes the revisions as they are; call before loading the caches, so that no change slips between. */
  async prime(): Promise<void> {
    await this.changed();
  }

  /** Reloads the caches changed (by any node) since the last look; returns their names. */
  async refresh(): Promise<CacheName[]> {
    const names = await this.changed();
    for (const name of names) await this.reloaders[name]();
    return names;
  }

  private async changed(): Promise<CacheName[]> {
    const rows: { key: string; value: string }[] = await this.knex('settings')
      .where('key', 'like', `${PREFIX}%`)
      .select('key', 'value');
    const changed = rows.filter((r) => this.seen.get(r.key) !== r.value);
    for (const row of changed) this.seen.set(row.key, row.value);
    return changed.map((r) => r.key.slice(PREFIX.length) as CacheName).filter((name) => name in this.reloaders);
  }
}
