import type { Knex } from 'knex';
import { chainEvents, insertEvents, type NewEvent } from '../audit/log.js';
import type { Actor } from '../auth/policy.js';
import { DossierNotFound } from '../errors.js';
import { VersionConflict } from './errors.js';
import { NotWaiting } from '../engine/steps.js';
import type { DossierContext } from './context.js';
import { stepFailure } from './failures.js';
import type { DossierRow } from './repository.js';

// Concurrent changes to one dossier are retried this many times before the caller is asked to try again.
const MAX_ATTEMPTS = 8;

/** The events that record a change, and the diagram whose engine step they belong to (none for other changes). */
export interface Logged {
  events: NewEvent[];
  bpmnSha256: string | null;
}

/** What a change wrote: the dossier as it stood before it, and the events appended to its log. */
export interface Written {
  dossier: DossierRow;
  events: NewEvent[];
}

/**
 * One change to a dossier. `prepare` runs outside any transaction on the dossier as stored — the engine step, which
 * may take seconds and must not hold the database; `apply` runs in the transaction: it checks what is stored, writes
 * rows, and returns the events that record the change (none: nothing happened, and nothing is appended).
 */
export interface Command<Prepared = undefined> {
  prepare?: (dossier: DossierRow, at: Date) => Promise<Prepared>;
  apply: (trx: Knex.Transaction, dossier: DossierRow, at: Date, prepared: Prepared) => Promise<NewEvent[] | Logged>;
}

export type DossierKey = { code: string } | { id: number };

/**
 * The one place where a dossier changes: load, decide (`prepare`), then in one transaction write (`apply`) and append
 * the events under the version guard. When another change to the dossier committed first, the guard fails, nothing is
 * written, and the change is decided again on what is stored now. A failure of the engine is recorded as an incident.
 */
export async function changeDossier<Prepared = undefined>(
  ctx: DossierContext,
  key: DossierKey,
  actor: Actor | null,
  command: Command<Prepared> | Command<Prepared>['apply'],
  /** The dossier as the caller just read it, for the first attempt (a command that prepares, or a migration planned on it). */
  known?: DossierRow,
): Promise<Written> {
  const { prepare, apply } = typeof command === 'function' ? { prepare: undefined, apply: command } : command;
  for (let attempt = 1; ; attempt++) {
    let dossier = attempt === 1 ? known : undefined;
    const at = ctx.clock();
    try {
      if (prepare) dossier ??= await load(ctx, key);
      const prepared = prepare ? await prepare(dossier!, at) : (undefined as Prepared);
      return await ctx.knex.transaction(async (trx) => {
        dossier ??= await load(ctx, key, trx);
        const logged = await apply(trx, dossier, at, prepared);
        return { dossier, events: await appendToLog(ctx, trx, dossier, actor, at, logged) };
      });
    } catch (err) {
      const raced = err instanceof VersionConflict || err instanceof NotWaiting;
      if (raced && attempt < MAX_ATTEMPTS) continue;
      if (!dossier) throw err;
      return stepFailure(ctx.incidents, subjectOf(dossier), err);
    }
  }
}

/** A new dossier: its row inserted and its first events appended, in one transaction (a new row races with no one). */
export async function createDossier(
  ctx: DossierContext,
  actor: Actor | null,
  at: Date,
  insert: (trx: Knex.Transaction) => Promise<DossierRow>,
  apply: (trx: Knex.Transaction, dossier: DossierRow) => Promise<NewEvent[] | Logged>,
): Promise<Written> {
  return ctx.knex.transaction(async (trx) => {
    const dossier = await insert(trx);
    return { dossier, events: await appendToLog(ctx, trx, dossier, actor, at, await apply(trx, dossier)) };
  });
}

/** Appends a change's events to the dossier's hash chain, moving its version from the one it was loaded at. */
async function appendToLog(
  ctx: DossierContext,
  trx: Knex.Transaction,
  dossier: DossierRow,
  actor: Actor | null,
  at: Date,
  change: NewEvent[] | Logged,
): Promise<NewEvent[]> {
  const { events, bpmnSha256 } = Array.isArray(change) ? { events: change, bpmnSha256: null } : change;
  if (!events.length) return events;
  const from = { dossierId: dossier.id, version: dossier.version, lastHash: dossier.last_hash };
  const context = { actorId: actor?.id ?? null, actorUnit: actor?.unitCode ?? null, at: at.toISOString(), bpmnSha256 };
  const { rows, head } = chainEvents(from, context, events);
  await ctx.repo.moveHead(trx, from, head, context.at);
  await insertEvents(trx, rows);
  return events;
}

async function load(ctx: DossierContext, key: DossierKey, trx?: Knex.Transaction): Promise<DossierRow> {
  const dossier = 'code' in key ? await ctx.repo.byCode(key.code, trx) : await ctx.repo.byId(key.id, trx);
  if (!dossier) throw new DossierNotFound('code' in key ? key.code : String(key.id));
  return dossier;
}

function subjectOf(dossier: DossierRow) {
  return {
    dossierId: dossier.id,
    dossierCode: dossier.code,
    procedureCode: dossier.procedure_code,
    versionId: dossier.version_id,
  };
}
