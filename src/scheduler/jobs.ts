import type { Knex } from 'knex';

/** A durable job: something to do at a time, stored so that it survives restarts and runs on one node only. */
export interface Job {
  id: number;
  kind: string;
  dossierId: number | null;
  taskId: number | null;
  runAt: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface NewJob {
  kind: string;
  dossierId?: number | null;
  taskId?: number | null;
  runAt: string;
  payload?: Record<string, unknown>;
}

/** The `jobs` table. Due jobs are claimed with a lease; on PostgreSQL with SKIP LOCKED so that each runs on one node. */
export class JobQueue {
  constructor(private readonly knex: Knex) {}

  /** Adds jobs (one statement), in the caller's transaction when given one. */
  async schedule(jobs: NewJob | NewJob[], db: Knex = this.knex, now = new Date()): Promise<void> {
    const rows = [jobs].flat().map((job) => ({
      kind: job.kind,
      dossier_id: job.dossierId ?? null,
      task_id: job.taskId ?? null,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload ?? {}),
      status: 'pending',
      attempts: 0,
      created_at: now.toISOString(),
    }));
    if (rows.length) await db('jobs').insert(rows);
  }

  /** Takes up to `limit` jobs due at `now` (and running jobs whose lease expired: their node died). */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<Job[]> {
    const at = now.toISOString();
    const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
    const skipLocked = this.knex.client.config.client === 'pg' ? ' FOR UPDATE SKIP LOCKED' : '';
    const rows = await this.knex.transaction(async (trx) => {
      const due = await trx.raw(
        `SELECT id FROM jobs WHERE (status = 'pending' AND run_at <= ?) OR (status = 'running' AND locked_until < ?)
         ORDER BY run_at, id LIMIT ?${skipLocked}`,
        [at, at, limit],
      );
      const ids = (Array.isArray(due) ? due : due.rows).map((r: { id: number }) => r.id);
      if (!ids.length) return [];
      await trx('jobs')
        .whereIn('id', ids)
        .update({ status: 'running', locked_until: lockedUntil, attempts: trx.raw('attempts + 1') });
      return trx('jobs').whereIn('id', ids).orderBy(['run_at', 'id']);
    });
    return rows.map(toJob);
  }

  async done(id: number, now: Date): Promise<void> {
    await this.knex('jobs').where({ id }).update({ status: 'done', done_at: now.toISOString(), locked_until: null });
  }

  /** Puts a failed job back for a later attempt, or gives up on it. */
  async failed(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.knex('jobs')
      .where({ id })
      .update(
        retryAt
          ? { status: 'pending', run_at: retryAt.toISOString(), last_error: error, locked_until: null }
          : { status: 'failed', last_error: error, locked_until: null },
      );
  }

  /** Jobs not yet run, for operators and tests. */
  async pending(filter: { dossierId?: number; kind?: string } = {}): Promise<Job[]> {
    const q = this.knex('jobs').whereIn('status', ['pending', 'running']).orderBy(['run_at', 'id']);
    if (filter.dossierId !== undefined) q.where({ dossier_id: filter.dossierId });
    if (filter.kind !== undefined) q.where({ kind: filter.kind });
    return (await q).map(toJob);
  }
}

function toJob(row: Record<string, unknown>): Job {
  return {
    id: Number(row.id),
    kind: String(row.kind),
    dossierId: row.dossier_id === null ? null : Number(row.dossier_id),
    taskId: row.task_id === null ? null : Number(row.task_id),
    runAt: String(row.run_at),
    payload: JSON.parse(String(row.payload)) as Record<string, unknown>,
    attempts: Number(row.attempts),
  };
}
