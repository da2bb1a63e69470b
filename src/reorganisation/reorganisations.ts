import type { Knex } from 'knex';
import { startOfLocalDay } from '../calendar/working-time.js';
import type { Dossiers, SuccessorRule } from '../dossiers/index.js';
import { NotFound } from '../errors.js';
import type { JobQueue } from '../scheduler/jobs.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { UnitDirectory } from '../units/directory.js';
import { planReorganisation, type ReorganisationInput, type ReorganisationPlan, type RetiringUnit } from './plan.js';
import { inputSha256, kindLevels, ReorganisationStore, type ReorganisationStatus } from './store.js';

export interface ReorganisationDeps {
  knex: Knex;
  units: UnitDirectory;
  dossiers: Dossiers;
  jobs: JobQueue;
  clock: () => Date;
}

/** What loading (or dry-running) a reorganisation says. */
export interface ReorganisationReport {
  id: number | null;
  name: string;
  effectiveDate: string;
  status: ReorganisationStatus | 'dry-run';
  created: number;
  continuing: { code: string; before: string; after: string }[];
  retiring: RetiringUnit[];
  /** Unfinished dossiers and staff at retiring units: what moves (dry run, scheduled) or moved (applied). */
  dossiers: number;
  staff: number;
}

/** Called as dossiers are handed over: how many so far, of how many. */
export type Progress = (done: number, total: number) => void;

const JOB_KIND = 'units.reorganise';
const BATCH = 200;

/**
 * Unit reorganisations (merges, splits, abolished levels): an admin loads one from CSV files, dry run first. Loading
 * records the plan; on its effective date (at once when the date has come) it is applied in resumable phases: continuing
 * units take their new names, then each unfinished dossier at a retiring unit is handed over in its own transaction,
 * then staff move. Loading the same files again resumes an interrupted run and changes nothing twice.
 */
export class Reorganisations {
  private readonly store: ReorganisationStore;

  constructor(private readonly deps: ReorganisationDeps) {
    this.store = new ReorganisationStore(deps.knex);
  }

  /** Applies each reorganisation when its date comes, on whichever node takes the job. */
  handle(scheduler: Scheduler): void {
    scheduler.handle(JOB_KIND, async (job) => {
      await this.apply(Number(job.payload.reorganisationId));
    });
  }

  /** Loads a reorganisation (the route checks `units:reorganise`; the command line is the operator's). */
  async load(
    actorId: number | null,
    input: ReorganisationInput & { dryRun: boolean },
    progress?: Progress,
  ): Promise<ReorganisationReport> {
    const { dryRun, ...loaded } = input;
    const sha = inputSha256(loaded);
    const known = await this.store.find(sha);
    if (known && dryRun) return this.report(known.id, known.status, known.plan);
    const plan = known?.plan ?? (await this.plan(loaded));
    if (dryRun) return this.report(null, 'dry-run', plan);
    const stored = known ?? (await this.store.get(await this.record(actorId, plan, sha)))!;
    const status =
      stored.effectiveAt <= this.deps.clock().toISOString() ? await this.apply(stored.id, progress) : stored.status;
    return this.report(stored.id, status, plan);
  }

  async list(): Promise<ReorganisationReport[]> {
    return Promise.all((await this.store.list()).map((r) => this.report(r.id, r.status, r.plan)));
  }

  /** Applies a recorded reorganisation, resuming where an interrupted run stopped. */
  async apply(id: number, progress: Progress = () => undefined): Promise<ReorganisationStatus> {
    const stored = await this.store.get(id);
    if (!stored) throw new NotFound('unknown-reorganisation', `Không có phương án sắp xếp số ${id}.`);
    const { plan } = stored;
    if (stored.status === 'applied') return 'applied';
    if (stored.status === 'scheduled') {
      await this.deps.knex.transaction((trx) => this.store.applyUnitChanges(trx, id, plan));
      await this.deps.units.reload(this.deps.knex);
    }
    await this.handOverDossiers(id, plan, progress);
    await this.deps.knex.transaction(async (trx) => {
      await this.store.moveStaff(trx, plan);
      await this.store.setStatus(trx, id, 'applied', this.deps.clock().toISOString());
    });
    return 'applied';
  }

  private async plan(input: ReorganisationInput): Promise<ReorganisationPlan> {
    return planReorganisation(input, this.deps.units.list(), await kindLevels(this.deps.knex));
  }

  private async record(actorId: number | null, plan: ReorganisationPlan, sha: string): Promise<number> {
    const effectiveAt = startOfLocalDay(plan.effectiveDate);
    const id = await this.deps.knex.transaction(async (trx) => {
      const id = await this.store.record(trx, plan, sha, effectiveAt, actorId, this.deps.clock());
      await this.deps.jobs.schedule(
        { kind: JOB_KIND, runAt: effectiveAt, payload: { reorganisationId: id } },
        trx,
        this.deps.clock(),
      );
      return id;
    });
    await this.deps.units.reload(this.deps.knex);
    return id;
  }

  private async handOverDossiers(id: number, plan: ReorganisationPlan, progress: Progress): Promise<void> {
    const codes = plan.retiring.map((u) => u.code);
    const total = await this.countDossiers(codes);
    let done = 0;
    progress(done, total);
    const reason = { reorganisationId: id, name: plan.name, effectiveDate: plan.effectiveDate };
    const successor = successorRule(plan, this.deps.units);
    for (
      let batch = await this.deps.dossiers.at(codes, BATCH);
      batch.length;
      batch = await this.deps.dossiers.at(codes, BATCH, batch.at(-1))
    ) {
      for (const code of batch) {
        await this.deps.dossiers.handOver(code, successor, reason);
        progress(++done, total);
      }
    }
  }

  private async report(
    id: number | null,
    status: ReorganisationReport['status'],
    plan: ReorganisationPlan,
  ): Promise<ReorganisationReport> {
    const codes = plan.retiring.map((u) => u.code);
    const dossiers = status === 'applied' ? 0 : await this.countDossiers(codes);
    return {
      id,
      name: plan.name,
      effectiveDate: plan.effectiveDate,
      status,
      created: plan.created.length,
      continuing: plan.continuing.map((u) => ({ code: u.code, before: u.before.name, after: u.name })),
      retiring: plan.retiring,
      dossiers,
      staff: status === 'applied' ? 0 : await this.store.staffAt(codes),
    };
  }

  private async countDossiers(codes: string[]): Promise<number> {
    let count = 0;
    for (
      let batch = await this.deps.dossiers.at(codes, 5000);
      batch.length;
      batch = await this.deps.dossiers.at(codes, 5000, batch.at(-1))
    )
      count += batch.length;
    return count;
  }
}

/**
 * Where a retiring unit's work goes. A task at a unit of an abolished level (a district) follows the dossier's desk
 * when the desk lay under it (a commune's dossier goes to that commune's successor); anything else goes to the retiring
 * unit's primary successor.
 */
export function successorRule(plan: ReorganisationPlan, units: UnitDirectory): SuccessorRule {
  const primary = new Map(plan.retiring.map((u) => [u.code, u.primary]));
  const parentBefore = new Map(plan.continuing.map((u) => [u.code, u.before.parentCode]));
  const parentOf = (code: string) =>
    parentBefore.has(code) ? parentBefore.get(code)! : (units.get(code)?.parentCode ?? null);
  const under = (code: string, ancestor: string) => {
    for (let c = parentOf(code); c; c = parentOf(c)) if (c === ancestor) return true;
    return false;
  };
  const abolished = (code: string) => plan.abolishedLevels.includes(units.get(code)?.level ?? '');
  return (unitCode, deskCode) => {
    if (!primary.has(unitCode)) return null;
    if (abolished(unitCode) && under(deskCode, unitCode)) return primary.get(deskCode) ?? deskCode;
    return primary.get(unitCode)!;
  };
}
