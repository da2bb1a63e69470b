import type { NewEvent } from '../audit/log.js';
import { authorize, type Actor } from '../auth/policy.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import { Conflict } from '../errors.js';
import { PROCESSING, RECEIVED } from '../vocabulary/statuses.js';
import type { DossierContext } from './context.js';
import type { DossierRow } from './repository.js';
import { routeTo, type Route } from './route.js';
import { writeStep } from './step.js';
import { changeDossier } from './command.js';
import { VersionNotFound } from '../catalogue/errors.js';

export interface MigrationInput {
  fromVersion: number;
  toVersion: number;
  /** Waiting activity of the old version → activity of the new one (an activity kept under the same id needs no entry). */
  activityMap: Record<string, string>;
  /** Only these dossiers; all in-flight dossiers of the old version when absent. */
  dossiers?: string[] | undefined;
  dryRun: boolean;
}

export interface MigrationReport {
  dryRun: boolean;
  fromVersion: number;
  toVersion: number;
  moved: { code: string; from: string[]; to: string[] }[];
  cannot: { code: string; reason: string }[];
}

/**
 * Moves in-flight dossiers of a procedure from one published version to another: each must wait at one activity that
 * the map sends to a human task of the new version. The new process is started and driven to that task (the outcomes
 * on the way chosen to reach it), and the move is written as one step of the dossier: `dossier.migrated`, with the
 * route, so that replay can repeat it. A dry run reports which dossiers would move and why others cannot.
 */
export async function migrateDossiers(
  ctx: DossierContext,
  actor: Actor,
  procedureCode: string,
  input: MigrationInput,
): Promise<MigrationReport> {
  authorize(actor, 'procedures:publish', {});
  const from = await version(ctx, procedureCode, input.fromVersion);
  const to = await version(ctx, procedureCode, input.toVersion);
  if (to.status !== 'published')
    throw new Conflict(
      'target-not-published',
      `Phiên bản ${input.toVersion} chưa được công bố, không chuyển hồ sơ sang được.`,
    );
  const definition = await ctx.catalogue.definitionOf(to.id);
  const report: MigrationReport = {
    dryRun: input.dryRun,
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
    moved: [],
    cannot: [],
  };
  const candidates = await ctx.repo.unfinishedOfVersion(procedureCode, from.id);
  const wanted = input.dossiers ? new Set(input.dossiers) : null;
  for (const unknown of [...(wanted ?? [])].filter((code) => !candidates.some((d) => d.code === code))) {
    report.cannot.push({
      code: unknown,
      reason: `Hồ sơ không chạy trên phiên bản ${input.fromVersion} hoặc đã có kết quả.`,
    });
  }
  for (const dossier of candidates.filter((d) => !wanted || wanted.has(d.code))) {
    const open = await ctx.repo.openTasks(dossier.id);
    const problem = obstacle(
      dossier,
      open.map((t) => t.activity_id),
      input.activityMap,
      definition,
    );
    if (typeof problem === 'string') {
      report.cannot.push({ code: dossier.code, reason: problem });
      continue;
    }
    const route = await routeTo(ctx.runner, definition, problem.target);
    if (!route) {
      report.cannot.push({
        code: dossier.code,
        reason: `Không tìm được đường tới bước “${problem.target}” trong phiên bản ${input.toVersion}.`,
      });
      continue;
    }
    if (!input.dryRun) {
      const moved = await move(ctx, actor, dossier, definition, route, {
        fromVersionId: from.id,
        toVersionId: to.id,
        ...input,
      });
      if (!moved) {
        report.cannot.push({ code: dossier.code, reason: 'Hồ sơ vừa được cập nhật trong lúc chuyển; hãy chạy lại.' });
        continue;
      }
    }
    report.moved.push({ code: dossier.code, from: [problem.source], to: [problem.target] });
  }
  return report;
}

/** Why a dossier cannot move, or where it goes. */
function obstacle(
  dossier: DossierRow,
  waiting: string[],
  map: Record<string, string>,
  definition: ProcessDefinition,
): string | { source: string; target: string } {
  if (![RECEIVED, PROCESSING].includes(dossier.status_code as 2 | 4))
    return 'Hồ sơ đang tạm dừng hoặc không còn xử lý.';
  if (waiting.length !== 1)
    return waiting.length
      ? 'Hồ sơ đang ở nhiều bước song song; chỉ chuyển được hồ sơ đang ở một bước.'
      : 'Hồ sơ không chờ ở bước nào.';
  const source = waiting[0]!;
  const target = map[source] ?? (definition.tasks.has(source) ? source : undefined);
  if (!target) return `Bước “${source}” đang chờ không có trong ánh xạ sang phiên bản mới.`;
  if (!definition.tasks.has(target)) return `Bước “${target}” không phải bước xử lý của phiên bản mới.`;
  return { source, target };
}

async function move(
  ctx: DossierContext,
  actor: Actor,
  dossier: DossierRow,
  definition: ProcessDefinition,
  route: Route,
  details: MigrationInput & { fromVersionId: number; toVersionId: number },
): Promise<boolean> {
  const procedure = await ctx.catalogue.get(dossier.procedure_code);
  const cause: NewEvent = {
    type: 'dossier.migrated',
    payload: {
      fromVersion: details.fromVersion,
      toVersion: details.toVersion,
      fromVersionId: details.fromVersionId,
      toVersionId: details.toVersionId,
      activityMap: details.activityMap,
      path: route.path,
    },
  };
  const step = {
    procedureName: procedure.name,
    departmentCode: procedure.departmentCode,
    definition,
    result: route.result,
    cause: [cause],
  };
  try {
    await changeDossier(
      ctx,
      { id: dossier.id },
      actor,
      async (trx, current, at) => {
        // The route was planned from this very state: a dossier that moved since is left where it is.
        if (current.version !== dossier.version) throw new DossierMoved();
        await ctx.repo.updateDossier(trx, dossier.id, { version_id: details.toVersionId });
        return writeStep(ctx, trx, current, step, at);
      },
      dossier,
    );
    return true;
  } catch (err) {
    if (err instanceof DossierMoved) return false;
    throw err;
  }
}

class DossierMoved extends Error {}

async function version(ctx: DossierContext, code: string, number: number): Promise<{ id: number; status: string }> {
  const row = await ctx.repo.versionOf(code, number);
  if (!row) throw new VersionNotFound(code, number);
  return row;
}
