import type { Knex } from 'knex';
import { VersionConflict, type NewEvent } from '../audit/log.js';
import type { Actor } from '../auth/policy.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import { NotWaiting, type StepResult } from '../engine/steps.js';
import { MAX_ATTEMPTS } from './change.js';
import type { DossierContext } from './context.js';
import { stepFailure } from './failures.js';
import type { DossierRow } from './repository.js';
import { persistStep } from './step.js';

/** One engine step to take on a dossier, worked out from what is stored now. */
export interface PlannedStep {
  result: StepResult;
  cause: NewEvent[];
  completedTask?: { activityId: string; unitCode: string };
  /** Writes the step's own guard first (e.g. the task is still open); throws VersionConflict when lost. */
  guard?: (trx: Knex.Transaction) => Promise<void>;
}

/**
 * Runs one engine step on a dossier: the engine works outside any transaction, from the stored state; one transaction
 * then writes the step. When another change to the dossier committed first, it all starts again from the new state.
 */
export async function advance(
  ctx: DossierContext,
  dossierId: number,
  actor: Actor | null,
  plan: (dossier: DossierRow, state: string, definition: ProcessDefinition, at: Date) => Promise<PlannedStep>,
  /** The dossier as the caller just read it, for the first attempt. */
  known?: DossierRow,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const dossier = attempt === 1 && known ? known : (await ctx.repo.byId(dossierId))!;
    const procedure = await ctx.catalogue.get(dossier.procedure_code);
    const definition = await ctx.catalogue.definitionOf(dossier.version_id);
    const at = ctx.clock();
    try {
      const step = await plan(dossier, await ctx.repo.stateOf(dossier.id), definition, at);
      await ctx.knex.transaction(async (trx) => {
        await step.guard?.(trx);
        await persistStep(ctx, {
          trx,
          dossier,
          procedureName: procedure.name,
          departmentCode: procedure.departmentCode,
          definition,
          result: step.result,
          actor,
          at,
          cause: step.cause,
          completedTask: step.completedTask,
        });
      });
      return;
    } catch (err) {
      // Someone else moved this dossier first: try again from what is stored now.
      const raced = err instanceof VersionConflict || err instanceof NotWaiting;
      if (!raced || attempt >= MAX_ATTEMPTS) {
        await stepFailure(
          ctx.incidents,
          {
            dossierId: dossier.id,
            dossierCode: dossier.code,
            procedureCode: dossier.procedure_code,
            versionId: dossier.version_id,
          },
          err,
        );
      }
    }
  }
}
