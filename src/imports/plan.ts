import { createHash } from 'node:crypto';
import { localDate } from '../calendar/index.js';
import type { Procedure } from '../catalogue/catalogue.js';
import { handlesProcedure, receivesForOthers, routeTo, type DossierDeps, type Route } from '../dossiers/index.js';
import type { ProcessDefinition } from '../engine/definitions.js';
import { EngineFailure } from '../engine/steps.js';
import { inForce, type Unit } from '../units/directory.js';
import { RESULT_RETURNS, type ResultReturn } from '../vocabulary/result-returns.js';
import { PROCESSED, PROCESSING, RECEIVED, REFUSED, RETURNED, statusLabel, WITHDRAWN } from '../vocabulary/statuses.js';
import { missingColumns, type Column, type LegacyRecord } from './export-file.js';
import { lookUp, type LegacyMapping } from './mapping.js';
import { legacyInstant } from './times.js';

/** Statuses of a dossier still being worked on: imported live, waiting at the mapped step. */
const IN_PROGRESS: readonly number[] = [RECEIVED, PROCESSING];
/** Statuses of a dossier whose life is over (or whose result waits to be handed over): imported as history. */
const ENDED: readonly number[] = [REFUSED, WITHDRAWN, PROCESSED, RETURNED];
/** Statuses whose finish time is the moment the result was ready, counted by the on-time report. */
const RESOLVED: readonly number[] = [PROCESSED, RETURNED];

const COLUMN_NAMES: Partial<Record<Column, string>> = {
  code: 'mã hồ sơ (code)',
  procedure: 'thủ tục (procedure)',
  applicant_name: 'tên người nộp (applicant_name)',
  received_at: 'thời điểm tiếp nhận (received_at)',
  status: 'trạng thái (status)',
};

/** One row ready to import: what the dossier will be, and for one in progress the task it waits at and the way there. */
export interface ImportPlan {
  row: number;
  code: string;
  procedure: Procedure;
  versionId: number;
  definition: ProcessDefinition;
  statusCode: number;
  receivedAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  applicant: { fullName: string; idNumber: string; phone: string | null };
  /** The unit the desk received it for (receipt regardless of administrative boundary), null when the desk's own. */
  competentUnitCode: string | null;
  resultReturn: ResultReturn;
  history: { at: string; actor: string; text: string }[];
  /** The old application's own words, kept in the import event. */
  legacy: { procedure: string; status: string; step: string | null };
  route: (Route & { activityId: string }) | null;
  rowSha256: string;
}

/** Turns rows of one export into import plans, or says why a row cannot be imported (in Vietnamese). */
export class RowPlanner {
  private readonly procedures = new Map<string, Promise<Procedure | null>>();
  private readonly versions = new Map<string, Promise<{ id: number; definition: ProcessDefinition } | null>>();
  private readonly routes = new Map<string, Promise<Route | null>>();

  constructor(
    private readonly deps: Pick<DossierDeps, 'catalogue' | 'runner' | 'clock' | 'units'>,
    private readonly unit: Unit,
    private readonly mapping: LegacyMapping,
  ) {}

  async plan(record: LegacyRecord): Promise<ImportPlan | string> {
    const missing = missingColumns(record);
    if (missing.length) return `thiếu ${missing.map((c) => COLUMN_NAMES[c]).join(', ')}`;
    const { fields } = record;
    if (!/^\S{1,64}$/u.test(fields.code)) return `mã hồ sơ “${fields.code}” dài quá 64 ký tự hoặc có khoảng trắng`;
    const competent = this.competent(fields.competent_unit);
    if (typeof competent === 'string') return competent;
    const resultReturn = (fields.result_return || 'desk') as ResultReturn;
    if (!RESULT_RETURNS.includes(resultReturn))
      return `nơi trả kết quả “${fields.result_return}” không phải một trong ${RESULT_RETURNS.join(', ')} (result_return)`;
    const procedure = await this.procedure(fields.procedure, competent);
    if (typeof procedure === 'string') return procedure;
    const statusCode = lookUp(this.mapping.statuses, fields.status);
    if (statusCode === undefined) return `trạng thái “${fields.status}” không có trong bảng ánh xạ`;
    if (!IN_PROGRESS.includes(statusCode) && !ENDED.includes(statusCode)) {
      return `trạng thái “${fields.status}” (${statusCode} – ${statusLabel(statusCode)}) chưa nhập được: chỉ nhập hồ sơ đang giải quyết (2, 4) hoặc đã kết thúc (3, 7, 9, 10)`;
    }
    const times = this.times(record, statusCode);
    if (typeof times === 'string') return times;
    const history = historyLines(record);
    if (typeof history === 'string') return history;
    const version = await this.version(procedure.code);
    if (!version) return `thủ tục ${procedure.code} không có quy trình được công bố đang có hiệu lực`;
    const stopped = [this.unit, competent].find((u) => !inForce(u, localDate(this.deps.clock())));
    if (IN_PROGRESS.includes(statusCode) && stopped) {
      return `hồ sơ đang giải quyết nhưng ${stopped.name} đã thôi hoạt động: nhập vào đơn vị kế thừa`;
    }
    const route = IN_PROGRESS.includes(statusCode) ? await this.route(record, procedure, version) : null;
    if (typeof route === 'string') return route;
    return {
      row: record.row,
      code: fields.code,
      procedure,
      versionId: version.id,
      definition: version.definition,
      statusCode,
      ...times,
      applicant: {
        fullName: fields.applicant_name,
        idNumber: fields.applicant_id_number,
        phone: fields.applicant_phone || null,
      },
      competentUnitCode: competent === this.unit ? null : competent.code,
      resultReturn,
      history,
      legacy: { procedure: fields.procedure, status: fields.status, step: fields.current_step || null },
      route,
      rowSha256: createHash('sha256')
        .update(JSON.stringify([record.fields, record.history]))
        .digest('hex'),
    };
  }

  /** The unit that handled the dossier: the importing unit, or the one it received the dossier for (`competent_unit`). */
  private competent(code: string): Unit | string {
    if (!code || code === this.unit.code) return this.unit;
    const unit = this.deps.units.get(code);
    if (!unit) return `không có đơn vị mã “${code}” (competent_unit)`;
    if (!receivesForOthers(this.unit))
      return `${this.unit.name} không tiếp nhận hồ sơ thay đơn vị khác: chỉ chi nhánh Trung tâm Phục vụ hành chính công và UBND phường, xã (competent_unit)`;
    return unit;
  }

  private async procedure(word: string, competent: Unit): Promise<Procedure | string> {
    const code = lookUp(this.mapping.procedures, word);
    if (code === undefined) return `thủ tục “${word}” không có trong bảng ánh xạ`;
    if (!this.procedures.has(code)) {
      this.procedures.set(
        code,
        this.deps.catalogue.exists(code).then((known) => (known ? this.deps.catalogue.get(code) : null)),
      );
    }
    const procedure = await this.procedures.get(code)!;
    if (!procedure) return `thủ tục mã ${code} (ánh xạ từ “${word}”) không có trong danh mục`;
    return handlesProcedure(procedure, competent)
      ? procedure
      : `thủ tục “${procedure.name}” không được giải quyết tại ${competent.name}`;
  }

  private times(
    record: LegacyRecord,
    statusCode: number,
  ): Pick<ImportPlan, 'receivedAt' | 'dueAt' | 'finishedAt'> | string {
    const { received_at, due_at, finished_at } = record.fields;
    const receivedAt = legacyInstant(received_at);
    if (!receivedAt) return `thời điểm tiếp nhận “${received_at}” không đọc được`;
    const dueAt = due_at ? legacyInstant(due_at, true) : null;
    if (due_at && !dueAt) return `hạn giải quyết “${due_at}” không đọc được`;
    if (!dueAt && statusCode !== REFUSED) return 'thiếu hạn giải quyết (due_at)';
    if (dueAt && dueAt < receivedAt) return 'hạn giải quyết trước thời điểm tiếp nhận';
    if (!RESOLVED.includes(statusCode)) return { receivedAt, dueAt, finishedAt: null };
    const finishedAt = finished_at ? legacyInstant(finished_at, true) : null;
    if (!finishedAt)
      return finished_at
        ? `thời điểm có kết quả “${finished_at}” không đọc được`
        : 'hồ sơ đã có kết quả nhưng thiếu thời điểm có kết quả (finished_at)';
    if (finishedAt < receivedAt) return 'thời điểm có kết quả trước thời điểm tiếp nhận';
    return { receivedAt, dueAt, finishedAt };
  }

  /** The task a dossier in progress waits at, and the way to it from the start of the procedure's process. */
  private async route(
    record: LegacyRecord,
    procedure: Procedure,
    version: { id: number; definition: ProcessDefinition },
  ): Promise<ImportPlan['route'] | string> {
    const step = record.fields.current_step;
    if (!step) return 'hồ sơ đang giải quyết nhưng thiếu bước hiện tại (current_step)';
    const activityId = lookUp(this.mapping.steps[procedure.code] ?? {}, step);
    if (activityId === undefined) return `bước “${step}” của thủ tục ${procedure.code} không có trong bảng ánh xạ`;
    if (!version.definition.tasks.has(activityId))
      return `“${activityId}” (ánh xạ từ bước “${step}”) không phải bước xử lý trong quy trình của thủ tục ${procedure.code}`;
    const key = `${version.id}:${activityId}`;
    if (!this.routes.has(key))
      this.routes.set(key, routeTo(this.deps.runner, version.definition, activityId).catch(noRoute));
    const route = await this.routes.get(key)!;
    return route
      ? { ...route, activityId }
      : `không tìm được đường tới bước “${activityId}” trong quy trình của thủ tục ${procedure.code}`;
  }

  /** The version in force now: imported dossiers continue (or are kept) on the process officers work with today. */
  private version(procedureCode: string): Promise<{ id: number; definition: ProcessDefinition } | null> {
    if (!this.versions.has(procedureCode)) {
      this.versions.set(
        procedureCode,
        this.deps.catalogue
          .versionInForceOrNull(procedureCode, this.deps.clock())
          .then(async (v) => (v ? { id: v.id, definition: await this.deps.catalogue.definitionOf(v.id) } : null)),
      );
    }
    return this.versions.get(procedureCode)!;
  }
}

function historyLines(record: LegacyRecord): ImportPlan['history'] | string {
  const lines: ImportPlan['history'] = [];
  for (const [i, line] of record.history.entries()) {
    const at = legacyInstant(line.at);
    if (!at) return `dòng lịch sử thứ ${i + 1}: thời gian “${line.at}” không đọc được`;
    if (!line.text) return `dòng lịch sử thứ ${i + 1} không có nội dung`;
    lines.push({ at, actor: line.actor, text: line.text });
  }
  return lines;
}

function noRoute(err: unknown): null {
  if (err instanceof EngineFailure) return null;
  throw err;
}
