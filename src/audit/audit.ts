import type { Knex } from 'knex';
import { authorizeDossier, type Actor } from '../auth/policy.js';
import type { Calendars } from '../calendar/index.js';
import { sha256, type DefinitionCache, type ProcessDefinition } from '../engine/definitions.js';
import type { Replayer } from '../engine/steps.js';
import { DossierNotFound } from '../errors.js';
import type { UnitDirectory } from '../units/directory.js';
import { BUNDLE_FORMAT, bundleEvents, HASHING_RULE, type AuditBundle } from './bundle.js';
import { heatmap, type HeatmapEntry } from './heatmap.js';
import { replayHistory, type Divergence, type ReplayStep } from './replay.js';
import { AuditRepository, payloadOf, type AuditedDossier, type StoredEvent } from './repository.js';
import { timeline, type TimelineEntry } from './timeline.js';
import { verifyChain, type Verification } from './verify.js';
import { VersionNotFound } from '../catalogue/errors.js';

export interface AuditDeps {
  knex: Knex;
  definitions: DefinitionCache;
  replayer: Replayer;
  units: UnitDirectory;
  calendars: Calendars;
  clock: () => Date;
}

export interface ReplayReport {
  ok: boolean;
  dossierCode: string;
  /** SHA-256 of the BPMN the history was recorded under, and of the BPMN stored for that version now. */
  recordedBpmnSha256: string | null;
  bpmnSha256: string;
  bpmnUnchanged: boolean;
  steps: ReplayStep[];
  /** The state after the step holding event `at` (or after the last step). */
  state: { seq: number; tokens: string[]; statusCode: number } | null;
  divergence: Divergence | null;
}

/** What auditors ask of the log: verification, replay, the readable history, per-activity figures, the evidence bundle. */
export class Audit {
  private readonly repo: AuditRepository;

  constructor(private readonly deps: AuditDeps) {
    this.repo = new AuditRepository(deps.knex);
  }

  /** Working time is counted on the calendar of the unit that held the task. */
  private readonly calendarOf = (unitCode: string) => this.deps.calendars.forUnit(this.deps.units.get(unitCode));

  async verify(code: string): Promise<Verification> {
    const dossier = await this.dossier(code);
    return verifyChain(dossier, await this.repo.events(dossier.id));
  }

  /** Verifies every dossier, reporting progress; yields each broken one. */
  async *verifyAll(
    onProgress: (done: number, total: number) => void = () => undefined,
  ): AsyncGenerator<{ code: string; verification: Verification }> {
    const total = await this.repo.countDossiers();
    let done = 0;
    for (let after = 0; ;) {
      const page = await this.repo.dossierPage(after, 500);
      if (!page.length) return;
      for (const { id, code } of page) {
        const verification = await this.verify(code);
        onProgress(++done, total);
        if (!verification.ok) yield { code, verification };
        after = id;
      }
    }
  }

  /**
   * Re-executes the dossier's process from its recorded receipt and completions and compares it with the record.
   * `definition` replays the history on another diagram instead (will a new version run this dossier?).
   */
  async replay(
    code: string,
    options: { at?: number | undefined; definition?: ProcessDefinition } = {},
  ): Promise<ReplayReport> {
    const dossier = await this.dossier(code);
    const events = await this.repo.events(dossier.id);
    // The version the dossier was received under (a migration may have moved it since), read afresh.
    const initialVersionId = versionsRun(dossier, events)[0]!;
    const stored = new Map<number, string>();
    const definitionOf = async (versionId: number) => {
      const xml = (await this.repo.versionXml(versionId)).xml;
      stored.set(versionId, sha256(xml));
      return this.deps.definitions.get(xml);
    };
    const definition = options.definition ?? (await definitionOf(initialVersionId));
    const { steps, divergence } = await replayHistory(
      events,
      definition,
      definitionOf,
      this.deps.replayer,
      this.calendarOf,
    );
    const recordedBpmnSha256 = events.find((e) => e.bpmn_sha256)?.bpmn_sha256 ?? null;
    const bpmnSha256 =
      options.definition?.sha256 ??
      stored.get(initialVersionId) ??
      sha256((await this.repo.versionXml(initialVersionId)).xml);
    // Every diagram the history ran on must still be stored unchanged.
    const replayed = new Set([bpmnSha256, ...stored.values()]);
    const bpmnUnchanged = events.every((e) => !e.bpmn_sha256 || replayed.has(e.bpmn_sha256));
    const visible = options.at === undefined ? steps : steps.filter((s) => s.seq <= options.at!);
    const last = visible.at(-1);
    return {
      ok: divergence === null && bpmnUnchanged,
      dossierCode: dossier.code,
      recordedBpmnSha256,
      bpmnSha256,
      bpmnUnchanged,
      steps: visible,
      state: last
        ? { seq: options.at ?? events.at(-1)?.seq ?? last.seq, tokens: last.tokens, statusCode: last.statusCode }
        : null,
      divergence,
    };
  }

  /** The dossier's history in Vietnamese, for those allowed to see the dossier. */
  async history(actor: Actor, code: string, options: { detail?: boolean | undefined } = {}): Promise<TimelineEntry[]> {
    const dossier = await this.dossier(code);
    const events = await this.repo.events(dossier.id);
    authorizeDossier(actor, 'dossiers:read', { unitCodes: unitsIn(events) }, code);
    const definitions = await Promise.all(
      versionsRun(dossier, events).map(async (id) => this.deps.definitions.get((await this.repo.versionXml(id)).xml)),
    );
    const userNames = await this.repo.userNames(
      events.flatMap((e) => (e.actor_id === null ? [] : [Number(e.actor_id)])),
    );
    return timeline(events, { definitions, units: this.deps.units, userNames, detail: options.detail ?? false });
  }

  async heatmap(procedureCode: string, versionNumber: number): Promise<HeatmapEntry[]> {
    const version = await this.repo.versionByNumber(procedureCode, versionNumber);
    if (!version) throw new VersionNotFound(procedureCode, versionNumber);
    const definition = await this.deps.definitions.get(version.xml);
    const passages = (await this.repo.versionPassages(version.id)).map((p) => ({
      dossier_id: p.dossier_id,
      elementId: String(payloadOf(p).elementId),
    }));
    return heatmap(definition, passages, await this.repo.versionTasks(version.id), this.calendarOf, this.deps.clock());
  }

  async bundle(code: string): Promise<AuditBundle> {
    const dossier = await this.dossier(code);
    const events = await this.repo.events(dossier.id);
    const bpmn = await Promise.all(
      versionsRun(dossier, events).map(async (id) => {
        const stored = await this.repo.versionXml(id);
        return { versionNumber: stored.number, sha256: sha256(stored.xml), xml: stored.xml };
      }),
    );
    return {
      format: BUNDLE_FORMAT,
      exportedAt: this.deps.clock().toISOString(),
      hashingRule: HASHING_RULE,
      dossier: {
        code: dossier.code,
        procedureCode: dossier.procedure_code,
        version: dossier.version,
        lastHash: dossier.last_hash,
      },
      bpmn,
      events: bundleEvents(events),
      verification: verifyChain(dossier, events),
    };
  }

  private async dossier(code: string): Promise<AuditedDossier> {
    const dossier = await this.repo.dossier(code);
    if (!dossier) throw new DossierNotFound(code);
    return dossier;
  }
}

/** Units the log shows the dossier was submitted to, received at or for, or had a task at. */
function unitsIn(events: readonly StoredEvent[]): string[] {
  return events
    .filter((e) => ['dossier.submitted', 'dossier.received', 'dossier.imported', 'task.created'].includes(e.type))
    .flatMap((e) => {
      const { unitCode, competentUnitCode } = payloadOf(e);
      return competentUnitCode ? [String(unitCode), String(competentUnitCode)] : [String(unitCode)];
    });
}

/** Every version a history ran on, in order: the one it was received under, then those it was moved to. */
function versionsRun(dossier: AuditedDossier, events: readonly StoredEvent[]): number[] {
  const ids: number[] = [];
  for (const e of events) {
    const data = payloadOf(e);
    if ((e.type === 'dossier.received' || e.type === 'dossier.imported') && data.versionId !== undefined)
      ids.push(Number(data.versionId));
    if (e.type === 'dossier.migrated') ids.push(Number(data.toVersionId));
  }
  return [...new Set(ids.length ? ids : [dossier.version_id])];
}
