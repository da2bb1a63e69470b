import type { Knex } from 'knex';
import { BadRequest } from '../errors.js';
import type { UnitDirectory } from '../units/directory.js';
import { NEW } from '../vocabulary/statuses.js';

export const GROUPINGS = ['unit', 'level', 'procedure', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface OnTimeFilter {
  /** First and last local day (YYYY-MM-DD) of receipt, both included. */
  from: string;
  to: string;
  level?: string | undefined;
  unitCode?: string | undefined;
  procedureCode?: string | undefined;
  groupBy: Grouping;
  /** Count retired units' dossiers under the units that succeeded them (a reorganisation), for unit groups and the unit filter. */
  rollUp?: boolean | undefined;
}

/**
 * One group's figures, over the dossiers received in the period. A dossier's receipt counts at the desk that received
 * it, its outcome at its competent unit (the one it was received for, regardless of administrative boundary, else the
 * desk itself; both units of the day of receipt, which roll up to their successors). They reconcile: handled = resolved + inProgress + paused + withdrawn,
 * resolved = onTime + late (early is part of onTime), and over every unit the sums of received and handled are equal.
 */
export interface OnTimeRow {
  key: string;
  label: string;
  /** Received at this desk (refusals apart). */
  received: number;
  /** Within this unit's competence: the dossiers whose outcome counts here. */
  handled: number;
  resolved: number;
  onTime: number;
  early: number;
  late: number;
  inProgress: number;
  paused: number;
  withdrawn: number;
  /** Not received (status 3), outside `received`. */
  refused: number;
  /** onTime / resolved, null when nothing was resolved. */
  onTimeRate: number | null;
  /** With groupBy=unit: late dossiers (any receiving unit) whose lateness is attributed to this unit. */
  lateAttributed?: number;
}

const COUNTS = [
  'received',
  'handled',
  'resolved',
  'onTime',
  'early',
  'late',
  'inProgress',
  'paused',
  'withdrawn',
  'refused',
  'lateAttributed',
] as const;

const OFFSET = 7; // Hà Nội, UTC+7: days and months are local

const DESK_COUNTS = ['received', 'refused'] as const;
const OUTCOME_COUNTS = ['handled', 'resolved', 'on_time', 'early', 'late', 'paused', 'withdrawn'] as const;
const DAILY_COUNTS = [...DESK_COUNTS, ...OUTCOME_COUNTS] as const;

/** A period as UTC instants: from its first local midnight, up to (not including) the one after its last day. */
interface Period {
  from: string;
  to: string;
}

/** The on-time report (the headline figure by which units are judged), computed in SQL from the dossiers' rows or their daily counts. */
export class OnTimeReport {
  constructor(
    private readonly knex: Knex,
    private readonly units: UnitDirectory,
  ) {}

  async run(filter: OnTimeFilter): Promise<OnTimeRow[]> {
    const period = { from: localMidnight(filter.from), to: localMidnight(filter.to, 1) };
    if (period.from >= period.to)
      throw new BadRequest('invalid-period', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    // The daily counts per unit answer every report that neither filters nor groups by procedure.
    const byDay = !filter.procedureCode && filter.groupBy !== 'procedure';
    const rows = (await (byDay ? this.fromDailyCounts(filter) : this.fromDossiers(filter, period))) as Record<
      string,
      string | number
    >[];
    const attributed = new Map<string, number>();
    if (filter.groupBy === 'unit') {
      const late = (await (byDay ? this.lateAttributedByDay(filter) : this.lateAttributed(period, filter))) as {
        unit: string;
        n: string | number;
      }[];
      for (const { unit, n } of late) attributed.set(unit, Number(n));
    }
    const result = rows.map((r) => {
      const n = (k: string) => Number(r[k] ?? 0);
      const row: OnTimeRow = {
        key: String(r.key),
        label: this.label(filter.groupBy, String(r.key), filter.to),
        received: n('received'),
        handled: n('handled'),
        resolved: n('resolved'),
        onTime: n('on_time'),
        early: n('early'),
        late: n('late'),
        inProgress: n('handled') - n('resolved') - n('paused') - n('withdrawn'),
        paused: n('paused'),
        withdrawn: n('withdrawn'),
        refused: n('refused'),
        onTimeRate: n('resolved') ? Math.round((n('on_time') / n('resolved')) * 10000) / 10000 : null,
      };
      return filter.groupBy === 'unit' ? { ...row, lateAttributed: attributed.get(row.key) ?? 0 } : row;
    });
    return filter.rollUp && filter.groupBy === 'unit' ? this.rolledUp(result) : result;
  }

  /** The counts the database keeps per local day of receipt and receiving unit (migration 20261129000200). */
  private fromDailyCounts(filter: OnTimeFilter): Knex.QueryBuilder {
    const key = { unit: 'c.unit_code', level: 'u.level_code', month: 'substr(c.day, 1, 7)' }[
      filter.groupBy as Exclude<Grouping, 'procedure'>
    ];
    return this.dailyCounts(filter)
      .groupByRaw(key)
      .orderByRaw(key)
      .select(this.knex.raw(`${key} as key`), ...DAILY_COUNTS.map((c) => this.knex.raw(`sum(c.${c}) as ${c}`)));
  }

  private dailyCounts(filter: OnTimeFilter): Knex.QueryBuilder {
    const q = this.knex('report_counts as c')
      .join('units as u', 'u.code', 'c.unit_code')
      .where('c.day', '>=', localDay(filter.from))
      .where('c.day', '<=', localDay(filter.to));
    if (filter.level) q.where('u.level_code', filter.level);
    if (filter.unitCode)
      q.whereIn('c.unit_code', filter.rollUp ? this.units.lineage(filter.unitCode) : [filter.unitCode]);
    return q;
  }

  private lateAttributedByDay(filter: OnTimeFilter): Knex.QueryBuilder {
    return this.dailyCounts({ ...filter, unitCode: undefined })
      .whereNot('c.late_unit_code', '')
      .groupBy('c.late_unit_code')
      .select('c.late_unit_code as unit', this.knex.raw('sum(c.dossiers) as n'));
  }

  /**
   * The same figures computed over the dossier rows (read from the index `dossiers_report`): each dossier counts its
   * receipt at its desk and its outcome at the unit that handles it, as the daily counts do.
   */
  private fromDossiers(filter: OnTimeFilter, period: Period): Knex.QueryBuilder {
    const desk = this.dossierSide(filter, period, 'd.unit_code', DESK_COUNTS);
    const outcome = this.dossierSide(filter, period, 'coalesce(d.competent_unit_code, d.unit_code)', OUTCOME_COUNTS);
    return this.knex
      .from(desk.unionAll(outcome).as('p'))
      .groupBy('p.key')
      .orderBy('p.key')
      .select('p.key', ...DAILY_COUNTS.map((c) => this.knex.raw(`sum(p.${c}) as ${c}`)));
  }

  /** One row per dossier received in the period, keyed by the group of `unit`, with 1 or 0 for each of `counted`. */
  private dossierSide(
    filter: OnTimeFilter,
    { from, to }: Period,
    unit: string,
    counted: readonly (typeof DAILY_COUNTS)[number][],
  ): Knex.QueryBuilder {
    const pg = this.knex.client.config.client === 'pg';
    const localDayOf = (column: string) =>
      pg
        ? `to_char((${column})::timestamptz + interval '${OFFSET} hours', 'YYYY-MM-DD')`
        : `date(${column}, '+${OFFSET} hours')`;
    const key = {
      unit,
      level: 'u.level_code',
      procedure: 'd.procedure_code',
      month: pg
        ? `to_char(d.received_at::timestamptz + interval '${OFFSET} hours', 'YYYY-MM')`
        : `strftime('%Y-%m', d.received_at, '+${OFFSET} hours')`,
    }[filter.groupBy];
    const resolvedOnTime = `d.finished_at is not null and (d.due_at is null or d.finished_at <= d.due_at)`;
    const flags: Record<(typeof DAILY_COUNTS)[number], string> = {
      received: 'd.status_code <> 3',
      refused: 'd.status_code = 3',
      handled: 'd.status_code <> 3',
      resolved: 'd.finished_at is not null',
      on_time: resolvedOnTime,
      early: `${resolvedOnTime} and d.due_at is not null and ${localDayOf('d.finished_at')} < ${localDayOf('d.due_at')}`,
      late: 'd.finished_at is not null and d.finished_at > d.due_at',
      paused: 'd.finished_at is null and d.status_code in (5, 6, 8)',
      withdrawn: 'd.status_code = 7',
    };
    const q = this.knex('dossiers as d')
      .join('units as u', 'u.code', this.knex.raw(unit))
      .where('d.received_at', '>=', from)
      .where('d.received_at', '<', to)
      .whereNot('d.status_code', NEW) // submitted online, not yet received at the desk: neither received nor refused
      .select(
        this.knex.raw(`${key} as key`),
        ...DAILY_COUNTS.map((c) =>
          this.knex.raw(counted.includes(c) ? `case when ${flags[c]} then 1 else 0 end as ${c}` : `0 as ${c}`),
        ),
      );
    if (filter.level) q.where('u.level_code', filter.level);
    if (filter.unitCode)
      q.whereIn(this.knex.raw(unit) as never, filter.rollUp ? this.units.lineage(filter.unitCode) : [filter.unitCode]);
    if (filter.procedureCode) q.where('d.procedure_code', filter.procedureCode);
    return q;
  }

  /** Unit rows summed under each unit's heir today; labels are the heirs' current names. */
  private rolledUp(rows: OnTimeRow[]): OnTimeRow[] {
    const byHeir = new Map<string, OnTimeRow>();
    for (const row of rows) {
      const key = this.units.heirOf(row.key);
      const sum = byHeir.get(key);
      if (!sum) {
        byHeir.set(key, { ...row, key, label: this.units.get(key)?.name ?? key });
        continue;
      }
      for (const k of COUNTS) sum[k] = (sum[k] ?? 0) + (row[k] ?? 0);
    }
    return [...byHeir.values()]
      .map((r) => ({ ...r, onTimeRate: r.resolved ? Math.round((r.onTime / r.resolved) * 10000) / 10000 : null }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  private lateAttributed({ from, to }: Period, filter: OnTimeFilter): Knex.QueryBuilder {
    const q = this.knex('dossiers as d')
      .join('units as u', 'u.code', 'd.unit_code')
      .where('d.received_at', '>=', from)
      .where('d.received_at', '<', to)
      .whereNotNull('d.late_unit_code')
      .groupBy('d.late_unit_code')
      .select('d.late_unit_code as unit', this.knex.raw('count(*) as n'));
    if (filter.level) q.where('u.level_code', filter.level);
    if (filter.procedureCode) q.where('d.procedure_code', filter.procedureCode);
    return q;
  }

  /** A unit is labelled with its name at the end of the period: a report on 2024 shows the units of 2024. */
  private label(groupBy: Grouping, key: string, periodEnd: string): string {
    if (groupBy === 'unit') return this.units.nameAt(key, periodEnd) ?? key;
    if (groupBy === 'level') return this.units.levels.find((l) => l.code === key)?.name ?? key;
    if (groupBy === 'month') return `Tháng ${key.slice(5, 7)}/${key.slice(0, 4)}`;
    return key;
  }
}

function localMidnight(day: string, plusDays = 0): string {
  return new Date(Date.parse(localDay(day)) + plusDays * 86_400_000 - OFFSET * 3_600_000).toISOString();
}

/** The day as YYYY-MM-DD; 400 when it is no date. */
function localDay(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new BadRequest('invalid-date', `Ngày không hợp lệ: ${day}.`);
  return new Date(ms).toISOString().slice(0, 10);
}

const CSV_COLUMNS: [keyof OnTimeRow, string][] = [
  ['key', 'Mã'],
  ['label', 'Tên'],
  ['received', 'Tiếp nhận'],
  ['handled', 'Thuộc thẩm quyền'],
  ['resolved', 'Đã giải quyết'],
  ['onTime', 'Đúng hạn (gồm trước hạn)'],
  ['early', 'Trước hạn'],
  ['late', 'Quá hạn'],
  ['inProgress', 'Đang giải quyết'],
  ['paused', 'Tạm dừng'],
  ['withdrawn', 'Rút hồ sơ'],
  ['refused', 'Từ chối tiếp nhận'],
  ['onTimeRate', 'Tỷ lệ đúng hạn'],
  ['lateAttributed', 'Quá hạn do đơn vị'],
];

/** The report as CSV (UTF-8 with BOM, so that spreadsheet programs read the Vietnamese headers right). */
export function onTimeCsv(rows: readonly OnTimeRow[], groupBy: Grouping): string {
  const columns = CSV_COLUMNS.filter(([k]) => k !== 'lateAttributed' || groupBy === 'unit');
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = [
    columns.map(([, title]) => cell(title)).join(','),
    ...rows.map((r) => columns.map(([k]) => cell(r[k])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
